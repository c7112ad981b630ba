#include "TerminalProgress.h"

#include "CliOutput.h"

#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace stemcrate::cli {

TerminalProgress::TerminalProgress() : m_enabled(isatty(STDERR_FILENO) == 1) {}

void TerminalProgress::update(const std::string& label, double fraction, double etaSeconds)
{
    if (!m_enabled)
        return;
    const auto now = std::chrono::steady_clock::now();
    if (m_drawn && fraction < 1.0 && now - m_lastDraw < std::chrono::milliseconds(100))
        return;
    m_lastDraw = now;
    m_drawn = true;
    constexpr int kWidth = 30;
    fraction = std::clamp(fraction, 0.0, 1.0);
    const int filled = static_cast<int>(fraction * kWidth + 0.5);
    std::string bar(static_cast<size_t>(filled), '#');
    bar.append(static_cast<size_t>(kWidth - filled), '-');
    std::string eta;
    if (etaSeconds >= 0.0) {
        const int s = static_cast<int>(etaSeconds + 0.5);
        char time[32];
        std::snprintf(time, sizeof time, "%d:%02d", s / 60, s % 60);
        eta = "  " + substitute(translate("stemcrate-cli", "ETA %1"), {time});
    }
    std::string shown = label.size() > 40 ? "..." + label.substr(label.size() - 37) : label;
    std::fprintf(stderr, "\r\033[K[%s] %3d%%  %s%s", bar.c_str(), static_cast<int>(fraction * 100.0),
                 shown.c_str(), eta.c_str());
    std::fflush(stderr);
}

void TerminalProgress::finish()
{
    if (m_enabled && m_drawn) {
        std::fprintf(stderr, "\r\033[K");
        std::fflush(stderr);
    }
    m_drawn = false;
}

} // namespace stemcrate::cli
