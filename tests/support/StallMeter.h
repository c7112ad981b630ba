#pragma once
// StallMeter: the largest gap between ticks of a 1 ms timer on the GUI thread, i.e. the longest time the
// event loop could not run (a stall the musician would feel), counted while `running` holds (always when
// none is given). Test and benchmark helper; GUI thread; milliseconds.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <algorithm>
#include <functional>

namespace stemcrate::test {

class StallMeter : public QObject
{
public:
    explicit StallMeter(std::function<bool()> running = {}) : m_running(std::move(running))
    {
        m_timer.setInterval(1);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if ((!m_running || m_running()) && m_last > 0)
                m_worstNs = std::max(m_worstNs, now - m_last);
            m_last = now;
        });
        m_clock.start();
        m_timer.start();
    }
    double worstMs() const { return double(m_worstNs) / 1e6; }

private:
    std::function<bool()> m_running;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worstNs = 0;
};

} // namespace stemcrate::test
