#pragma once
// StallMeter: the largest gap between ticks of a 1 ms timer on the GUI thread, i.e. the longest time the
// event loop could not run (a stall the musician would feel), counted while `running` holds (always when
// none is given).
//
// With `subtractRunQueueWait` (Linux), it also reads the thread's /proc/thread-self/schedstat at every tick
// and keeps, over the gaps: the largest gap minus the run-queue wait within it (second field: nanoseconds
// runnable but waiting for a core; on a loaded machine the GUI thread itself waits), and the largest time
// the thread ran on a core within one gap (first field): our own work. The two differ where the machine
// stops the thread in other ways (a virtual machine's CPU taken by its host: steal time).
// Test and benchmark helper; GUI thread; milliseconds.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

#ifdef __linux__
#include <fcntl.h>
#include <unistd.h>
#endif

namespace stemcrate::test {

class StallMeter : public QObject
{
public:
    explicit StallMeter(std::function<bool()> running = {}, bool subtractRunQueueWait = false)
        : m_running(std::move(running))
    {
#ifdef __linux__
        if (subtractRunQueueWait)
            m_schedstat = ::open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC);
#else
        (void)subtractRunQueueWait;
#endif
        m_timer.setInterval(1);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            qint64 ran = -1;
            const qint64 waited = schedstat(ran);
            if ((!m_running || m_running()) && m_last > 0) {
                m_worstNs = std::max(m_worstNs, now - m_last);
                if (waited >= 0 && m_lastWaited >= 0) {
                    m_worstOwnNs = std::max(m_worstOwnNs, now - m_last - (waited - m_lastWaited));
                    m_worstRanNs = std::max(m_worstRanNs, ran - m_lastRan);
                }
            }
            m_last = now;
            m_lastWaited = waited;
            m_lastRan = ran;
        });
        m_clock.start();
        m_timer.start();
    }
    ~StallMeter() override
    {
#ifdef __linux__
        if (m_schedstat >= 0)
            ::close(m_schedstat);
#endif
    }
    StallMeter(const StallMeter&) = delete;
    StallMeter& operator=(const StallMeter&) = delete;

    double worstMs() const { return double(m_worstNs) / 1e6; }
    // The longest gap less the GUI thread's run-queue wait within it; -1 without subtractRunQueueWait.
    double worstOwnMs() const { return m_schedstat >= 0 ? double(m_worstOwnNs) / 1e6 : -1.0; }
    // The most time the thread ran on a core within one gap; -1 without subtractRunQueueWait.
    double worstRunningMs() const { return m_schedstat >= 0 ? double(m_worstRanNs) / 1e6 : -1.0; }

private:
    // The run-queue wait (ns), and the time run in `ran` (ns); -1 when unknown.
    qint64 schedstat(qint64& ran) const
    {
#ifdef __linux__
        char text[96];
        if (m_schedstat < 0)
            return -1;
        const ssize_t size = ::pread(m_schedstat, text, sizeof(text) - 1, 0);
        if (size <= 0)
            return -1;
        text[size] = '\0';
        unsigned long long running = 0, waiting = 0;
        if (std::sscanf(text, "%llu %llu", &running, &waiting) != 2)
            return -1;
        ran = qint64(running);
        return qint64(waiting);
#else
        (void)ran;
        return -1;
#endif
    }

    std::function<bool()> m_running;
    QTimer m_timer;
    QElapsedTimer m_clock;
    int m_schedstat = -1;
    qint64 m_last = 0;
    qint64 m_lastWaited = -1;
    qint64 m_worstNs = 0;
    qint64 m_worstOwnNs = 0;
    qint64 m_lastRan = -1;
    qint64 m_worstRanNs = 0;
};

} // namespace stemcrate::test
