#pragma once
// StallProbe: the GUI thread's stalls, per phase of a scripted session (bench_gui_stall, issue 16).
//
// A 1 ms precise timer on the GUI thread is the probe; a stall is the wall-clock gap between two ticks. On a
// shared machine most of a long gap can be the machine's: the thread was runnable but waited for a core, or
// (in a VM) its virtual CPU was not run by the host. So at both ends of every gap the probe also reads the
// GUI thread's schedstat (run-queue wait ns), CPU clock and rusage (page faults, context switches), and
// splits:
//   raw     = wall-clock gap;
//   wait    = run-queue wait (runnable, no core: the guest's scheduling);
//   idle    = the benchmark's own sleeps between event-loop passes (StallProbe::sleepIdle), late wake-ups
//             and the call's own /proc reads included: the GUI thread had nothing of ours to do;
//   cpu     = the thread's CPU time (CLOCK_THREAD_CPUTIME_ID; steal excluded by the kernel's paravirt
//             accounting) outside sleepIdle, at most raw - wait - idle;
//   blocked = raw - wait - idle - cpu when the thread slept outside sleepIdle (voluntary switches): a lock,
//             I/O or a page fault of ours;
//   stolen  = the same remainder when it did not sleep at all: the thread ran, yet neither ran nor waited
//             in the guest's view, i.e. the host did not run its virtual CPU (corroborated by /proc/stat's
//             steal column, 10 ms ticks, in the log);
//   own     = cpu + blocked: what our code cost the GUI thread.
// The brief's first split, raw - wait, is reported too ("raw - wait"); nothing is hidden.
//
// Owner: the caller, on the GUI thread (construct, phase(), read results there). Units: ms in results.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace stemcrate::bench {

class StallProbe : public QObject
{
public:
    // One gap between two ticks, split as above (ms); faults and switches counted in the gap.
    struct Gap
    {
        double rawMs = 0, waitMs = 0, idleMs = 0, cpuMs = 0, blockedMs = 0, stolenMs = 0, ownMs = 0;
        double machineStealMs = 0; // all virtual CPUs, from /proc/stat (10 ms ticks)
        // CPU time charged to the thread that no kernel tick saw it use (unseenCpu below; 0 without it), and
        // own less that: what the kernel saw our code cost.
        double unseenCpuMs = 0, seenOwnMs = 0;
        long minorFaults = 0, majorFaults = 0, voluntarySwitches = 0, involuntarySwitches = 0;
        double atSeconds = 0; // when the gap ended, since the probe started
    };
    struct Phase
    {
        Gap longestRaw;         // the gap with the largest raw figure
        Gap longestRawLessWait; // the gap with the largest raw - wait
        Gap longestOwn;         // the gap with the largest own figure
        Gap longestSeenOwn;     // the gap with the largest own figure less its unseen CPU
        int ownOver16Ms = 0;
        int seenOwnOver16Ms = 0; // gaps whose own figure less their unseen CPU reached 16 ms
    };

    // Starts ticking; the calling thread must be the GUI thread (its schedstat is read).
    StallProbe();
    ~StallProbe() override;

    // The benchmark's idle sleep between event-loop passes, on the GUI thread; counted as idle, not own.
    static void sleepIdle(int ms);
    // Gaps from now on belong to phase `name`; an uncounted phase (the benchmark's own checks) is left out
    // of whole().
    void phase(const char* name, bool counted = true);
    const std::vector<std::string>& phases() const { return m_order; }
    Phase result(const std::string& name) const;
    Phase whole() const;
    // p-th quantile (0..1) of the raw or own gaps of the whole run.
    double rawPercentile(double p) const { return quantile(m_raw, p); }
    double ownPercentile(double p) const { return quantile(m_own, p); }
    size_t ticks() const { return m_raw.size(); }
    // Gaps whose own part reached 16 ms, in order (for the log: what they were made of).
    const std::vector<std::pair<std::string, Gap>>& ownStalls() const { return m_ownStalls; }
    // False when schedstat cannot be read (no CONFIG_SCHED_INFO): then own == raw.
    bool splitsGaps() const { return m_schedstatFd >= 0; }
    // Called on the GUI thread for every gap whose own part reached keepMs (16 ms unless set lower, e.g. to
    // study shorter waits), with the gap's ends (CLOCK_MONOTONIC ns), e.g. to keep the stacks StallSampler
    // took in it.
    std::function<void(const std::string& phase, const Gap&, int64_t startNs, int64_t endNs)> onOwnStall;
    double keepMs = 16.0;
    // Optional (StallSampler::unseenCpuMs): for a gap whose own part reached 8 ms, the CPU time (ms) that
    // the thread's CPU clock gained between its ends, [startNs, endNs) CLOCK_MONOTONIC with the thread's
    // CPU clock at startCpuNs and endCpuNs, with no kernel tick seeing the thread run. A gap is judged
    // against the bound both with and without it.
    std::function<double(int64_t startNs, int64_t endNs, int64_t startCpuNs, int64_t endCpuNs)> unseenCpu;
    // For StallSampler's thread: CLOCK_MONOTONIC ns of the last tick (0 before the first), and whether the
    // GUI thread is in sleepIdle now.
    static int64_t lastTickNs() { return s_lastTickNs.load(std::memory_order_relaxed); }
    static bool inIdleSleep() { return s_inIdleSleep.load(std::memory_order_relaxed); }

private:
    struct Sample
    {
        qint64 wallNs = 0;
        int64_t monotonicNs = 0;
        uint64_t cpuNs = 0, waitNs = 0, idleNs = 0, idleCpuNs = 0, stealTicks = 0;
        long idleSwitches = 0;
        long minorFaults = 0, majorFaults = 0, voluntary = 0, involuntary = 0;
    };
    static inline std::atomic<int64_t> s_lastTickNs{0};
    static inline std::atomic<bool> s_inIdleSleep{false};
    Sample sample() const;
    void tick();
    static double quantile(std::vector<double> values, double p);

    QTimer m_timer;
    QElapsedTimer m_clock;
    int m_schedstatFd = -1, m_statFd = -1;
    Sample m_last;
    bool m_haveLast = false;
    std::string m_phase = "start";
    std::vector<std::string> m_order;
    std::map<std::string, Phase> m_phases;
    std::vector<std::string> m_uncounted;
    bool m_counted = true; // the current phase's
    std::vector<double> m_raw, m_own;
    std::vector<std::pair<std::string, Gap>> m_ownStalls;
};

} // namespace stemcrate::bench
