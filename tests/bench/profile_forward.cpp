// profile_forward: where Stemcrate's HDemucs forward pass spends its CPU time, operator by operator (self
// time, as torch.profiler reports it for torchaudio in profile_torchaudio.py), to decide what to optimise.
//
//   profile_forward --checkpoint PATH [--threads N] [--seconds S] [--batch N] [--rows N] [--reps N] [--shapes
//   1] [--first 1]
//
// --first 1 profiles the process's first pass (what a user's first window pays) instead of a warm one.
//
// Built for the CPU (Debian's libtorch); it uses libtorch's legacy profiler API.

#include "model/ForwardState.h"
#include "model/HDemucsLoader.h"
#include "model/cpu/CpuRuntime.h"
#include "model/cpu/TensorCache.h"

#include <torch/csrc/autograd/profiler_legacy.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

using namespace stemcrate;
namespace prof = torch::autograd::profiler;

int main(int argc, char** argv)
{
    std::string checkpoint;
    int threads = 2, batch = 1, rows = 40, reps = 3;
    bool shapes = false; // group by operator and input shapes
    bool first = false;  // profile the process's first pass (planning, first-touched memory), not a warm one
    double secondsOfAudio = 10.0;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--checkpoint")
            checkpoint = v;
        else if (k == "--threads")
            threads = std::stoi(v);
        else if (k == "--seconds")
            secondsOfAudio = std::stod(v);
        else if (k == "--batch")
            batch = std::stoi(v);
        else if (k == "--reps")
            reps = std::max(1, std::stoi(v));
        else if (k == "--rows")
            rows = std::stoi(v);
        else if (k == "--shapes")
            shapes = v == "1";
        else if (k == "--first")
            first = v == "1";
    }
    if (checkpoint.empty()) {
        std::fprintf(stderr,
                     "usage: profile_forward --checkpoint PATH [--threads N] [--seconds S] [--batch N]\n");
        return 2;
    }
    torch::set_num_threads(threads);
    model::prepareCpuRuntime(); // as the Separator does
    auto loaded = model::loadHDemucs(checkpoint);
    if (!loaded) {
        std::fprintf(stderr, "%s\n", loaded.error().c_str());
        return 1;
    }
    model::HDemucs module = loaded->module;
    model::ForwardState state;
    torch::InferenceMode guard;
    torch::manual_seed(0);
    const torch::Tensor x = 0.1 * torch::randn({batch, 2, static_cast<int64_t>(secondsOfAudio * 44100)});
    const auto profileConfig =
        torch::profiler::impl::ProfilerConfig(torch::profiler::impl::ProfilerState::CPU, shapes);
    prof::thread_event_lists lists;
    {
        // The first pass of the process: it plans and first-touches its working memory.
        if (first)
            prof::enableProfilerLegacy(profileConfig);
        const auto t0 = std::chrono::steady_clock::now();
        module->forward(x, state);
        if (first)
            lists = prof::disableProfilerLegacy();
        const double cold = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const model::TensorCacheStats st = model::tensorCacheStats();
        std::printf(
            "first pass %.3f s; tensor cache: %.0f MB held, peak in use %.0f MB, %zu misses, %zu hits\n",
            cold, st.cachedBytes / 1e6, st.peakLiveBytes / 1e6, st.misses, st.hits);
    }

    std::vector<double> times;
    for (int r = 0; r < reps; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        module->forward(x, state);
        times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(times.begin(), times.end());
    {
        const model::TensorCacheStats st = model::tensorCacheStats();
        std::printf("after %d more passes: tensor cache %.0f MB held, %zu misses, %zu hits\n", reps,
                    st.cachedBytes / 1e6, st.misses, st.hits);
    }
    const double plain = times[times.size() / 2];

    if (!first) {
        prof::enableProfilerLegacy(profileConfig);
        module->forward(x, state);
        lists = prof::disableProfilerLegacy();
    }

    struct Row
    {
        double self = 0, total = 0;
        int calls = 0;
    };
    std::map<std::string, Row> table;
    double covered = 0;
    for (const auto& list : lists) {
        struct Open
        {
            const prof::LegacyEvent* event;
            double children;
        };
        std::vector<Open> stack;
        for (const auto& e : list) {
            if (e.kindStr() == "push") {
                stack.push_back({&e, 0});
            } else if (e.kindStr() == "pop" && !stack.empty()) {
                const Open open = stack.back();
                stack.pop_back();
                const double us = open.event->cpuElapsedUs(e);
                std::string key = open.event->name();
                if (shapes) {
                    for (const auto& shape : open.event->shapes()) {
                        key += " [";
                        for (size_t d = 0; d < shape.size(); ++d)
                            key += (d ? "," : "") + std::to_string(shape[d]);
                        key += "]";
                    }
                }
                Row& r = table[key];
                r.self += us - open.children;
                r.total += us;
                ++r.calls;
                if (!stack.empty())
                    stack.back().children += us;
                else
                    covered += us;
            }
        }
    }
    std::vector<std::pair<std::string, Row>> sorted(table.begin(), table.end());
    std::sort(sorted.begin(), sorted.end(), [](auto& a, auto& b) { return a.second.self > b.second.self; });
    std::printf("forward %.3f s unprofiled, median of %d (%d threads, batch %d x %.1f s); profiled top level "
                "%.3f s\n",
                plain, reps, threads, batch, secondsOfAudio, covered / 1e6);
    std::printf("%10s %7s %10s %6s  %s\n", "self ms", "self %", "total ms", "calls", "operator");
    for (int i = 0; i < rows && i < static_cast<int>(sorted.size()); ++i) {
        const auto& [name, r] = sorted[static_cast<size_t>(i)];
        std::printf("%10.1f %6.1f%% %10.1f %6d  %s\n", r.self / 1e3, 100 * r.self / covered, r.total / 1e3,
                    r.calls, name.c_str());
    }
    return 0;
}
