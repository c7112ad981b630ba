#pragma once
// `stemcrate-cli probe [--exact] FILE...`: one JSON object per file on stdout, one line each:
//   {"path", "codec", "sample_rate", "channels", "duration_s", "frames_44k1", "frames_exact", "title",
//    "artist", "album", "tags": {...}}
// sample_rate and channels are the file's own; frames_44k1 is the length in frames once decoded to the
// engine's 44.1 kHz. Without --exact it is computed from the container's duration (round(duration_s *
// 44100), fast, "frames_exact": false); with --exact the file is decoded and both duration_s and
// frames_44k1 are the exact decoded length ("frames_exact": true).
// Main thread. Exit codes: 0 every file probed, 1 at least one failed ("error: <file>: <reason>" on
// stderr; the other files are still probed), 2 usage error.

#include <string>
#include <vector>

namespace stemcrate::cli {

int runProbe(const std::vector<std::string>& args);
const char* probeUsage();

} // namespace stemcrate::cli
