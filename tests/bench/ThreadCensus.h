#pragma once
// ThreadCensus: which of the process's threads used CPU during a benchmark, and at which nice value
// (bench_gui_stall, issue 16). Every background thread of the app (decode, separation and its intra-op and
// BLAS threads, view workers) should run at the workers' lowered priority; a worker at the GUI thread's
// nice competes with it for a core on equal terms. A sampler thread of its own reads
// /proc/self/task/*/stat and schedstat every `interval`; a thread's CPU time counts against the nice it
// had when the time was used.
//
// Owner: the caller; start() and stop() from one thread. Linux only (elsewhere the census is empty).

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace stemcrate::bench {

class ThreadCensus
{
public:
    struct Row
    {
        std::string name; // the thread's comm (15 characters)
        int nice = 0;
        int threads = 0; // how many threads of this name and nice used CPU
        double cpuSeconds = 0;
    };

    explicit ThreadCensus(std::chrono::milliseconds interval = std::chrono::milliseconds(200));
    ~ThreadCensus();
    void start();
    void stop();
    // CPU time per (name, nice), largest first; the census's own thread is left out.
    std::vector<Row> rows() const;

private:
    struct Seen
    {
        std::string name;
        uint64_t lastCpuNs = 0;
        std::map<int, uint64_t> cpuNsByNice;
    };
    void sampleOnce();

    std::chrono::milliseconds m_interval;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
    long m_selfTid = 0;
    mutable std::mutex m_mutex; // guards m_seen
    std::map<long, Seen> m_seen;
};

} // namespace stemcrate::bench
