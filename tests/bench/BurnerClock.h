#pragma once
// BurnerClock: how much this machine inflates a thread's CPU clock (bench_gui_stall, issue 16). The burner
// thread repeats one fixed unit of arithmetic (no memory traffic, no system call inside) and reads its own
// CPU clock after each; a unit that normally costs about 1 ms and measured many times that did not do more
// work: the time was charged to it by the machine. On this project's VMs neither steal time (/proc/stat
// steal stays 0) nor interrupt time is accounted, so the host descheduling a virtual CPU, or interrupts
// handled on it, count as CPU time of whatever thread ran there: the GUI thread's "own CPU" in StallProbe
// includes the same charge when it happens to be running. Units whose CPU reached kKeptMs are kept with
// their time, so that the benchmark can print them per phase beside the GUI thread's gaps.
//
// Owner: the benchmark. run() on the burner thread; the rest after run() returned (or for the median, from
// any thread after the session). Units: ms, CLOCK_MONOTONIC ns for times.

#include <atomic>
#include <cstdint>
#include <vector>

namespace stemcrate::bench {

class BurnerClock
{
public:
    static constexpr double kKeptMs = 4.0;
    struct Unit
    {
        int64_t endNs = 0; // CLOCK_MONOTONIC at its end
        double cpuMs = 0, wallMs = 0;
    };

    BurnerClock();
    // Burns until `stop` holds.
    void run(const std::atomic<bool>& stop);

    size_t units() const { return m_units; }
    double medianCpuMs() const; // of a sample of every unit
    const std::vector<Unit>& kept() const { return m_kept; }

private:
    size_t m_units = 0;
    std::vector<double> m_sample; // every 64th unit's CPU
    std::vector<Unit> m_kept;
};

} // namespace stemcrate::bench
