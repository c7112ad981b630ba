#pragma once
// Writing a small text file (an instrument, a manifest) atomically: the path holds the old file or the
// complete new one, never a part (AtomicFile: temporary, fsync, rename over).
// Threads: reentrant, any thread (it fsyncs: not the GUI thread). Errors name the file.

#include "common/Result.h"

#include <string>

namespace stemcrate::library {

Result<void> writeTextFileAtomically(const std::string& path, const std::string& text);

} // namespace stemcrate::library
