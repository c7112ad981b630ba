#pragma once
// StallSampler: call stacks of the GUI thread taken while it is in a long gap between two probe ticks
// (bench_gui_stall, issue 16), to name what an "own" stall was made of.
//
// A sampler thread of its own watches the time of the probe's last tick (StallProbe::lastTickNs()). While
// the GUI thread has not ticked for `afterMs` and is not in the harness's idle sleep, it interrupts the GUI
// thread with a signal every `everyMs`; the handler stores backtrace() and the thread's state ('R' running
// or runnable, 'S'/'D' asleep, read by the sampler from /proc) in a ring. When the probe reports a gap whose
// own part reached 16 ms, keep() copies the samples inside that gap out of the ring; print() symbolizes
// them at the end (dladdr, so the benchmark links with exported symbols).
//
// Owner: the caller, constructed and used on the GUI thread (the thread that is sampled). One per process
// (the signal handler is process-wide). Linux/glibc only. Units: ms in parameters, CLOCK_MONOTONIC ns in
// time stamps.

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

namespace stemcrate::bench {

class StallSampler
{
public:
    StallSampler(int afterMs = 8, int everyMs = 3);
    ~StallSampler();
    StallSampler(const StallSampler&) = delete;
    StallSampler& operator=(const StallSampler&) = delete;

    // Keeps the samples taken in [startNs, endNs) (CLOCK_MONOTONIC) under `label`.
    void keep(const std::string& label, int64_t startNs, int64_t endNs);
    // Prints every kept gap's samples, identical stacks merged, to stderr.
    void print(int maxFrames = 22) const;

private:
    static constexpr int kFrames = 40;
    static constexpr int kRing = 16384;
    struct Sample
    {
        int64_t atNs = 0;
        int frames = 0;
        char state = '?';
        void* stack[kFrames] = {};
    };
    struct Kept
    {
        std::string label;
        std::vector<Sample> samples;
    };
    static void onSignal(int);
    void run();

    std::vector<Sample> m_ring;
    std::atomic<uint64_t> m_written{0}; // samples written so far; slot = index % kRing
    std::vector<Kept> m_kept;
    int m_afterMs, m_everyMs;
    int m_guiTid = 0;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace stemcrate::bench
