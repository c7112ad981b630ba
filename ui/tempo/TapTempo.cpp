#include "tempo/TapTempo.h"

namespace stemcrate::ui {

std::optional<double> TapTempo::tap(double seconds)
{
    if (!m_taps.empty() && (seconds - m_taps.back() > kResetSeconds || seconds <= m_taps.back()))
        m_taps.clear();
    m_taps.push_back(seconds);
    while (static_cast<int>(m_taps.size()) > kMaxTaps)
        m_taps.pop_front();
    const auto n = static_cast<double>(m_taps.size());
    if (m_taps.size() < 2)
        return std::nullopt;
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (size_t i = 0; i < m_taps.size(); ++i) {
        const auto x = static_cast<double>(i);
        sx += x;
        sy += m_taps[i];
        sxx += x * x;
        sxy += x * m_taps[i];
    }
    const double period = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    if (period <= 0.0)
        return std::nullopt;
    return 60.0 / period;
}

} // namespace stemcrate::ui
