// bench_separation: Stemcrate's engine against torchaudio's HDemucs, same inputs, threads and machine, one
// run.
//
// Prints, for each row, Stemcrate's time, PyTorch's time and the ratio (PyTorch / Stemcrate: > 1 means we are
// faster):
//   - a whole song (load + windowed separation) of --song-seconds, first in each process (cold), with the
//     time to its first final window and its model load; then the same song again (a warm process),
//   - forward pass of one batch of windows (median of --reps after a warm-up),
//   - peak RSS of each process (and on CUDA its peak GPU memory over the song).
// Needs libtorch only (no Qt, no FFmpeg): it feeds raw float buffers, so it also builds on the GPU machine.
// The PyTorch side is tests/bench/torchaudio_bench.py, run as a child process with the same settings.

#include "OpTimeline.h"

#include "model/ForwardState.h"
#include "model/HDemucsLoader.h"
#include "model/cpu/CpuRuntime.h"
#include "model/cuda/ConvPlanners.h"
#include "model/cuda/GraphedForward.h"
#include "separation/Separator.h"

#include <ATen/record_function.h>
#include <torch/torch.h>
#ifdef STEMCRATE_BENCH_KINETO
#include <c10/cuda/CUDACachingAllocator.h>
#include <torch/csrc/autograd/profiler_kineto.h>
#endif

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using namespace stemcrate;
using Clock = std::chrono::steady_clock;

namespace {

struct Args
{
    std::string checkpoint;
    std::string python = STEMCRATE_PYTHON;
    std::string script = STEMCRATE_BENCH_SCRIPT;
    std::string referenceScript = STEMCRATE_REFERENCE_SCRIPT;
    int threads = 2;
    double windowSeconds = separation::kDefaultSegmentSeconds; // the app's window shape
    int windowBatch = 1;
    int reps = 3;
    double songSeconds = 180.0;
    double segment = separation::kDefaultSegmentSeconds;
    double overlap = separation::kDefaultOverlap;
    int batch = 1;
    std::string device = "cpu";
    bool bf16 = false;
    bool fp16 = false;        // our side in float16 (PyTorch stays on --bf16 autocast or float32)
    bool compareFp32 = false; // with --bf16: also separate in float32 and report each stem's SNR
    bool skipPython = false;
    bool skipForward = false;
    int maxWindows = 0; // stop the song after this many windows (memory runs on long files)
    std::string work = "/tmp/stemcrate-bench";
    std::string trace; // CUDA builds: Kineto traces of one eager forward pass and one warm song, PATH-*.json
    // CUDA: threads planning the capture's convolutions (GraphedForward::setPlanThreads; -1, the app's
    // default: from the cores; 0: the capturing thread)
    int planThreads = -1;
    std::string traceCold;   // CUDA builds: a Kineto trace of the first song, load included, to PATH
    double opTimelineMs = 0; // > 0: the first song's operators of this many ms or more, on every thread
};

// libtorch's Kineto profiler (CPU operators and CUDA kernels) from startTrace() to stopTrace(), saved as a
// Chrome trace; tests/bench/trace_summary.py turns it into a table. CUDA builds of libtorch only.
bool startTrace()
{
#ifdef STEMCRATE_BENCH_KINETO
    namespace prof = torch::autograd::profiler;
    using torch::profiler::impl::ActivityType;
    const torch::profiler::impl::ProfilerConfig config(torch::profiler::impl::ProfilerState::KINETO,
                                                       /*report_input_shapes*/ true);
    const std::set<ActivityType> activities{ActivityType::CPU, ActivityType::CUDA};
    prof::prepareProfiler(config, activities);
    prof::enableProfiler(config, activities);
    return true;
#else
    std::cerr << "--trace needs a CUDA build of libtorch (Kineto)\n";
    return false;
#endif
}

void stopTrace(const std::string& path)
{
#ifdef STEMCRATE_BENCH_KINETO
    torch::autograd::profiler::disableProfiler()->save(path);
    std::cout << "trace: " << path << "\n";
#else
    (void)path;
#endif
}

// Runs `work` between startTrace() and stopTrace(path).
bool traced(const std::string& path, const std::function<void()>& work)
{
    if (!startTrace())
        return false;
    work();
    stopTrace(path);
    return true;
}

void usage()
{
    std::cerr
        << "usage: bench_separation --checkpoint PATH [--threads N] [--window-seconds S] [--window-batch N]\n"
           "       [--reps N] [--song-seconds S] [--segment S] [--overlap F] [--batch N] [--device "
           "cpu|cuda]\n"
           "       [--bf16|--fp16 [--compare-fp32]] [--skip-python] [--skip-forward] [--max-windows N] "
           "[--trace PATH] [--trace-cold PATH] "
           "[--work DIR] [--plan-threads N] [--op-timeline MS] "
           "[--python PATH]\n"
           "A missing --checkpoint file is created with random weights by the reference script.\n";
}

bool parse(int argc, char** argv, Args& a)
{
    for (int i = 1; i < argc; ++i) {
        const std::string k = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << "missing value for " << k << "\n";
                std::exit(2);
            }
            return argv[++i];
        };
        if (k == "--checkpoint")
            a.checkpoint = next();
        else if (k == "--threads")
            a.threads = std::stoi(next());
        else if (k == "--window-seconds")
            a.windowSeconds = std::stod(next());
        else if (k == "--window-batch")
            a.windowBatch = std::stoi(next());
        else if (k == "--reps")
            a.reps = std::max(1, std::stoi(next()));
        else if (k == "--song-seconds")
            a.songSeconds = std::stod(next());
        else if (k == "--segment")
            a.segment = std::stod(next());
        else if (k == "--overlap")
            a.overlap = std::stod(next());
        else if (k == "--batch")
            a.batch = std::stoi(next());
        else if (k == "--device")
            a.device = next();
        else if (k == "--bf16")
            a.bf16 = true;
        else if (k == "--fp16")
            a.fp16 = true;
        else if (k == "--compare-fp32")
            a.compareFp32 = true;
        else if (k == "--skip-python")
            a.skipPython = true;
        else if (k == "--skip-forward")
            a.skipForward = true;
        else if (k == "--max-windows")
            a.maxWindows = std::stoi(next());
        else if (k == "--work")
            a.work = next();
        else if (k == "--trace")
            a.trace = next();
        else if (k == "--trace-cold")
            a.traceCold = next();
        else if (k == "--python")
            a.python = next();
        else if (k == "--plan-threads")
            a.planThreads = std::stoi(next());
        else if (k == "--op-timeline")
            a.opTimelineMs = std::stod(next());
        else {
            usage();
            return false;
        }
    }
    if (a.checkpoint.empty()) {
        usage();
        return false;
    }
    return true;
}

// Music-like test signal: a few partials with an envelope, plus noise; deterministic.
SampleVector makeSignal(int64_t frames, uint32_t seed)
{
    SampleVector x(static_cast<size_t>(2 * frames));
    for (int c = 0; c < 2; ++c)
        for (int64_t t = 0; t < frames; ++t) {
            seed = seed * 1664525u + 1013904223u;
            const double noise = (static_cast<double>(seed >> 8) / double(1 << 24) - 0.5) * 0.05;
            const double s = t / 44100.0;
            const double env = 0.5 + 0.5 * std::sin(2 * M_PI * 2.0 * s);
            x[static_cast<size_t>(c * frames + t)] =
                static_cast<float>(0.2 * env * std::sin(2 * M_PI * (110.0 + c) * s) +
                                   0.1 * std::sin(2 * M_PI * 440.0 * s) + noise);
        }
    return x;
}

bool writeRaw(const std::string& path, const SampleVector& v)
{
    std::ofstream f(path, std::ios::binary);
    f.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(float)));
    return static_cast<bool>(f);
}

std::vector<float> readRaw(const std::string& path)
{
    std::ifstream f(path, std::ios::binary | std::ios::ate);
    if (!f)
        return {};
    const auto size = static_cast<size_t>(f.tellg());
    std::vector<float> v(size / sizeof(float));
    f.seekg(0);
    f.read(reinterpret_cast<char*>(v.data()), static_cast<std::streamsize>(size));
    return v;
}

std::string runCapture(const std::string& command)
{
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        return out;
    char buffer[4096];
    while (fgets(buffer, sizeof buffer, pipe))
        out += buffer;
    pclose(pipe);
    return out;
}

// The numbers of a flat JSON object's top-level keys (enough for torchaudio_bench.py's last line).
std::map<std::string, double> parseNumbers(const std::string& json)
{
    std::map<std::string, double> values;
    size_t pos = 0;
    while ((pos = json.find('"', pos)) != std::string::npos) {
        const size_t end = json.find('"', pos + 1);
        if (end == std::string::npos)
            break;
        const std::string key = json.substr(pos + 1, end - pos - 1);
        size_t v = end + 1;
        while (v < json.size() && (json[v] == ':' || json[v] == ' '))
            ++v;
        char* stop = nullptr;
        const double number = std::strtod(json.c_str() + v, &stop);
        if (stop != json.c_str() + v && json[end + 1] == ':')
            values[key] = number;
        pos = end + 1;
    }
    return values;
}

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

// The GPU memory the caching allocator has held at most in this process (PyTorch's
// torch.cuda.max_memory_reserved), in MB; 0 without CUDA. The song is the process's first GPU work.
double peakGpuMb(const torch::Device& device)
{
#ifdef STEMCRATE_BENCH_KINETO
    if (device.is_cuda())
        return double(c10::cuda::CUDACachingAllocator::getDeviceStats(0).reserved_bytes[0].peak) / 1048576.0;
#endif
    (void)device;
    return 0;
}

double seconds(Clock::time_point since)
{
    return std::chrono::duration<double>(Clock::now() - since).count();
}

void sync(const torch::Device& device)
{
    if (device.is_cuda())
        torch::cuda::synchronize();
}

void row(const char* name, double ours, double theirs, const char* unit = "s")
{
    if (theirs > 0)
        std::printf("| %-34s | %10.3f %-2s | %10.3f %-2s | %6.2fx |\n", name, ours, unit, theirs, unit,
                    theirs / ours);
    else
        std::printf("| %-34s | %10.3f %-2s | %13s | %7s |\n", name, ours, unit, "-", "-");
}

// The time a song waited for the GPU path's pinned pool (DeviceSong's "separate.pool_wait" scope): made on
// a thread of its own after the first song, it is what a process's second song may wait for.
std::mutex poolWaitMutex;
double poolWaitSeconds = 0.0;
thread_local Clock::time_point poolWaitStart;

std::unique_ptr<at::ObserverContext> onPoolWaitStart(const at::RecordFunction& fn)
{
    if (std::strcmp(fn.name(), "separate.pool_wait") == 0)
        poolWaitStart = Clock::now();
    return nullptr;
}

void onPoolWaitEnd(const at::RecordFunction& fn, at::ObserverContext*)
{
    if (std::strcmp(fn.name(), "separate.pool_wait") == 0) {
        std::lock_guard lock(poolWaitMutex);
        poolWaitSeconds += std::chrono::duration<double>(Clock::now() - poolWaitStart).count();
    }
}

double takePoolWaitSeconds()
{
    std::lock_guard lock(poolWaitMutex);
    return std::exchange(poolWaitSeconds, 0.0);
}

} // namespace

int main(int argc, char** argv)
{
    Args a;
    if (!parse(argc, argv, a))
        return 2;
    model::GraphedForward::setPlanThreads(a.planThreads);
    std::system(("mkdir -p '" + a.work + "'").c_str());
    if (access(a.checkpoint.c_str(), R_OK) != 0) {
        std::cerr << "creating a random-weights checkpoint at " << a.checkpoint << "\n";
        const std::string cmd =
            a.python + " " + a.referenceScript + " checkpoint --out '" + a.checkpoint + "'";
        if (std::system(cmd.c_str()) != 0) {
            std::cerr << "could not create the checkpoint\n";
            return 1;
        }
    }
    torch::set_num_threads(a.threads);
    const torch::Device device(a.device == "cuda" ? torch::kCUDA : torch::kCPU);

    const int64_t windowFrames = static_cast<int64_t>(std::llround(a.windowSeconds * 44100));
    const int64_t songFrames = static_cast<int64_t>(std::llround(a.songSeconds * 44100));
    const std::string windowPath = a.work + "/window.f32";
    const std::string songPath = a.work + "/song.f32";
    const SampleVector window = makeSignal(windowFrames, 7);
    if (!a.skipForward && !writeRaw(windowPath, window))
        return 1;
    SampleVector song;
    if (a.songSeconds > 0) {
        song = makeSignal(songFrames, 11);
        if (!a.skipPython && !writeRaw(songPath, song))
            return 1;
    }

    // PyTorch first, in its own process.
    std::map<std::string, double> py;
    if (!a.skipPython) {
        std::ostringstream cmd;
        cmd << a.python << " " << a.script << " --checkpoint '" << a.checkpoint << "' --threads " << a.threads
            << " --reps " << a.reps << " --segment " << a.segment << " --overlap " << a.overlap << " --batch "
            << a.batch << " --device " << a.device << (a.bf16 ? " --autocast" : "");
        if (!a.skipForward)
            cmd << " --window '" << windowPath << "' --window-batch " << a.windowBatch;
        if (a.songSeconds > 0 && a.maxWindows == 0)
            cmd << " --song '" << songPath << "'";
        const std::string out = runCapture(cmd.str());
        const size_t lastLine = out.rfind('{');
        if (lastLine == std::string::npos) {
            std::cerr << "the PyTorch side failed:\n" << out << "\n";
            return 1;
        }
        py = parseNumbers(out.substr(lastLine));
        std::cout << "pytorch: " << out.substr(lastLine);
    }

    // The song first, in a fresh process: "whole song incl. load" and "first window ready" include what a
    // first song pays (planning, first-touching its working memory, the CUDA graph's capture).
    Clock::time_point t0;
    double songSeconds = 0, warmSeconds = 0, firstWindowSeconds = 0, parity = -1, gpuMb = 0;
    double songLoadSeconds = 0;
    if (a.songSeconds > 0) {
        separation::SeparatorOptions options;
        options.segmentSeconds = a.segment;
        options.overlap = a.overlap;
        options.batchSize = a.batch;
        options.threads = a.threads;
        options.device = a.device == "cuda" ? separation::Device::Cuda : separation::Device::Cpu;
        options.precision = a.fp16   ? separation::Precision::Float16
                            : a.bf16 ? separation::Precision::BFloat16
                                     : separation::Precision::Float32;
        AudioBuffer mix; // the decoded song, as the app hands it over (not part of the timing)
        mix.channels = 2;
        mix.frames = songFrames;
        mix.samples = std::move(song);
        // The profiler starts before the clock: its own start-up is not the song's.
        const bool tracingCold = !a.traceCold.empty() && startTrace();
        if (a.opTimelineMs > 0)
            bench::OpTimeline::start(a.opTimelineMs);
        t0 = Clock::now();
        auto separator = separation::Separator::load(a.checkpoint, options);
        if (!separator) {
            std::cerr << separator.error() << "\n";
            return 1;
        }
        const double loadReturnedSeconds = seconds(t0);
        songLoadSeconds = separator.value()->modelLoadSeconds();
        separation::Stems stems;
        separation::SeparationCallbacks callbacks;
        int windowsDone = 0;
        callbacks.progress = [&](const separation::Progress&) { windowsDone += a.batch; };
        // Latency: from the start of loading to the first stem region being final and playable.
        callbacks.published = [&](int64_t) {
            if (firstWindowSeconds == 0)
                firstWindowSeconds = seconds(t0);
        };
        if (a.maxWindows > 0)
            callbacks.isCancelled = [&] { return windowsDone >= a.maxWindows; };
        const Result<void> r = separator.value()->separate(mix, stems, callbacks);
        if (!r && a.maxWindows == 0) {
            std::cerr << r.error() << "\n";
            return 1;
        }
        songSeconds = seconds(t0);
        if (tracingCold)
            stopTrace(a.traceCold);
        if (a.opTimelineMs > 0) {
            bench::OpTimeline::stop();
            bench::OpTimeline::print(t0);
        }
        // Where the first song's time goes: the Separator's load (the checkpoint read and prepare() on this
        // thread, beside the device warm-up thread), then the first separation (its first pass included).
        std::printf(
            "first song: load %.3f s (model load %.3f s, of which prepare %.3f s), then separate %.3f s\n",
            loadReturnedSeconds, songLoadSeconds, separator.value()->modelPrepareSeconds(),
            songSeconds - loadReturnedSeconds);
        std::printf("the load: %s\n", separator.value()->loadReport().c_str());
        gpuMb = peakGpuMb(device);
        // A warm process: the same Separator again (planned state, the CUDA graph and allocations reused).
        // Into the same Stems, as the app re-separating a track: the first result's buffers go before the new
        // ones are taken, so the peak RSS holds one set of stems (the output is the same).
        // The first song's stems, to compare with a warm song's (a GPU's first song takes its own path).
        const separation::Stems coldStems = a.maxWindows == 0 ? stems : separation::Stems{};
        if (a.maxWindows == 0) {
            // Five warm songs; the row is their median. On a GPU the first two may still be setting up (the
            // pinned pool made after the first song, the eager pass with cuDNN after a first song without it,
            // the capture of the batch shape's CUDA graph); every one is printed. The stems are reused, as
            // the pipeline and the app do.
            std::vector<double> warm, poolWait;
            at::CallbackHandle poolWaitHandle = 0;
            if (device.is_cuda())
                poolWaitHandle =
                    at::addGlobalCallback(at::RecordFunctionCallback(onPoolWaitStart, onPoolWaitEnd)
                                              .scopes({at::RecordScope::USER_SCOPE}));
            for (int rep = 0; rep < 5; ++rep) {
                takePoolWaitSeconds();
                t0 = Clock::now();
                if (separator.value()->separate(mix, stems).ok()) {
                    warm.push_back(seconds(t0));
                    poolWait.push_back(takePoolWaitSeconds());
                }
            }
            if (poolWaitHandle)
                at::removeCallback(poolWaitHandle);
            std::cout << "warm songs:";
            for (double w : warm)
                std::cout << " " << w << " s";
            std::cout << "\n";
            if (device.is_cuda()) {
                std::cout << "of which waiting for the pinned pool:";
                for (double w : poolWait)
                    std::cout << " " << w << " s";
                std::cout << "\n";
            }
            double diff = 0, ref = 0;
            for (size_t s = 0; s < stems.audio.size() && s < coldStems.audio.size(); ++s)
                for (size_t i = 0; i < stems.audio[s].samples.size(); ++i) {
                    const double r = stems.audio[s].samples[i], d = coldStems.audio[s].samples[i] - r;
                    diff += d * d;
                    ref += r * r;
                }
            std::printf("first song vs warm song: relative L2 %.3g\n",
                        std::sqrt(diff / std::max(ref, 1e-30)));
            if (!warm.empty()) {
                std::sort(warm.begin(), warm.end());
                warmSeconds = warm[warm.size() / 2];
            }
            if (!a.trace.empty())
                traced(a.trace + "-song.json", [&] {
                    separation::Stems traced;
                    if (const Result<void> r = separator.value()->separate(mix, traced); !r)
                        std::cerr << "traced song: " << r.error() << "\n";
                });
        }
        if ((a.bf16 || a.fp16) && a.compareFp32) {
            options.precision = separation::Precision::Float32;
            auto exact = separation::Separator::load(a.checkpoint, options);
            separation::Stems reference;
            if (exact && exact.value()->separate(mix, reference).ok()) {
                for (size_t s = 0; s < stems.audio.size(); ++s) {
                    double signal = 0, noise = 0;
                    for (size_t i = 0; i < stems.audio[s].samples.size(); ++i) {
                        const double r = reference.audio[s].samples[i];
                        const double d = stems.audio[s].samples[i] - r;
                        signal += r * r;
                        noise += d * d;
                    }
                    std::printf("%s vs fp32, %s: SNR %.1f dB\n", a.fp16 ? "fp16" : "bf16",
                                stems.names[s].c_str(), 10.0 * std::log10(signal / std::max(noise, 1e-30)));
                }
            }
        }
        // Same work as PyTorch? Compare the separated song with its output.
        const std::vector<float> theirs = readRaw(songPath + ".torch-out.f32");
        if (a.maxWindows == 0 && theirs.size() == size_t(4 * 2 * songFrames)) {
            double diff = 0, ref = 0;
            for (size_t s = 0; s < 4; ++s)
                for (size_t i = 0; i < size_t(2 * songFrames); ++i) {
                    const double d = stems.audio[s].samples[i] - theirs[s * 2 * songFrames + i];
                    diff += d * d;
                    ref += double(theirs[s * 2 * songFrames + i]) * theirs[s * 2 * songFrames + i];
                }
            parity = std::sqrt(diff / std::max(ref, 1e-30));
        }
    }

    // Stemcrate: model load, for the forward passes or, without a song, for the load row. On the CPU, the
    // process set-up the Separator does (CpuRuntime.h).
    double loadSeconds = 0, forwardSeconds = 0;
    Result<model::LoadedModel> loaded = Error{"not loaded"};
    if (!a.skipForward || songLoadSeconds == 0) {
        if (device.is_cpu())
            model::prepareCpuRuntime();
        // Loaded and prepared for the device and precision it runs in, as the Separator does.
        const torch::ScalarType dtype = a.fp16 ? torch::kHalf : a.bf16 ? torch::kBFloat16 : torch::kFloat32;
        t0 = Clock::now();
        loaded = model::loadHDemucs(a.checkpoint, device, dtype);
        if (!loaded) {
            std::cerr << loaded.error() << "\n";
            return 1;
        }
        loadSeconds = seconds(t0);
    }
    if (!a.skipForward) {
        model::HDemucs module = loaded->module;
        model::ForwardState state;
        if (device.is_cuda())
            at::globalContext().setBenchmarkCuDNN(false); // as the Separator does
        torch::InferenceMode guard;
        torch::Tensor x = torch::from_blob(const_cast<float*>(window.data()), {1, 2, windowFrames})
                              .repeat({a.windowBatch, 1, 1})
                              .to(device);
        auto median = [&](const std::function<void()>& pass) {
            pass(); // warm-up
            std::vector<double> times;
            for (int r = 0; r < a.reps; ++r) {
                sync(device);
                t0 = Clock::now();
                pass();
                sync(device);
                times.push_back(seconds(t0));
            }
            std::sort(times.begin(), times.end());
            return times[times.size() / 2];
        };
        forwardSeconds = median([&] { module->forward(x, state); });
        // On a GPU the Separator replays a CUDA graph of the pass (GraphedForward.h): that is the row.
        if (device.is_cuda() && model::GraphedForward::available()) {
            model::GraphedForward graphed;
            const double graphSeconds = median([&] { graphed.run(module, state, x); });
            std::cout << "forward pass eager " << forwardSeconds << " s, CUDA graph " << graphSeconds
                      << " s (" << graphed.replays() << " replays)"
                      << (graphed.failure().empty() ? "" : "; " + graphed.failure()) << "\n";
            if (graphed.replays() > 0) {
                const torch::Tensor eager = module->forward(x, state);
                const torch::Tensor replayed = graphed.run(module, state, x);
                std::cout << "graph vs eager output: relative L2 "
                          << ((replayed - eager).norm() / eager.norm()).item<double>() << "\n";
                forwardSeconds = graphSeconds;
            }
        }
        if (!a.trace.empty())
            traced(a.trace + "-forward.json", [&] {
                module->forward(x, state);
                sync(device);
            });
    }

    std::printf("\nthreads %d, device %s%s, window %.1f s x %d, song %.0f s (segment %.1f s, overlap %.2f, "
                "batch %d)\n",
                a.threads, a.device.c_str(), a.bf16 ? " bf16" : "", a.windowSeconds, a.windowBatch,
                a.songSeconds, a.segment, a.overlap, a.batch);
    std::printf("| %-34s | %13s | %13s | %7s |\n", "", "Stemcrate", "PyTorch", "ratio");
    std::printf("|%s|%s|%s|%s|\n", std::string(36, '-').c_str(), std::string(15, '-').c_str(),
                std::string(15, '-').c_str(), std::string(9, '-').c_str());
    if (!a.skipForward) {
        row("forward pass, one batch of windows", forwardSeconds,
            py.count("forward_s") ? py["forward_s"] : 0);
        row("forward pass, x real time", forwardSeconds / (a.windowSeconds * a.windowBatch),
            py.count("forward_s") ? py["forward_s"] / (a.windowSeconds * a.windowBatch) : 0, "");
    }
    // The first load in the process (the song's, when there is one), as PyTorch's.
    row("model load", songLoadSeconds > 0 ? songLoadSeconds : loadSeconds,
        py.count("load_s") ? py["load_s"] : 0);
    if (a.songSeconds > 0) {
        row(a.maxWindows ? "song, first windows only (incl. load)" : "whole song incl. load", songSeconds,
            py.count("song_s") ? py["song_s"] : 0);
        if (a.maxWindows == 0)
            row("whole song, x real time", songSeconds / a.songSeconds,
                py.count("song_s") ? py["song_s"] / a.songSeconds : 0, "");
    }
    // PyTorch's equivalent is a chunked pipeline's first chunk: its load plus its first batch, cold too.
    if (firstWindowSeconds > 0)
        row("first window ready (incl. load)", firstWindowSeconds,
            py.count("first_window_s") ? py["first_window_s"] : 0);
    if (warmSeconds > 0)
        row("whole song, warm process (no load)", warmSeconds, py.count("separate_s") ? py["separate_s"] : 0);
    row("peak RSS", peakRssMb(), py.count("maxrss_mb") ? py["maxrss_mb"] : 0, "MB");
    if (gpuMb > 0)
        row("peak GPU memory, song", gpuMb, py.count("song_gpu_mb") ? py["song_gpu_mb"] : 0, "MB");
    // The input and the four stereo stems are the irreducible part; the engine's own cost is the rest.
    const double inputMb = a.songSeconds > 0 ? double(songFrames) * 2 * sizeof(float) / 1048576.0 : 0;
    const double buffersMb = inputMb * (1 + 4); // the input and four stems, all stereo
    // The stems' pages are mapped as the windows write them (ZeroPageAllocator), so only a whole song has
    // every buffer resident.
    if (buffersMb > 0 && a.maxWindows == 0)
        std::printf("audio + stem buffers %.0f MB; peak RSS beyond them %.0f MB\n", buffersMb,
                    peakRssMb() - buffersMb);
    else if (buffersMb > 0)
        std::printf(
            "input audio %.0f MB; peak RSS beyond it %.0f MB (the stems only partly written, counted in: "
            "run the whole song for the memory beyond all buffers)\n",
            inputMb, peakRssMb() - inputMb);
    if (parity >= 0)
        std::printf("song output vs PyTorch: relative L2 %.3g\n", parity);
    return 0;
}
