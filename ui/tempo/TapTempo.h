#pragma once
// TapTempo: a tempo from the times a musician taps a key or button. The BPM is the least-squares slope of
// the last kMaxTaps taps (so one early or late tap moves it little); a pause longer than kResetSeconds
// starts a new count.
//
// Ownership: plain value. Threads: one thread (the GUI's). Units: seconds (any monotonic clock), BPM.

#include <deque>
#include <optional>

namespace stemcrate::ui {

class TapTempo
{
public:
    static constexpr int kMaxTaps = 8;
    static constexpr double kResetSeconds = 2.0;

    // Returns the tempo once two taps are in (nothing after the first tap of a count).
    std::optional<double> tap(double seconds);
    void reset() { m_taps.clear(); }
    int taps() const { return static_cast<int>(m_taps.size()); }

private:
    std::deque<double> m_taps;
};

} // namespace stemcrate::ui
