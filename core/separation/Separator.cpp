#include "separation/Separator.h"

#include "common/ThreadBudget.h"
#include "model/ForwardState.h"
#include "model/HDemucsConfig.h"
#include "model/HDemucsLoader.h"
#include "model/cpu/CpuRuntime.h"
#include "model/cpu/TensorCache.h"
#include "model/cuda/GraphedForward.h"
#include "separation/Crossfade.h"
#include "separation/EngineChoice.h"
#include "separation/PreparedSongData.h"
#include "separation/Windowing.h"
#ifdef STEMCRATE_HAVE_CUDA
#include "separation/DeviceSong.h"
#endif
#include "common/WorkerPool.h"

#include <ATen/record_function.h>
#include <torch/cuda.h>
#include <torch/torch.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <new>
#include <string>
#include <system_error>
#include <thread>

namespace stemcrate::separation {

struct Separator::Impl
{
    model::HDemucs module{nullptr};
    SeparatorOptions options;
    std::vector<std::string> names;
    double loadSeconds = 0.0;
    double prepareSeconds = 0.0;
    std::string loadReport;
    torch::Device device{torch::kCPU};
    // This worker's forward state (the model itself is immutable after load). On a GPU, from the second
    // batch on every pass is a replay of one captured CUDA graph.
    model::ForwardState state;
    model::GraphedForward graphed;
#ifdef STEMCRATE_HAVE_CUDA
    // The song path on the GPU: pinned pool, upload/download streams, normalisation on the device.
    std::unique_ptr<DeviceSong> deviceSong;
#endif
    // The host-side loops (normalising the mix, mapping the stems' memory), on threads started once.
    std::unique_ptr<WorkerPool> hostPool;
    // CPU: first-touches the first window's working memory while the checkpoint loads (see load()).
    std::atomic<bool> stopPrefault{false};
    std::thread prefault;

    ~Impl()
    {
        stopPrefault = true;
        if (prefault.joinable())
            prefault.join();
    }
};

namespace {

// Demucs-style normalisation: statistics of the mono mix over the whole track.
struct Normalisation
{
    double mean = 0.0;
    double scale = 1.0; // std + 1e-8
};

// Two passes (mean, then squared deviations) in fixed chunks summed in chunk order: the same result for
// any thread count, and on the calling thread alone (pool null: prepare() on a pipeline's decode worker).
// Over a 3-minute track this is tens of milliseconds on one thread.
Normalisation normalisationOf(const AudioBuffer& mix, WorkerPool* pool)
{
    const int64_t n = mix.frames;
    if (n == 0)
        return {};
    constexpr int64_t kChunk = int64_t{1} << 16;
    const int64_t chunks = (n + kChunk - 1) / kChunk;
    const double perChannel = 1.0 / mix.channels;
    std::vector<double> partial(static_cast<size_t>(chunks));
    auto pass = [&](auto&& term) {
        const std::function<void(int64_t)> chunk = [&](int64_t k) {
            const int64_t from = k * kChunk, to = std::min(n, from + kChunk);
            double sum = 0.0;
            for (int64_t t = from; t < to; ++t) {
                double v = 0.0;
                for (int c = 0; c < mix.channels; ++c)
                    v += mix.channel(c)[t];
                sum += term(v * perChannel);
            }
            partial[static_cast<size_t>(k)] = sum;
        };
        if (pool)
            pool->run(chunks, chunk);
        else
            for (int64_t k = 0; k < chunks; ++k)
                chunk(k);
        double total = 0.0;
        for (double p : partial)
            total += p;
        return total;
    };
    const double mean = pass([](double v) { return v; }) / static_cast<double>(n);
    const double squares = pass([mean](double v) { return (v - mean) * (v - mean); });
    const double std = n > 1 ? std::sqrt(squares / static_cast<double>(n - 1)) : 0.0;
    return {mean, std + 1e-8};
}

// The stems' buffers, spread over the pool's threads. They read as zero without being written
// (ZeroPageAllocator): mapping the shared zero page is all the work here (0.35 s a GB on this machine, where
// zeroing the pages took 6.7 s for an hour's four stems before the first window), and the windows' writes
// take the memory. Returns false when the address space is not there.
bool allocateStems(Stems& out, int sources, int64_t frames, WorkerPool& pool)
{
    out.audio.assign(static_cast<size_t>(sources), AudioBuffer());
    std::atomic<bool> failed{false};
    pool.run(sources, [&](int64_t s) {
        try {
            out.audio[static_cast<size_t>(s)] = AudioBuffer(kEngineChannels, frames);
        } catch (const std::bad_alloc&) {
            failed = true;
        }
    });
    if (failed)
        out.audio.clear();
    return !failed;
}

// The steps before the loader (engineChosen, loaderStarted: seconds from Separator::load's start), then
// LoadedModel's marks (from the loader's start) and GraphedForward's planning, as one line: "before the
// loader: engine chosen 0.103 s, loader started 0.105 s; checkpoint read 0.101 s, ...".
std::string describeLoad(double engineChosen, double loaderStarted, const model::LoadedModel& loaded,
                         const model::GraphedForward& graphed)
{
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, "before the loader: engine chosen %.3f s, loader started %.3f s; ",
                  engineChosen, loaderStarted);
    std::string line = buffer;
    bool first = true;
    for (const auto& [event, seconds] : loaded.marks) {
        std::snprintf(buffer, sizeof buffer, "%s%s %.3f s", first ? "" : ", ", event.c_str(), seconds);
        line += buffer;
        first = false;
    }
    const model::GraphedForward::Planning planning = graphed.planning();
    if (loaded.warmedUp) {
        std::snprintf(buffer, sizeof buffer,
                      "; warm-up: pass %.3f s, convolutions planned on %d threads (%d, %d missed) then "
                      "waited %.3f s, capture %.3f s",
                      planning.passSeconds, planning.threads, planning.convolutions, planning.misses,
                      planning.planWaitSeconds, planning.captureSeconds);
        line += buffer;
        if (!planning.failure.empty())
            line += " (planners failed: " + planning.failure.substr(0, 200) + ")";
    }
    return line;
}

} // namespace

Separator::Separator(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Separator::~Separator()
{
    m_impl.reset();
    model::releaseTensorCache();
}

const std::vector<std::string>& Separator::sourceNames() const
{
    return m_impl->names;
}
const SeparatorOptions& Separator::options() const
{
    return m_impl->options;
}
double Separator::modelLoadSeconds() const
{
    return m_impl->loadSeconds;
}

std::string Separator::loadReport() const
{
    return m_impl->loadReport;
}

double Separator::modelPrepareSeconds() const
{
    return m_impl->prepareSeconds;
}

bool Separator::deviceAvailable(Device device)
{
    if (device == Device::Cpu)
        return true;
    try {
        return torch::cuda::is_available();
    } catch (...) {
        return false;
    }
}

Result<std::unique_ptr<Separator>> Separator::load(const std::string& checkpointPath,
                                                   const SeparatorOptions& requested)
{
    const auto loadStart = std::chrono::steady_clock::now();
    const auto sinceStart = [loadStart] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - loadStart).count();
    };
#ifdef STEMCRATE_HAVE_CUDA
    // Where a GPU may be asked for, the usual model's construction (0.1 s of CPU) runs beside the CUDA
    // driver's start, which EngineChoice waits for (0.1 s): both are on a cold first song's path. (The
    // device's warm-up starts after it: started here, beside the driver's start, it had CUDA's context no
    // sooner, BENCHMARKS.md.)
    std::shared_future<model::HDemucs> usual;
    if (requested.device != Device::Cpu)
        usual = model::constructUsualModel();
#endif
    // Device, precision and threads as EngineChoice decides them (the app shows that choice).
    const EngineChoice choice = EngineChoice::forOptions(requested);
    const double engineChosen = sinceStart(); // on a GPU: the CUDA driver's start
    SeparatorOptions options = requested;
    options.device = choice.device;
    options.precision = choice.precision;
    if (options.segmentSeconds < 0.0)
        return makeError("segment length must be 0 (whole track) or positive");
    if (options.overlap < 0.0 || options.overlap > 0.5)
        return makeError("overlap must be between 0 and 0.5");
    if (options.batchSize < 0)
        return makeError("batch size must be at least 1 (or 0 for the device's default)");
    if (options.device == Device::Cuda && !deviceAvailable(Device::Cuda))
        return makeError("CUDA was requested but this build or machine has no usable CUDA device");

    // The user's thread count, or the machine's budget for separation on this device (ThreadBudget.h): the
    // intra-op threads of the passes, and the host-side loops around them.
    const ThreadBudget budget = ThreadBudget::forThisMachine(options.device == Device::Cuda);
    torch::set_num_threads(choice.threads);
    // Every window allocates the same tensors (reuse them), and one BLAS thread pool is enough.
    if (options.device == Device::Cpu)
        model::prepareCpuRuntime();
    auto impl = std::make_unique<Impl>();
    impl->hostPool =
        std::make_unique<WorkerPool>(options.threads > 0 ? options.threads : budget.separationHostThreads);
    impl->options = options;
    impl->options.threads = choice.threads;
    if (options.batchSize == 0)
        impl->options.batchSize = options.device == Device::Cuda ? kDefaultCudaBatch : 1;
    if (options.device == Device::Cpu && options.segmentSeconds > 0) {
        // Reading the checkpoint keeps one core busy. On the other, the memory of the first window's pass is
        // page-faulted meanwhile; on a fresh machine the kernel zeroes pages at about 1 GB/s, so this takes a
        // tenth or more off the first window (BENCHMARKS.md). It stops when the model is loaded: sharing the
        // cores with the pass itself only moves the cost.
        const int64_t frames = std::llround(options.segmentSeconds * kEngineSampleRate);
        const std::size_t bytes = model::HDemucsConfig{}.cpuWorkingSetBytes(impl->options.batchSize, frames);
        try {
            impl->prefault = std::thread(
                [bytes, stop = &impl->stopPrefault] { model::prefaultTensorCache(bytes, *stop); });
        } catch (const std::system_error&) {
            // No thread to be had: the first pass faults its memory itself.
        }
    }
    if (options.device == Device::Cuda) {
        impl->device = torch::Device(torch::kCUDA);
        // cuDNN's heuristics, not its per-shape algorithm search: the search made a fresh process's first
        // song wait 13 s (six 11 s windows a batch, H100) to save 1 ms a batch afterwards (BENCHMARKS.md).
        at::globalContext().setBenchmarkCuDNN(false);
    }
#ifdef STEMCRATE_HAVE_CUDA
    if (options.device == Device::Cuda) {
        // CUDA, cuDNN, cuBLAS and cuFFT start while the checkpoint is read; the first song waits for them,
        // the load does not (prepare() needs only the CUDA context, which either thread makes once).
        const int64_t frames = std::llround(options.segmentSeconds * kEngineSampleRate);
        impl->deviceSong =
            std::make_unique<DeviceSong>(impl->options.batchSize, frames,
                                         options.threads > 0 ? options.threads : budget.separationHostThreads,
                                         DeviceWarmUp::start(loadStart));
    }
#endif
    torch::ScalarType dtype = torch::kFloat32;
    if (options.precision == Precision::Float16)
        dtype = torch::kHalf;
    else if (options.precision == Precision::BFloat16)
        dtype = torch::kBFloat16;
    model::WarmUp warmUp;
#ifdef STEMCRATE_HAVE_CUDA
    if (impl->deviceSong && options.segmentSeconds > 0) {
        // On the loader's model thread, before the weights are in: the song shape's eager pass (cuDNN's
        // plans, which libtorch keeps per thread: a warm-up on another thread than the pass's did not spare
        // the first song's pass its 0.3-0.4 s of host time) and its CUDA graph's capture. Every pass of the
        // songs is then a replay, on any thread.
        const int64_t frames = std::llround(options.segmentSeconds * kEngineSampleRate);
        warmUp = [impl = impl.get(), frames](model::HDemucs& module, const std::function<void()>& gpuFree) {
            bool captured = false;
            try {
                torch::InferenceMode inference;
                const torch::Tensor windows = torch::zeros({impl->options.batchSize, kEngineChannels, frames},
                                                           torch::TensorOptions().device(torch::kCUDA, 0));
                captured = impl->graphed.capture(module, impl->state, windows, [&] {
                    impl->deviceSong->joinWarmUp(); // no other thread on the GPU during the capture
                    gpuFree();
                });
            } catch (const std::exception&) {
                // The model is prepared again, and its passes fail with their message if anything does.
            }
            return captured;
        };
    }
#endif
    const double loaderStarted = sinceStart();
#ifdef STEMCRATE_HAVE_CUDA
    Result<model::LoadedModel> loaded =
        model::loadHDemucs(checkpointPath, impl->device, dtype, warmUp, usual);
#else
    Result<model::LoadedModel> loaded = model::loadHDemucs(checkpointPath, impl->device, dtype, warmUp);
#endif
    impl->stopPrefault = true;
    if (!loaded)
        return Error{loaded.error()};
    if (!loaded->warmedUp)
        impl->graphed.reset(); // what the warm-up captured, if anything, was another module's
    impl->module = loaded->module;
    impl->names = impl->module->config().sources;
    impl->loadSeconds = loaded->loadSeconds;
    impl->prepareSeconds = loaded->prepareSeconds;
    impl->loadReport = describeLoad(engineChosen, loaderStarted, loaded.value(), impl->graphed);
#ifdef STEMCRATE_HAVE_CUDA
    // Joined by the warm-up's capture; where there was none, the marks are left out.
    if (impl->deviceSong)
        if (const std::string marks = impl->deviceSong->warmUpMarks(); !marks.empty())
            impl->loadReport += "; device warm-up (from the load's start): " + marks;
#endif
    return std::unique_ptr<Separator>(new Separator(std::move(impl)));
}

namespace {

// Normalised, zero-padded input windows [count, 2, W]; mono is duplicated to both channels.
torch::Tensor windowsOnHost(const AudioBuffer& mix, const WindowPlan& plan, size_t first, size_t count,
                            float mean, float scale)
{
    const int64_t W = plan.windowFrames, total = mix.frames;
    torch::Tensor batch = torch::zeros({static_cast<int64_t>(count), kEngineChannels, W});
    float* dst = batch.data_ptr<float>();
    for (size_t b = 0; b < count; ++b) {
        const int64_t start = plan.starts[first + b];
        const int64_t valid = std::min(W, total - start);
        for (int c = 0; c < kEngineChannels; ++c) {
            const float* src = mix.channel(std::min(c, mix.channels - 1)) + start;
            float* row = dst + (b * kEngineChannels + c) * W;
            for (int64_t i = 0; i < valid; ++i)
                row[i] = (src[i] - mean) / scale;
        }
    }
    return batch;
}

} // namespace

namespace {

Result<void> checkMix(const AudioBuffer& mix)
{
    if (mix.sampleRate != kEngineSampleRate)
        return makeError("the separator needs " + std::to_string(kEngineSampleRate) + " Hz audio, got " +
                         std::to_string(mix.sampleRate) + " Hz");
    if (mix.channels != 1 && mix.channels != 2)
        return makeError("the separator needs mono or stereo audio, got " + std::to_string(mix.channels) +
                         " channels");
    if (mix.samples.size() != static_cast<size_t>(mix.channels) * static_cast<size_t>(mix.frames))
        return makeError("audio buffer size does not match its frame count");
    return {};
}

// The song's shape: its length, channels and windows.
void describe(const AudioBuffer& mix, const SeparatorOptions& options, PreparedSong::Impl& song)
{
    song.frames = mix.frames;
    song.channels = mix.channels;
    const int64_t window = static_cast<int64_t>(std::llround(options.segmentSeconds * kEngineSampleRate));
    song.plan = planWindows(mix.frames, window, options.overlap);
}

} // namespace

Result<PreparedSong> Separator::prepare(const AudioBuffer& mix) const
{
    if (Result<void> r = checkMix(mix); !r)
        return Error{r.error()};
    PreparedSong song;
    PreparedSong::Impl& data = song.data();
    describe(mix, m_impl->options, data);
    data.preparedBy = m_impl.get();
    try {
#ifdef STEMCRATE_HAVE_CUDA
        if (m_impl->deviceSong) {
            if (Result<void> r = m_impl->deviceSong->prepare(mix, data); !r)
                return Error{r.error()};
            return song;
        }
#endif
        // Read-only use of the Separator: only the options. On this thread alone (another may be in
        // launch()).
        const Normalisation norm = normalisationOf(mix, nullptr);
        data.mean = static_cast<float>(norm.mean);
        data.scale = static_cast<float>(norm.scale);
        const size_t windows = data.plan.count();
        const size_t batchSize = static_cast<size_t>(m_impl->options.batchSize);
        for (size_t first = 0; first < windows; first += batchSize)
            data.batches.push_back(windowsOnHost(mix, data.plan, first, std::min(batchSize, windows - first),
                                                 data.mean, data.scale));
    } catch (const std::exception&) {
        return makeError("not enough memory to prepare a " +
                         std::to_string(mix.frames / kEngineSampleRate / 60) +
                         "-minute track for separation");
    }
    return song;
}

Result<void> Separator::separate(const AudioBuffer& mix, Stems& out, const SeparationCallbacks& callbacks)
{
    if (Result<void> r = checkMix(mix); !r)
        return r;
    // Prepared in place: launch() normalises the caller's mix and cuts each batch's windows from it as the
    // batches run.
    PreparedSong song;
    describe(mix, m_impl->options, song.data());
    song.data().preparedBy = m_impl.get();
    song.data().mix = &mix;
    Result<StemLanding> launched = launch(std::move(song), out, callbacks);
    if (!launched)
        return Error{launched.error()};
    if (launched.value())
        return launched.value()();
    return {};
}

Result<StemLanding> Separator::launch(PreparedSong song, Stems& out, const SeparationCallbacks& callbacks)
{
    if (!song.valid())
        return makeError("the song was not prepared for separation");
    PreparedSong::Impl& data = song.data();
    if (data.preparedBy != m_impl.get()) // its windows and batches are another's
        return makeError("the song was prepared by another separator");
    const SeparatorOptions& options = m_impl->options;
    const WindowPlan& plan = data.plan;
    const int64_t total = data.frames;
    const int64_t W = plan.windowFrames;
#ifdef STEMCRATE_HAVE_CUDA
    if (m_impl->deviceSong) // a prepared song's last batch lands on the caller's other thread
        return m_impl->deviceSong->separate(m_impl->module, m_impl->state, m_impl->graphed, data,
                                            options.batchSize, m_impl->names, out, callbacks, !data.mix);
#endif
    // The scopes name the phases in profiler traces (bench_separation --trace); free otherwise.
    RECORD_FUNCTION("separate", std::vector<c10::IValue>());
    if (data.mix) {
        RECORD_FUNCTION("separate.normalise", std::vector<c10::IValue>());
        const Normalisation norm = normalisationOf(*data.mix, m_impl->hostPool.get());
        data.mean = static_cast<float>(norm.mean);
        data.scale = static_cast<float>(norm.scale);
    }
    const int sources = static_cast<int>(m_impl->names.size());

    out.names = m_impl->names;
    out.audio.clear();
    // The stems are allocated once the first batch is under way (they are mapped as written, see
    // allocateStems).
    bool allocated = false;
    auto allocate = [&]() -> Result<void> {
        RECORD_FUNCTION("separate.allocate_stems", std::vector<c10::IValue>());
        allocated = true;
        if (allocateStems(out, sources, total, *m_impl->hostPool))
            return {};
        return makeError("not enough memory for the stems of a " +
                         std::to_string(total / kEngineSampleRate / 60) + "-minute track");
    };

    const auto started = std::chrono::steady_clock::now();
    const size_t windows = plan.count();
    const size_t batchSize = static_cast<size_t>(options.batchSize);
    std::vector<float> weights(static_cast<size_t>(W));
    const float scale = data.scale, mean = data.mean;
    try {
        torch::InferenceMode inference;
        for (size_t first = 0; first < windows; first += batchSize) {
            if (callbacks.isCancelled && callbacks.isCancelled())
                return makeError("cancelled");
            const size_t count = std::min(batchSize, windows - first);

            // The CPU path (a GPU separates through DeviceSong above). A prepared song's batch is dropped
            // once it has been through the pass.
            torch::Tensor batch;
            if (data.mix)
                batch = windowsOnHost(*data.mix, plan, first, count, mean, scale);
            else
                batch = std::move(data.batches[first / batchSize]);
            torch::Tensor result; // [count, S, 2, W]
            {
                RECORD_USER_SCOPE("separate.pass"); // timed by bench_song_stages
                result = m_impl->module->forward(batch, m_impl->state);
            }
            batch = torch::Tensor();
            if (!allocated)
                if (Result<void> r = allocate(); !r)
                    return Error{r.error()};
            RECORD_FUNCTION("separate.crossfade", std::vector<c10::IValue>());
            crossfadeOnHost(result.contiguous(), plan, first, count, scale, mean, weights, out);

            const size_t done = first + count;
            if (callbacks.published)
                callbacks.published(plan.finalUpTo(done - 1));
            if (callbacks.progress) {
                Progress p;
                p.fraction = static_cast<double>(done) / static_cast<double>(windows);
                p.elapsedSeconds =
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
                p.etaSeconds =
                    p.elapsedSeconds / static_cast<double>(done) * static_cast<double>(windows - done);
                callbacks.progress(p);
            }
        }
    } catch (const std::exception& e) {
        return makeError(std::string("separation failed: ") + e.what());
    }
    if (!allocated) // no windows: an empty track still gets its (empty) stems
        if (Result<void> r = allocate(); !r)
            return Error{r.error()};
    return StemLanding{}; // the stems are complete
}

} // namespace stemcrate::separation
