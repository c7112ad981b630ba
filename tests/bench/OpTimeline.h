#pragma once
// OpTimeline: libtorch operators that took at least a given time, on every thread, for a cold start's
// timeline (bench_separation --op-timeline MS). A global RecordFunction callback records each operator's
// start and end; those at or over the threshold are kept with their thread (numbered in the order of their
// first kept operator) and nesting depth. print() lists them by start, relative to a time point (the load's
// start). Benchmarks only: the callback stays installed until stop(), and adds a little host time to every
// operator.

#include <chrono>
#include <cstdio>

namespace stemcrate::bench {

class OpTimeline
{
public:
    // Installs the callback; operators of `thresholdMs` or more are kept.
    static void start(double thresholdMs);
    static void stop();
    // One line per kept operator: start and end in seconds from `origin`, thread, depth, name.
    static void print(std::chrono::steady_clock::time_point origin, std::FILE* to = stdout);
};

} // namespace stemcrate::bench
