// probe_cold_pass: where a fresh process's first GPU forward pass spends its host time (issue 21's cold
// first song). The first eager pass at a song's batch shape costs ~0.35 s more than a warm one; this splits
// that cost into what a process pays once (CUDA's lazy kernel loading, library start) and what every new
// thread pays again (libtorch keeps cuDNN's execution plans per thread), and tells whether several threads
// pay it in parallel.
//
//   probe_cold_pass [--batch N] [--seconds S] [--order seq|par] [--par N] [--capture relaxed|none]
//
// seq: thread A's first pass (per-scope host times), A's second pass, a fresh thread's pass, then N fresh
//      threads at once. par: N fresh threads at once first, then thread A's first and second passes.
// --capture relaxed: last, a fresh thread captures a graph with no eager pass before it, in CUDA's relaxed
//      capture mode (is the eager pass needed at all?).
// Random weights (the model's initial values): timings only.

#include "model/ForwardState.h"
#include "model/HDemucs.h"

#include <ATen/record_function.h>
#include <torch/cuda.h>
#include <torch/torch.h>

#ifdef STEMCRATE_HAVE_CUDA
#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#endif

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace stemcrate;

namespace {

using Clock = std::chrono::steady_clock;
const Clock::time_point g_start = Clock::now();

double since(Clock::time_point t)
{
    return std::chrono::duration<double>(Clock::now() - t).count();
}

// Inclusive host time per scope name on the calling thread, while `t_record` is set.
thread_local bool t_record = false;
thread_local std::map<std::string, std::pair<double, int>>* t_times = nullptr;

struct Started : at::ObserverContext
{
    Clock::time_point at;
};

bool wanted(const char* name)
{
    const std::string n(name);
    if (n.rfind("aten::", 0) != 0)
        return true; // our scopes: spec, time_encoder.N, ...
    return n == "aten::convolution" || n == "aten::mm" || n == "aten::addmm" || n == "aten::bmm" ||
           n == "aten::baddbmm" || n.rfind("aten::_fft", 0) == 0 || n == "aten::copy_" ||
           n == "aten::empty" || n == "aten::lstm" || n == "aten::matmul";
}

std::unique_ptr<at::ObserverContext> onStart(const at::RecordFunction& fn)
{
    if (!t_record || !wanted(fn.name()))
        return nullptr;
    auto ctx = std::make_unique<Started>();
    ctx->at = Clock::now();
    return ctx;
}

void onEnd(const at::RecordFunction& fn, at::ObserverContext* ctx)
{
    if (!ctx || !t_times)
        return;
    auto& slot = (*t_times)[fn.name()];
    slot.first += since(static_cast<Started*>(ctx)->at);
    ++slot.second;
}

struct PassResult
{
    double seconds = 0;
    std::map<std::string, std::pair<double, int>> scopes;
    std::string error;
};

#ifdef STEMCRATE_HAVE_CUDA
// One eager pass on a stream of its own, synchronised before and after.
PassResult eagerPass(model::HDemucs& module, model::ForwardState& state, const torch::Tensor& windows,
                     bool record)
{
    PassResult r;
    try {
        torch::InferenceMode inference;
        const c10::cuda::CUDAStream side = c10::cuda::getStreamFromPool(false, 0);
        torch::cuda::synchronize(0);
        t_times = &r.scopes;
        t_record = record;
        const auto t = Clock::now();
        {
            const c10::cuda::CUDAStreamGuard guard(side);
            (void)module->forward(windows, state);
        }
        torch::cuda::synchronize(0);
        r.seconds = since(t);
        t_record = false;
        t_times = nullptr;
    } catch (const std::exception& e) {
        t_record = false;
        t_times = nullptr;
        r.error = e.what();
    }
    return r;
}

void printScopes(const PassResult& cold, const PassResult* warm)
{
    std::vector<std::pair<std::string, std::pair<double, int>>> rows(cold.scopes.begin(), cold.scopes.end());
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
    std::printf("  %-28s %10s %6s %10s\n", "scope (inclusive host)", "first ms", "calls", "second ms");
    for (size_t i = 0; i < rows.size() && i < 40; ++i) {
        double w = 0;
        if (warm) {
            auto it = warm->scopes.find(rows[i].first);
            if (it != warm->scopes.end())
                w = it->second.first;
        }
        std::printf("  %-28s %10.1f %6d %10.1f\n", rows[i].first.c_str(), rows[i].second.first * 1e3,
                    rows[i].second.second, w * 1e3);
    }
}

// `count` fresh threads, each with its own state and input, run one eager pass at once; the wall time.
double parallelPasses(model::HDemucs& module, const torch::Tensor& windows, int count)
{
    std::vector<std::thread> threads;
    std::vector<double> each(count, 0);
    std::atomic<int> ready{0};
    const auto t = Clock::now();
    for (int i = 0; i < count; ++i) {
        threads.emplace_back([&, i] {
            model::ForwardState state;
            const torch::Tensor mine = windows.clone();
            ready.fetch_add(1);
            while (ready.load() < count)
                std::this_thread::yield();
            const PassResult r = eagerPass(module, state, mine, false);
            each[i] = r.seconds;
            if (!r.error.empty())
                std::printf("  thread %d failed: %s\n", i, r.error.c_str());
        });
    }
    for (auto& th : threads)
        th.join();
    const double wall = since(t);
    std::printf("  %d fresh threads at once: wall %.3f s; each:", count, wall);
    for (double s : each)
        std::printf(" %.3f", s);
    std::printf("\n");
    return wall;
}

void freshThreadPass(model::HDemucs& module, const torch::Tensor& windows, const char* what)
{
    std::thread([&] {
        model::ForwardState state;
        const PassResult first = eagerPass(module, state, windows, true);
        const PassResult second = eagerPass(module, state, windows, true);
        std::printf("%s: first pass %.3f s, second %.3f s%s%s\n", what, first.seconds, second.seconds,
                    first.error.empty() ? "" : " error: ", first.error.c_str());
        printScopes(first, &second);
    }).join();
}

void relaxedCapture(model::HDemucs& module, const torch::Tensor& windows)
{
    std::thread([&] {
        try {
            torch::InferenceMode inference;
            model::ForwardState state;
            const c10::cuda::CUDAStream side = c10::cuda::getStreamFromPool(false, 0);
            torch::cuda::synchronize(0);
            const torch::Tensor input = windows.clone();
            at::cuda::CUDAGraph graph;
            auto t = Clock::now();
            torch::Tensor out;
            {
                const c10::cuda::CUDAStreamGuard guard(side);
                graph.capture_begin({0, 0}, cudaStreamCaptureModeRelaxed);
                out = module->forward(input, state);
                graph.capture_end();
            }
            torch::cuda::synchronize(0);
            const double captured = since(t);
            t = Clock::now();
            graph.replay();
            torch::cuda::synchronize(0);
            const double replay1 = since(t);
            t = Clock::now();
            graph.replay();
            torch::cuda::synchronize(0);
            std::printf("relaxed capture on a fresh thread, no eager pass: capture %.3f s, replay %.3f then "
                        "%.3f s, output %s\n",
                        captured, replay1, since(t), out.sizes().vec().size() == 4 ? "[B,S,C,L]" : "?");
        } catch (const std::exception& e) {
            std::printf("relaxed capture on a fresh thread, no eager pass: FAILED: %.300s\n", e.what());
        }
    }).join();
}
#endif

} // namespace

int main(int argc, char** argv)
{
    int batch = 18, par = 4;
    double seconds = 11.0;
    std::string order = "seq", capture = "none";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--batch")
            batch = std::stoi(v);
        else if (k == "--seconds")
            seconds = std::stod(v);
        else if (k == "--order")
            order = v;
        else if (k == "--par")
            par = std::stoi(v);
        else if (k == "--capture")
            capture = v;
    }
#ifndef STEMCRATE_HAVE_CUDA
    (void)batch;
    (void)par;
    (void)seconds;
    std::fprintf(stderr, "probe_cold_pass: built without CUDA\n");
    return 2;
#else
    at::addGlobalCallback(at::RecordFunctionCallback(onStart, onEnd));
    auto t = Clock::now();
    if (!torch::cuda::is_available()) {
        std::fprintf(stderr, "probe_cold_pass: no CUDA device\n");
        return 2;
    }
    (void)torch::zeros({1}, torch::TensorOptions().device(torch::kCUDA, 0));
    std::printf("CUDA context: %.3f s (process %.3f s)\n", since(t), since(g_start));
    t = Clock::now();
    model::HDemucs module(model::HDemucsConfig::high());
    module->eval();
    std::printf("construct: %.3f s\n", since(t));
    t = Clock::now();
    module->prepare(torch::Device(torch::kCUDA, 0), torch::kHalf);
    std::printf("prepare (cuda, float16): %.3f s\n", since(t));
    const int64_t frames = static_cast<int64_t>(seconds * 44100 + 0.5);
    const torch::Tensor windows =
        torch::randn({batch, 2, frames}, torch::TensorOptions().device(torch::kCUDA, 0)) * 0.1;

    if (order == "par") {
        std::printf("-- par: %d fresh threads first\n", par);
        parallelPasses(module, windows, par);
        freshThreadPass(module, windows, "thread A after them");
    } else {
        std::printf("-- seq\n");
        freshThreadPass(module, windows, "thread A (the process's first)");
        freshThreadPass(module, windows, "thread B (fresh)");
        parallelPasses(module, windows, par);
    }
    if (capture == "relaxed")
        relaxedCapture(module, windows);
    std::printf("process total %.3f s\n", since(g_start));
    return 0;
#endif
}
