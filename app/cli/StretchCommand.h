#pragma once
// `stemcrate-cli stretch INPUT (--bpm B [--from-bpm A]) [--semitones N | --to-key K [--from-key K]] -o OUT`:
// fits a whole audio file (a loop, a sample) to a tempo and key with Rubber Band's offline R3 engine,
// through core/library's exporter (same writing, tags and never-overwriting placement as `export`).
// --from-bpm and --from-key default to the input's BPM and key tags, else to its analysis. Prints the path
// written on stdout.
// Main thread. Exit codes: 0 written, 1 the input or the output failed ("error: <file>: <reason>" on
// stderr, nothing written), 2 usage error, 130 interrupted.

#include <string>
#include <vector>

namespace stemcrate::cli {

int runStretch(const std::vector<std::string>& args);
const char* stretchUsage();

} // namespace stemcrate::cli
