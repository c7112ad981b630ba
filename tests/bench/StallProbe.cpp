#include "StallProbe.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <ctime>

namespace stemcrate::bench {

namespace {

constexpr double kStallMs = 16.0;

// The GUI thread's idle sleeps so far (sleepIdle); only the GUI thread touches them.
uint64_t g_idleNs = 0, g_idleCpuNs = 0;
long g_idleSwitches = 0;

long voluntarySwitches()
{
    rusage usage{};
    return getrusage(RUSAGE_THREAD, &usage) == 0 ? usage.ru_nvcsw : 0;
}

// The machine's steal time, all CPUs, in clock ticks ("cpu" line of /proc/stat, eighth value).
uint64_t stealTicks(int statFd)
{
    char text[256];
    const ssize_t n = statFd >= 0 ? ::pread(statFd, text, sizeof text - 1, 0) : -1;
    if (n <= 0)
        return 0;
    text[n] = '\0';
    uint64_t v[8] = {};
    std::sscanf(text,
                "cpu %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64
                " %" SCNu64,
                &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]);
    return v[7];
}

void keepLonger(StallProbe::Phase& phase, const StallProbe::Gap& gap)
{
    if (gap.rawMs > phase.longestRaw.rawMs)
        phase.longestRaw = gap;
    if (gap.rawMs - gap.waitMs > phase.longestRawLessWait.rawMs - phase.longestRawLessWait.waitMs)
        phase.longestRawLessWait = gap;
    if (gap.ownMs > phase.longestOwn.ownMs)
        phase.longestOwn = gap;
    if (gap.seenOwnMs > phase.longestSeenOwn.seenOwnMs)
        phase.longestSeenOwn = gap;
    phase.ownOver16Ms += gap.ownMs >= kStallMs;
    phase.seenOwnOver16Ms += gap.seenOwnMs >= kStallMs;
}

} // namespace

StallProbe::StallProbe()
{
    // /proc/thread-self is the calling (GUI) thread; the file is reread with pread on every tick.
    m_schedstatFd = ::open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC);
    m_statFd = ::open("/proc/stat", O_RDONLY | O_CLOEXEC);
    // Named, so that PaintTimes lists the probe's own ticks apart from the app's timers (its ticks are
    // outside every gap: their cost is the harness's, see tick()).
    m_timer.setObjectName(QStringLiteral("stallProbeTimer"));
    // Two hours of ticks: no reallocation of 2-16 MB inside a tick (page faults, a large free).
    m_raw.reserve(size_t(1) << 23);
    m_own.reserve(size_t(1) << 23);
    m_timer.setInterval(1);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
    m_clock.start();
    m_timer.start();
}

StallProbe::~StallProbe()
{
    s_lastTickNs.store(0, std::memory_order_relaxed);
    if (m_schedstatFd >= 0)
        ::close(m_schedstatFd);
    if (m_statFd >= 0)
        ::close(m_statFd);
}

void StallProbe::sleepIdle(int ms)
{
    // Idle is the whole call's wall time (the sleep, a late wake-up, and this function's own reads of
    // /proc, which are the harness's work) less the run-queue wait schedstat counts in it; the CPU the call
    // used is counted apart (idleCpu), so that the parts of a gap do not overlap and no harness time is
    // charged as ours.
    const auto counters = [](uint64_t& cpuNs, uint64_t& waitNs) {
        uint64_t staleCpuNs = 0;
        waitNs = 0;
        if (FILE* f = std::fopen("/proc/thread-self/schedstat", "r")) {
            if (std::fscanf(f, "%" SCNu64 " %" SCNu64, &staleCpuNs, &waitNs) != 2)
                waitNs = 0;
            std::fclose(f);
        }
        timespec cpu{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
        cpuNs = uint64_t(cpu.tv_sec) * 1000000000u + uint64_t(cpu.tv_nsec);
    };
    QElapsedTimer clock;
    clock.start();
    s_inIdleSleep.store(true, std::memory_order_relaxed);
    uint64_t cpuBefore = 0, waitBefore = 0, cpuAfter = 0, waitAfter = 0;
    counters(cpuBefore, waitBefore);
    const long before = voluntarySwitches();
    ::usleep(useconds_t(ms) * 1000);
    g_idleSwitches += voluntarySwitches() - before;
    counters(cpuAfter, waitAfter);
    s_inIdleSleep.store(false, std::memory_order_relaxed);
    const uint64_t wallNs = uint64_t(clock.nsecsElapsed());
    const uint64_t waitNs = waitAfter - waitBefore;
    g_idleNs += wallNs > waitNs ? wallNs - waitNs : 0;
    g_idleCpuNs += cpuAfter - cpuBefore;
}

StallProbe::Sample StallProbe::sample() const
{
    Sample s;
    s.wallNs = m_clock.nsecsElapsed();
    timespec mono{};
    clock_gettime(CLOCK_MONOTONIC, &mono);
    s.monotonicNs = int64_t(mono.tv_sec) * 1000000000 + mono.tv_nsec;
    if (m_schedstatFd >= 0) {
        char text[128];
        const ssize_t n = ::pread(m_schedstatFd, text, sizeof text - 1, 0);
        if (n > 0) {
            text[n] = '\0';
            uint64_t staleCpuNs = 0;
            std::sscanf(text, "%" SCNu64 " %" SCNu64, &staleCpuNs, &s.waitNs);
        }
    }
    // CPU time from the thread's clock, not schedstat's first field: that one is brought up to date only at
    // a tick or a switch, so a gap could be charged CPU time its predecessors used.
    timespec cpu{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu) == 0)
        s.cpuNs = uint64_t(cpu.tv_sec) * 1000000000u + uint64_t(cpu.tv_nsec);
    s.idleNs = g_idleNs;
    s.idleCpuNs = g_idleCpuNs;
    s.idleSwitches = g_idleSwitches;
    s.stealTicks = stealTicks(m_statFd);
    rusage usage{};
    if (getrusage(RUSAGE_THREAD, &usage) == 0) {
        s.minorFaults = usage.ru_minflt;
        s.majorFaults = usage.ru_majflt;
        s.voluntary = usage.ru_nvcsw;
        s.involuntary = usage.ru_nivcsw;
    }
    return s;
}

void StallProbe::tick()
{
    const Sample now = sample();
    if (m_haveLast) {
        Gap gap;
        gap.rawMs = double(now.wallNs - m_last.wallNs) / 1e6;
        gap.waitMs = double(now.waitNs - m_last.waitNs) / 1e6;
        // The harness's CPU inside sleepIdle is part of idle, not ours.
        gap.cpuMs =
            double(int64_t(now.cpuNs - m_last.cpuNs) - int64_t(now.idleCpuNs - m_last.idleCpuNs)) / 1e6;
        gap.cpuMs = std::max(0.0, gap.cpuMs);
        gap.idleMs = double(now.idleNs - m_last.idleNs) / 1e6;
        gap.minorFaults = now.minorFaults - m_last.minorFaults;
        gap.majorFaults = now.majorFaults - m_last.majorFaults;
        gap.voluntarySwitches = now.voluntary - m_last.voluntary;
        gap.involuntarySwitches = now.involuntary - m_last.involuntary;
        gap.cpuMs = std::min(gap.cpuMs, std::max(0.0, gap.rawMs - gap.waitMs - gap.idleMs));
        const double rest = std::max(0.0, gap.rawMs - gap.waitMs - gap.idleMs - gap.cpuMs);
        const bool sleptInOurCode = gap.voluntarySwitches > now.idleSwitches - m_last.idleSwitches;
        (sleptInOurCode ? gap.blockedMs : gap.stolenMs) = rest;
        gap.ownMs = gap.cpuMs + gap.blockedMs;
        gap.seenOwnMs = gap.ownMs;
        if (unseenCpu && gap.ownMs >= 8.0) {
            gap.unseenCpuMs = std::clamp(
                unseenCpu(m_last.monotonicNs, now.monotonicNs, int64_t(m_last.cpuNs), int64_t(now.cpuNs)),
                0.0, gap.cpuMs);
            gap.seenOwnMs = gap.ownMs - gap.unseenCpuMs;
        }
        gap.machineStealMs =
            double(now.stealTicks - m_last.stealTicks) * 1000.0 / double(sysconf(_SC_CLK_TCK));
        gap.atSeconds = double(now.wallNs) / 1e9;
        keepLonger(m_phases[m_phase], gap);
        if (m_counted) { // the percentiles are the session's
            m_raw.push_back(gap.rawMs);
            m_own.push_back(gap.ownMs);
        }
        if (gap.ownMs >= kStallMs) {
            m_ownStalls.emplace_back(m_phase, gap);
            std::fprintf(
                stderr,
                "  own stall at %.1f s (%s): raw %.1f ms = run-queue wait %.1f + idle %.1f + cpu %.1f + "
                "blocked %.1f + stolen %.1f; machine steal %.0f ms; faults %ld minor %ld major; "
                "switches %ld voluntary %ld forced; CPU no kernel tick saw %.1f ms\n",
                gap.atSeconds, m_phase.c_str(), gap.rawMs, gap.waitMs, gap.idleMs, gap.cpuMs, gap.blockedMs,
                gap.stolenMs, gap.machineStealMs, gap.minorFaults, gap.majorFaults, gap.voluntarySwitches,
                gap.involuntarySwitches, gap.unseenCpuMs);
        }
        if (gap.ownMs >= keepMs && onOwnStall)
            onOwnStall(m_phase, gap, m_last.monotonicNs, now.monotonicNs);
    }
    // Read again after the bookkeeping, so that the next gap does not count the probe's own work.
    m_last = sample();
    m_haveLast = true;
    s_lastTickNs.store(m_last.monotonicNs, std::memory_order_relaxed);
}

void StallProbe::phase(const char* name, bool counted)
{
    if (!counted)
        m_uncounted.push_back(name);
    m_counted = counted;
    m_phase = name;
    m_order.push_back(name);
    std::fprintf(stderr, "[%7.1f s] %s\n", double(m_clock.elapsed()) / 1e3, name);
}

StallProbe::Phase StallProbe::result(const std::string& name) const
{
    const auto it = m_phases.find(name);
    return it == m_phases.end() ? Phase{} : it->second;
}

StallProbe::Phase StallProbe::whole() const
{
    Phase all;
    for (const auto& [name, phase] : m_phases) {
        if (std::find(m_uncounted.begin(), m_uncounted.end(), name) != m_uncounted.end())
            continue;
        if (phase.longestRaw.rawMs > all.longestRaw.rawMs)
            all.longestRaw = phase.longestRaw;
        const StallProbe::Gap &a = all.longestRawLessWait, &b = phase.longestRawLessWait;
        if (b.rawMs - b.waitMs > a.rawMs - a.waitMs)
            all.longestRawLessWait = b;
        if (phase.longestOwn.ownMs > all.longestOwn.ownMs)
            all.longestOwn = phase.longestOwn;
        if (phase.longestSeenOwn.seenOwnMs > all.longestSeenOwn.seenOwnMs)
            all.longestSeenOwn = phase.longestSeenOwn;
        all.ownOver16Ms += phase.ownOver16Ms;
        all.seenOwnOver16Ms += phase.seenOwnOver16Ms;
    }
    return all;
}

double StallProbe::quantile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    return values[size_t(std::min<double>(double(values.size() - 1), p * double(values.size())))];
}

} // namespace stemcrate::bench
