#pragma once
// Logging: one Qt message handler for the whole process. Every message goes to the previous handler
// (stderr) and is appended, with a timestamp, level and category, to the log file
// $XDG_STATE_HOME/stemcrate/stemcrate.log (default ~/.local/state/stemcrate/stemcrate.log). User-facing
// errors stay short; the details go here (shared/DESIGN.md, Errors).
//
// Threads: install() belongs in main(), before other threads start; the handler itself is thread-safe
// (one mutex around the file). The log state is never destroyed, so messages during static
// destruction are safe.

#include <QString>

namespace stemcrate {

class Logging
{
public:
    // Installs the handler; later calls do nothing and return the first result. Rotates a log above
    // 4 MiB to stemcrate.log.1. Returns false if the file cannot be opened (stderr still works).
    static bool install();

    // Where install() writes (or would write).
    static QString logFilePath();
};

} // namespace stemcrate
