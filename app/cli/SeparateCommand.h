#pragma once
// `stemcrate-cli separate`: separate each input into OUTDIR/<input name>/<stem>.<ext>.
// Runs on the CLI's main thread (the engine's threads do the work). Exit codes: 0 all inputs succeeded,
// 1 at least one failed (each failure printed as "error: <file>: <reason>"), 2 usage error, 130 interrupted.

#include <string>
#include <vector>

namespace stemcrate::cli {

int runSeparate(const std::vector<std::string>& args);
const char* separateUsage();

} // namespace stemcrate::cli
