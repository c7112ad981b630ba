#include "BurnerClock.h"

#include <algorithm>
#include <ctime>

namespace stemcrate::bench {

namespace {

int64_t nowNs(clockid_t clock)
{
    timespec t{};
    clock_gettime(clock, &t);
    return int64_t(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

} // namespace

BurnerClock::BurnerClock()
{
    m_sample.reserve(1 << 16);
    m_kept.reserve(1 << 14); // never grown while burning (a full list keeps its first units)
}

void BurnerClock::run(const std::atomic<bool>& stop)
{
    constexpr int kIterations = 200'000; // about 1 ms of this VM's CPU
    volatile double x = 1.0;
    int64_t cpu = nowNs(CLOCK_THREAD_CPUTIME_ID), wall = nowNs(CLOCK_MONOTONIC);
    while (!stop.load(std::memory_order_relaxed)) {
        for (int i = 0; i < kIterations; ++i)
            x = x * 1.0000001 + 1e-9;
        const int64_t cpuNow = nowNs(CLOCK_THREAD_CPUTIME_ID), wallNow = nowNs(CLOCK_MONOTONIC);
        const double cpuMs = double(cpuNow - cpu) / 1e6;
        if (m_units++ % 64 == 0 && m_sample.size() < m_sample.capacity())
            m_sample.push_back(cpuMs);
        if (cpuMs >= kKeptMs && m_kept.size() < m_kept.capacity())
            m_kept.push_back({wallNow, cpuMs, double(wallNow - wall) / 1e6});
        cpu = cpuNow;
        wall = wallNow;
    }
}

double BurnerClock::medianCpuMs() const
{
    if (m_sample.empty())
        return 0.0;
    std::vector<double> sorted = m_sample;
    std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
    return sorted[sorted.size() / 2];
}

} // namespace stemcrate::bench
