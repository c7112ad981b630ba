#pragma once
// `stemcrate-cli similar FILE --library DIR [-n N] [--index PATH]`: the N samples of the library folder that
// sound most like FILE, nearest first, one JSON object per line:
//   {"rank", "path", "distance", "name", "stem", "kind", "class", "bpm", "key", "duration_s"}
// The folder's index (core/library's LibraryIndex: tags, features) is brought up to date first, reading only
// new and changed files, and saved (default: $XDG_CACHE_HOME/stemcrate/library/<hash>.index). FILE may be
// inside the library (it is then left out of the list) or anywhere else.
// Main thread. Exit codes: 0 done, 1 FILE or the folder could not be read ("error: <file>: <reason>" on
// stderr), 2 usage error, 130 interrupted.

#include <string>
#include <vector>

namespace stemcrate::cli {

int runSimilar(const std::vector<std::string>& args);
const char* similarUsage();

} // namespace stemcrate::cli
