#pragma once
// StallMeter: the largest gap between ticks of a 1 ms timer on the GUI thread, i.e. the longest time the
// event loop could not run (a stall the musician would feel), counted while `running` holds (always when
// none is given).
//
// With `subtractRunQueueWait` (Linux), it also reads the thread's run-queue wait, the second field of
// /proc/thread-self/schedstat (nanoseconds spent runnable but waiting for a core), at every tick, and keeps
// the largest gap minus the wait within it: the stall our own work caused, apart from the machine's
// scheduling (on a loaded machine the GUI thread itself waits for a core).
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
            const qint64 waited = runQueueWaitNs();
            if ((!m_running || m_running()) && m_last > 0) {
                m_worstNs = std::max(m_worstNs, now - m_last);
                if (waited >= 0 && m_lastWaited >= 0)
                    m_worstOwnNs = std::max(m_worstOwnNs, now - m_last - (waited - m_lastWaited));
            }
            m_last = now;
            m_lastWaited = waited;
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

private:
    qint64 runQueueWaitNs() const
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
        return std::sscanf(text, "%llu %llu", &running, &waiting) == 2 ? qint64(waiting) : -1;
#else
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
};

} // namespace stemcrate::test
