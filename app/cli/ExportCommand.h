#pragma once
// `stemcrate-cli export INPUT --start SECONDS --end SECONDS [options] -o OUTPUT_FILE_OR_DIR`: cuts a region
// of any audio file (e.g. a stem written by `separate`) into a sample, through core/library's exporter:
// same shaping, tags and never-overwriting placement as the app. Prints the path written on stdout.
// -o names a folder if it exists as one or ends in '/': the file name then comes from --name's template.
// Otherwise it names the file; its extension picks the format unless --format is given. An existing file
// is never replaced: " (2)", " (3)", ... is added.
// Main thread. Exit codes: 0 written, 1 the input or the output failed ("error: <file>: <reason>" on
// stderr, nothing written), 2 usage error, 130 interrupted.

#include <string>
#include <vector>

namespace stemcrate::cli {

int runExport(const std::vector<std::string>& args);
const char* exportUsage();

} // namespace stemcrate::cli
