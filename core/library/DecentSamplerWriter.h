#pragma once
// DecentSamplerWriter: an InstrumentKit as a Decent Sampler preset (.dspreset, XML): one <group> per zone
// holding one <sample path= rootNote= loNote= hiNote= trigger="attack">. Zones play as one-shots (a long
// release, no loop); choke groups become tags / silencedByTags (silencingMode="fast"). Text is escaped,
// so the file is well-formed XML whatever the names. Written atomically (AtomicFile).
//
// Threads: reentrant, any thread (writes and fsyncs a file: not the GUI thread). Errors name the file.

#include "common/Result.h"
#include "library/InstrumentKit.h"

#include <string>

namespace stemcrate::library {

std::string decentSamplerText(const InstrumentKit& kit);
Result<void> writeDecentSampler(const std::string& path, const InstrumentKit& kit);

} // namespace stemcrate::library
