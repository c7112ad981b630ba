#pragma once
// StallSampler: call stacks of the GUI thread taken while it is in a long gap between two probe ticks
// (bench_gui_stall, issue 16), to name what an "own" stall was made of.
//
// A sampler thread of its own watches the time of the probe's last tick (StallProbe::lastTickNs()). While
// the GUI thread has not ticked for `afterMs` and is not in the harness's idle sleep, it interrupts the GUI
// thread with a signal every `everyMs`; the handler stores backtrace() and the thread's state ('R' running
// or runnable, 'S'/'D' asleep, read by the sampler from /proc) in a ring. Those signals queue: while the
// GUI thread waits for a core they are answered together where it was preempted (and the sampler thread
// itself may not get a core while the GUI thread runs). So a timer on the GUI thread's own CPU clock also
// interrupts it after every 1 ms of its CPU (the kernel checks at its tick: every 4 ms at HZ 250), and the
// handler keeps that sample when a gap is as long: the gap's CPU is sampled where it is spent. Time the
// kernel spends on the thread's account (an interrupt's softirqs, without IRQ time accounting) shows as
// samples at one user-space pc with CPU charged between them and no switch. print() gives each sample's times
// (asked, answered, CPU between). When the probe reports a gap whose own part reached its keep threshold
// (StallProbe::keepMs, 16 ms unless lowered), keep() copies the samples inside that gap out of the ring;
// print() symbolizes them at the end (dladdr, so the benchmark links with exported symbols).
//
// With `othersToo`, each time it samples the GUI thread while the GUI thread is asleep outside the idle sleep
// (waiting for a lock, I/O or a page), it also interrupts every other thread of the process (from
// /proc/self/task, with rt_tgsigqueueinfo and a second signal) and stores their stacks, names and states: a
// GUI thread waiting for a lock (glibc's malloc arena, Qt's posted-event list) waits for a thread that holds
// it, and a reniced holder preempted inside the locked section answers its signal only when it runs again,
// where it was preempted. print() then says, per kept gap, which other threads were inside malloc, free,
// realloc or malloc_trim (the allocator's exported entry points on their stacks, glibc's or mimalloc's own
// frames before them) at those times, with their stacks.
//
// Owner: the caller, constructed and used on the GUI thread (the thread that is sampled). One per process
// (the signal handler is process-wide). Linux/glibc only. Units: ms in parameters, CLOCK_MONOTONIC ns in
// time stamps.

#include <signal.h>
#include <time.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace stemcrate::bench {

class StallSampler
{
public:
    StallSampler(int afterMs = 8, int everyMs = 3, bool othersToo = false);
    ~StallSampler();
    StallSampler(const StallSampler&) = delete;
    StallSampler& operator=(const StallSampler&) = delete;

    // Keeps the samples taken in [startNs, endNs) (CLOCK_MONOTONIC) under `label`.
    void keep(const std::string& label, int64_t startNs, int64_t endNs);
    // The CPU time (ms) the GUI thread's CPU clock gained in [startNs, endNs) (its clock at startCpuNs and
    // endCpuNs there) that no kernel tick saw it use. The CPU timer (1 ms of the thread's CPU) is checked at
    // the kernel's ticks on the CPU running the thread, so a thread that runs is sighted at every tick
    // (kernelTickMs()); CPU charged between two sightings beyond two ticks and the timer's period is time
    // the thread was not seen running: on a VM whose host stopped the virtual CPU, the guest's clock jumps
    // at its next tick and the whole jump is charged to the thread that was current (bench_gui_stall,
    // BENCHMARKS.md: one sample after 104.7 ms of "CPU" in the probe's own clock_gettime). 0 without the
    // CPU timer.
    double unseenCpuMs(int64_t startNs, int64_t endNs, int64_t startCpuNs, int64_t endCpuNs) const;
    // The kernel's tick (CONFIG_HZ from /boot/config-<release> or /proc/config.gz; 10 ms when unknown: HZ
    // 100's, the longest, which takes the least off a gap).
    double kernelTickMs() const { return double(m_tickNs) / 1e6; }
    // Prints every kept gap's samples, identical stacks merged, to stderr.
    void print(int maxFrames = 22) const;

private:
    static constexpr int kFrames = 40;
    static constexpr int64_t kSeenAfterMs = 2; // CPU-timed samples are kept from this far into a gap
    static constexpr int kRing = 16384;
    struct Sample
    {
        int64_t atNs = 0;         // delivered (the handler ran)
        int64_t requestNs = 0;    // the sampler thread sent the signal
        int64_t threadCpuNs = 0;  // the GUI thread's CPU clock at delivery
        long switches = 0;        // its voluntary + forced context switches at delivery
        int64_t handlerCpuNs = 0; // the CPU this sample's handler took (the GUI thread's, charged to the gap)
        bool cpuTimed = false;    // taken by the GUI thread's CPU-time timer, not asked by the sampler
        int frames = 0;
        char state = '?';
        void* stack[kFrames] = {};
    };
    // Another thread's sample, asked for by the sampler thread (request*) and filled in by that thread's
    // signal handler (handled*, stack); `index` tells a slot's current request from an older one.
    struct OtherSample
    {
        std::atomic<uint64_t> index{~uint64_t(0)};
        std::atomic<bool> ready{false};
        int64_t requestNs = 0, handledNs = 0;
        int tid = 0;
        char state = '?';
        char name[16] = {};
        int frames = 0;
        void* stack[kFrames] = {};
    };
    struct OtherCopy
    {
        uint64_t index = 0;
        int64_t requestNs = 0, handledNs = 0;
        int tid = 0;
        char state = '?';
        std::string name;
        std::vector<void*> stack; // empty while the thread had not answered when the gap was kept
    };
    struct Kept
    {
        std::string label;
        std::vector<Sample> samples;
        std::vector<OtherCopy> others;
        int64_t startNs = 0;
    };
    static constexpr int kOtherRing = 1 << 16;
    static void onSignal(int, siginfo_t* info, void*);
    static void onOtherSignal(int, siginfo_t* info, void*);
    void run();
    // Calls `use` with each ring sample delivered in [startNs, endNs), oldest first.
    void forEachSample(int64_t startNs, int64_t endNs, const std::function<void(const Sample&)>& use) const;
    void sampleOthers(int64_t now);
    void printTimes(const Kept& kept) const;
    void printOthers(const std::vector<OtherCopy>& others, int64_t startNs, int maxFrames) const;

    std::vector<Sample> m_ring;
    std::atomic<uint64_t> m_written{0}; // samples written so far; slot = index % kRing
    std::vector<Kept> m_kept;
    int m_afterMs, m_everyMs;
    int64_t m_tickNs = 10000000;
    int m_guiTid = 0;
    int m_samplerTid = 0;
    bool m_othersToo = false;
    std::vector<OtherSample> m_others; // kOtherRing slots when othersToo
    std::atomic<uint64_t> m_othersAsked{0};
    std::atomic<bool> m_stop{false};
    timer_t m_cpuTimer{};
    bool m_haveCpuTimer = false;
    std::thread m_thread;
};

} // namespace stemcrate::bench
