#pragma once
// `stemcrate-cli analyze`: tempo, beats, key, loudness, onsets and loop candidates of each input, printed
// as one JSON object per file (one line each). With --stems, the stems that `separate -o DIR` wrote are
// analysed too (tempo from the drums, key from bass + other). Runs on the CLI's main thread.
// Exit codes: 0 all inputs analysed, 1 at least one failed (each printed as "error: <file>: <reason>",
// the others still analysed), 2 usage error, 130 interrupted.

#include <string>
#include <vector>

namespace stemcrate::cli {

int runAnalyze(const std::vector<std::string>& args);
const char* analyzeUsage();

} // namespace stemcrate::cli
