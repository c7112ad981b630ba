#pragma once
// A one-line progress bar on stderr, redrawn in place, shown only when stderr is a terminal.
// Throttled to about 10 redraws a second. Single thread (the CLI's worker loop).

#include <chrono>
#include <string>

namespace stemcrate::cli {

class TerminalProgress
{
public:
    TerminalProgress();
    bool enabled() const { return m_enabled; }
    // fraction in [0, 1]; etaSeconds < 0 when unknown.
    void update(const std::string& label, double fraction, double etaSeconds = -1.0);
    // Clears the line so normal output can follow.
    void finish();

private:
    bool m_enabled;
    bool m_drawn = false;
    std::chrono::steady_clock::time_point m_lastDraw{};
};

} // namespace stemcrate::cli
