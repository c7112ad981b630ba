#pragma once
// SfzWriter: an InstrumentKit as an SFZ file (https://sfzformat.com): one <region> per zone with sample=,
// key= (lokey = hikey = pitch_keycenter) and loop_mode=one_shot, plus group= / off_by= for choke groups.
// Written atomically (AtomicFile): the path holds the old file or the complete new one, never a part.
//
// Threads: reentrant, any thread (writes and fsyncs a file: not the GUI thread). Errors name the file.

#include "common/Result.h"
#include "library/InstrumentKit.h"

#include <string>

namespace stemcrate::library {

// The SFZ text of the kit.
std::string sfzText(const InstrumentKit& kit);
Result<void> writeSfz(const std::string& path, const InstrumentKit& kit);

} // namespace stemcrate::library
