// bench_song_stages: what a pipeline's separating thread does per song besides the network's passes, with
// Separator::separate() (the preparation in place, the stems landed on that thread) against prepare() on
// another thread + launch() + the landing on another thread (what core/batch's SongPipeline runs), in the
// same run on the same song. The passes are timed by their profiler scope ("separate.pass", a user scope
// the Separator opens around each forward pass or replay), so the host time is the stage's time minus the
// passes'. Also checks that both give the same stems bit for bit. No Qt, no FFmpeg.
// Usage: bench_song_stages --checkpoint PATH [--device cpu|cuda] [--fp16] [--song-seconds S] [--batch N]
//        [--threads N] [--rounds N]

#include "separation/Separator.h"

#include <ATen/record_function.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace stemcrate;
namespace sep = stemcrate::separation;
using Clock = std::chrono::steady_clock;

namespace {

double since(Clock::time_point t)
{
    return std::chrono::duration<double>(Clock::now() - t).count();
}

// The passes' time, summed over every thread's "separate.pass" scopes.
std::mutex passMutex;
double passSeconds = 0.0;
thread_local Clock::time_point passStart;

std::unique_ptr<at::ObserverContext> onScopeStart(const at::RecordFunction& fn)
{
    if (std::strcmp(fn.name(), "separate.pass") == 0)
        passStart = Clock::now();
    return nullptr;
}

void onScopeEnd(const at::RecordFunction& fn, at::ObserverContext*)
{
    if (std::strcmp(fn.name(), "separate.pass") == 0) {
        std::lock_guard lock(passMutex);
        passSeconds += since(passStart);
    }
}

double takePassSeconds()
{
    std::lock_guard lock(passMutex);
    const double s = passSeconds;
    passSeconds = 0.0;
    return s;
}

AudioBuffer song(double seconds)
{
    AudioBuffer mix(2, std::llround(seconds * kEngineSampleRate));
    uint32_t seed = 7;
    for (int c = 0; c < 2; ++c)
        for (int64_t t = 0; t < mix.frames; ++t) {
            seed = seed * 1664525u + 1013904223u;
            const double noise = (static_cast<double>(seed >> 8) / double(1 << 24) - 0.5) * 0.2;
            mix.channel(c)[t] = static_cast<float>(0.3 * std::sin(2 * M_PI * (110.0 + 55 * c) * t / 44100.0) + noise);
        }
    return mix;
}

double maxAbsDiff(const sep::Stems& a, const sep::Stems& b)
{
    if (a.audio.size() != b.audio.size())
        return INFINITY;
    double worst = 0.0;
    for (size_t s = 0; s < a.audio.size(); ++s) {
        if (a.audio[s].samples.size() != b.audio[s].samples.size())
            return INFINITY;
        for (size_t i = 0; i < a.audio[s].samples.size(); ++i)
            worst = std::max(worst, double(std::abs(a.audio[s].samples[i] - b.audio[s].samples[i])));
    }
    return worst;
}

bool identical(const sep::Stems& a, const sep::Stems& b)
{
    if (a.audio.size() != b.audio.size())
        return false;
    for (size_t s = 0; s < a.audio.size(); ++s)
        if (a.audio[s].samples.size() != b.audio[s].samples.size() ||
            std::memcmp(a.audio[s].samples.data(), b.audio[s].samples.data(),
                        a.audio[s].samples.size() * sizeof(float)) != 0)
            return false;
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    std::string checkpoint, device = "cpu";
    double songSeconds = 60;
    int batch = 0, threads = 0, rounds = 3;
    bool fp16 = false;
    for (int i = 1; i < argc; ++i) {
        const std::string k = argv[i];
        auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
        if (k == "--checkpoint") checkpoint = next();
        else if (k == "--device") device = next();
        else if (k == "--fp16") fp16 = true;
        else if (k == "--song-seconds") songSeconds = std::stod(next());
        else if (k == "--batch") batch = std::stoi(next());
        else if (k == "--threads") threads = std::stoi(next());
        else if (k == "--rounds") rounds = std::stoi(next());
        else {
            std::fprintf(stderr, "usage: bench_song_stages --checkpoint PATH [--device cpu|cuda] [--fp16] "
                                 "[--song-seconds S] [--batch N] [--threads N] [--rounds N]\n");
            return 2;
        }
    }
    if (checkpoint.empty())
        return 2;
    sep::SeparatorOptions options;
    options.device = device == "cuda" ? sep::Device::Cuda : sep::Device::Cpu;
    options.precision = fp16 ? sep::Precision::Float16 : sep::Precision::Auto;
    options.batchSize = batch;
    options.threads = threads;
    auto loaded = sep::Separator::load(checkpoint, options);
    if (!loaded) {
        std::fprintf(stderr, "%s\n", loaded.error().c_str());
        return 1;
    }
    sep::Separator& separator = *loaded.value();
    at::addGlobalCallback(at::RecordFunctionCallback(onScopeStart, onScopeEnd).scopes({at::RecordScope::USER_SCOPE}));
    const AudioBuffer mix = song(songSeconds);
    std::printf("device %s, %.0f s song, batch %d, %d threads\n", device.c_str(), songSeconds,
                separator.options().batchSize, separator.options().threads);
    std::printf("| round | separate(): stage s | passes s | host s | staged: launch s | passes s | host s | "
                "prepare s (other thread) | landing s (other thread) | stems |\n|---|---|---|---|---|---|---|---|---|---|\n");
    std::vector<double> inlineHost, stagedHost;
    bool allIdentical = true;
    for (int r = 0; r < rounds; ++r) {
        sep::Stems a, b;
        takePassSeconds();
        auto t0 = Clock::now();
        if (Result<void> x = separator.separate(mix, a); !x) {
            std::fprintf(stderr, "separate: %s\n", x.error().c_str());
            return 1;
        }
        const double inlineStage = since(t0), inlinePasses = takePassSeconds();

        Result<sep::PreparedSong> prepared(Error{"not prepared"});
        double prepareSeconds = 0;
        std::thread([&] {
            const auto p0 = Clock::now();
            prepared = separator.prepare(mix);
            prepareSeconds = since(p0);
        }).join();
        if (!prepared) {
            std::fprintf(stderr, "prepare: %s\n", prepared.error().c_str());
            return 1;
        }
        takePassSeconds();
        t0 = Clock::now();
        Result<sep::StemLanding> launched = separator.launch(std::move(prepared).value(), b);
        const double launchSeconds = since(t0), stagedPasses = takePassSeconds();
        if (!launched) {
            std::fprintf(stderr, "launch: %s\n", launched.error().c_str());
            return 1;
        }
        double landSeconds = 0;
        Result<void> landed;
        if (launched.value())
            std::thread([&] {
                const auto l0 = Clock::now();
                landed = launched.value()();
                landSeconds = since(l0);
            }).join();
        if (!landed) {
            std::fprintf(stderr, "landing: %s\n", landed.error().c_str());
            return 1;
        }
        const bool same = identical(a, b);
        allIdentical = allIdentical && same;
        inlineHost.push_back(inlineStage - inlinePasses);
        stagedHost.push_back(launchSeconds - stagedPasses);
        std::printf("| %d | %.4f | %.4f | **%.4f** | %.4f | %.4f | **%.4f** | %.4f | %.4f | %s |\n", r + 1, inlineStage,
                    inlinePasses, inlineHost.back(), launchSeconds, stagedPasses, stagedHost.back(), prepareSeconds,
                    landSeconds, same ? "bit-identical" : ("max abs diff " + std::to_string(maxAbsDiff(a, b))).c_str());
        std::fflush(stdout);
    }
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v.empty() ? 0.0 : v[v.size() / 2];
    };
    std::printf("separating thread's host time per song (median of %d): separate() %.4f s, launch() %.4f s "
                "(%.1fx less); stems %s\n",
                rounds, median(inlineHost), median(stagedHost),
                median(stagedHost) > 0 ? median(inlineHost) / median(stagedHost) : 0.0,
                allIdentical ? "bit-identical in every round" : "DIFFER");
    return allIdentical ? 0 : 1;
}
