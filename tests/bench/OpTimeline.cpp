#include "OpTimeline.h"

#include <ATen/record_function.h>

#include <algorithm>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace stemcrate::bench {

namespace {

using Clock = std::chrono::steady_clock;

struct Kept
{
    Clock::time_point from, to;
    int thread = 0;
    int depth = 0;
    std::string name;
};

struct Started : at::ObserverContext
{
    Clock::time_point at;
    int depth = 0;
};

std::mutex g_mutex;
std::vector<Kept> g_kept;
std::unordered_map<std::thread::id, int> g_threads;
Clock::duration g_threshold{};
at::CallbackHandle g_handle = 0;
thread_local int t_depth = 0;

int threadNumber()
{
    const auto [it, added] =
        g_threads.try_emplace(std::this_thread::get_id(), static_cast<int>(g_threads.size()));
    return it->second;
}

std::unique_ptr<at::ObserverContext> onStart(const at::RecordFunction&)
{
    auto ctx = std::make_unique<Started>();
    ctx->depth = t_depth++;
    ctx->at = Clock::now();
    return ctx;
}

void onEnd(const at::RecordFunction& fn, at::ObserverContext* ctx)
{
    --t_depth;
    if (!ctx)
        return;
    const auto* started = static_cast<Started*>(ctx);
    const Clock::time_point now = Clock::now();
    if (now - started->at < g_threshold)
        return;
    const std::lock_guard lock(g_mutex);
    g_kept.push_back({started->at, now, threadNumber(), started->depth, fn.name()});
}

} // namespace

void OpTimeline::start(double thresholdMs)
{
    g_threshold =
        std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double, std::milli>(thresholdMs));
    if (!g_handle)
        g_handle =
            at::addGlobalCallback(at::RecordFunctionCallback(onStart, onEnd)
                                      .scopes({at::RecordScope::FUNCTION, at::RecordScope::USER_SCOPE}));
}

void OpTimeline::stop()
{
    if (g_handle)
        at::removeCallback(g_handle);
    g_handle = 0;
}

void OpTimeline::print(Clock::time_point origin, std::FILE* to)
{
    std::vector<Kept> kept;
    {
        const std::lock_guard lock(g_mutex);
        kept = g_kept;
    }
    std::sort(kept.begin(), kept.end(), [](const Kept& a, const Kept& b) { return a.from < b.from; });
    const auto at = [origin](Clock::time_point t) {
        return std::chrono::duration<double>(t - origin).count();
    };
    std::fprintf(to, "op timeline (%zu operators over the threshold; start end s, thread, depth):\n",
                 kept.size());
    for (const Kept& k : kept)
        std::fprintf(to, "  %7.3f %7.3f  t%-2d %*s%s\n", at(k.from), at(k.to), k.thread, 2 * k.depth, "",
                     k.name.c_str());
}

} // namespace stemcrate::bench
