#include "separation/DeviceSong.h"

#include "common/MemoryPages.h"

#include <ATen/cuda/CUDAEvent.h>
#include <ATen/record_function.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#include <torch/torch.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <functional>
#include <initializer_list>
#include <map>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace stemcrate::separation {

namespace {

constexpr int kRows = kEngineChannels; // per stem
// Pinned staging slots for the stems' downloads. The separating thread holds at most two (a batch coming
// down while the one before lands); the rest let writers land earlier songs' last batches meanwhile.
constexpr int kStagingSlots = 3;

at::Tensor pinnedFloats(int64_t count)
{
    return at::empty({count}, at::TensorOptions().dtype(at::kFloat).pinned_memory(true));
}

// Runs work(chunk) for chunk in [0, chunks) on up to `threads` threads, this one included.
template <class F> void parallelChunks(int64_t chunks, int threads, F&& work)
{
    std::atomic<int64_t> next{0};
    auto worker = [&] {
        for (int64_t k = next++; k < chunks; k = next++)
            work(k);
    };
    std::vector<std::thread> helpers;
    try {
        for (int t = 1; t < std::min<int64_t>(threads, chunks); ++t)
            helpers.emplace_back(worker);
    } catch (const std::system_error&) {
    }
    worker();
    for (std::thread& h : helpers)
        h.join();
}

// Parallel memcpy in 4 MB pieces.
void copyFloats(float* dst, const float* src, int64_t count, int threads)
{
    constexpr int64_t kPiece = int64_t{1} << 20;
    const int64_t pieces = (count + kPiece - 1) / kPiece;
    parallelChunks(pieces, threads, [&](int64_t p) {
        const int64_t from = p * kPiece, n = std::min(kPiece, count - from);
        std::memcpy(dst + from, src + from, static_cast<size_t>(n) * sizeof(float));
    });
}

// The staging slots, shared by the separating thread and the landings it hands out (which may outlive a
// song, never the Separator). Any thread.
class StagingPool
{
public:
    // A free slot with room for `floats` (pinned now if it has not; pinning holds the driver's lock, so the
    // pool is normally pinned ahead, pinPoolInBackground). Waits while every slot is taken.
    int acquire(int64_t floats)
    {
        std::unique_lock lock(m_mutex);
        m_freed.wait(lock, [&] { return std::find(m_busy.begin(), m_busy.end(), false) != m_busy.end(); });
        const int slot = static_cast<int>(std::find(m_busy.begin(), m_busy.end(), false) - m_busy.begin());
        m_busy[static_cast<size_t>(slot)] = true;
        at::Tensor& buffer = m_slots[static_cast<size_t>(slot)];
        if (!buffer.defined() || buffer.numel() < floats) {
            lock.unlock(); // the slot is ours; others may take and free the rest meanwhile
            try {
                buffer = at::Tensor();
                buffer = pinnedFloats(floats);
            } catch (...) {
                release(slot);
                throw;
            }
        }
        return slot;
    }
    void release(int slot)
    {
        {
            std::lock_guard lock(m_mutex);
            m_busy[static_cast<size_t>(slot)] = false;
        }
        m_freed.notify_one();
    }
    // Only while the slot is held.
    at::Tensor& slot(int slot) { return m_slots[static_cast<size_t>(slot)]; }
    // Pins the free slots to `floats` each (the warm songs' size).
    void pinFree(int64_t floats)
    {
        for (int k = 0; k < kStagingSlots; ++k) {
            {
                std::lock_guard lock(m_mutex);
                if (m_busy[static_cast<size_t>(k)])
                    continue;
                m_busy[static_cast<size_t>(k)] = true;
            }
            try {
                if (!m_slots[static_cast<size_t>(k)].defined() ||
                    m_slots[static_cast<size_t>(k)].numel() < floats)
                    m_slots[static_cast<size_t>(k)] = pinnedFloats(floats);
            } catch (...) {
                // Pinned, with its error, when a song needs it (acquire).
            }
            release(k);
        }
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_freed;
    std::vector<at::Tensor> m_slots = std::vector<at::Tensor>(kStagingSlots);
    std::vector<bool> m_busy = std::vector<bool>(kStagingSlots, false);
};

// A batch's stem frames [from, from + count) on their way down into a staging slot.
struct Download
{
    at::Tensor frames; // the device tensor, kept alive until its download is done
    int64_t from = 0, count = 0;
    int slot = -1; // none when count == 0
    size_t windowsDone = 0;
    at::cuda::CUDAEvent done;
};

// The downloads of one song not landed yet, oldest first, and where their rows go. Lands them on the
// separating thread one by one, or all at once on another (the song's StemLanding). Whatever it still holds
// when destroyed (a failure, a landing dropped uncalled) is waited for and its slot freed.
class SongDownloads
{
public:
    SongDownloads(std::shared_ptr<StagingPool> pool) : m_pool(std::move(pool)) {}
    ~SongDownloads()
    {
        for (Download& d : m_downloads) {
            try {
                d.done.synchronize();
            } catch (...) {
            }
            if (d.slot >= 0)
                m_pool->release(d.slot);
        }
    }
    SongDownloads(const SongDownloads&) = delete;
    SongDownloads& operator=(const SongDownloads&) = delete;

    std::vector<float*> rows; // row r of the stems: stem r / kRows, channel r % kRows
    StagingPool& pool() { return *m_pool; }
    size_t size() const { return m_downloads.size(); }
    void push(Download d) { m_downloads.push_back(std::move(d)); }

    // Waits for the oldest download, copies it into the stems (on `threads` threads), frees its slot.
    // Returns it (its tensor released) for publishing.
    Download landOldest(int threads)
    {
        Download d = std::move(m_downloads.front());
        m_downloads.pop_front();
        struct Release
        {
            StagingPool& pool;
            int slot;
            ~Release()
            {
                if (slot >= 0)
                    pool.release(slot);
            }
        } release{*m_pool, d.slot};
        d.done.synchronize();
        if (d.count > 0) {
            const float* staged = m_pool->slot(d.slot).data_ptr<float>();
            parallelChunks(static_cast<int64_t>(rows.size()), threads, [&](int64_t r) {
                std::memcpy(rows[static_cast<size_t>(r)] + d.from, staged + r * d.count,
                            static_cast<size_t>(d.count) * sizeof(float));
            });
        }
        d.frames.reset();
        return d;
    }

    // The song's StemLanding: lands what is left on the calling thread.
    Result<void> landAll()
    {
        try {
            while (!m_downloads.empty())
                landOldest(1);
        } catch (const std::exception& e) {
            return makeError(std::string("separation failed: ") + e.what());
        }
        return {};
    }

private:
    std::shared_ptr<StagingPool> m_pool;
    std::deque<Download> m_downloads;
};

} // namespace

struct DeviceSong::Impl
{
    int hostThreads = 1;
    int64_t stagingFrames = 0; // per row of a staging slot
    int64_t stagingFloats = 0; // a slot, four stems (the usual model)
    // Fixed-length windows: every batch has one shape, so once its graph replays no capture happens again
    // (whole-track mode captures a shape per song).
    bool oneShape = false;
    // prepare() uploads on the caller's thread only once the shape's graph replays: a capture allows no
    // other thread's CUDA calls (cudaStreamCaptureModeGlobal). Set by separate(), read by prepare().
    std::atomic<bool> uploadAhead{false};
    DeviceWarmUp warmup; // CUDA, cuDNN, cuBLAS, cuFFT and the song path's kernels: started by the load
    std::thread pinning; // the pinned pool: started when the first song is done
    bool pooled = false; // pinnedMix and staging exist (caller's thread, after pinning is joined)
    at::Tensor pinnedMix;
    std::shared_ptr<StagingPool> staging = std::make_shared<StagingPool>();   // [sources * kRows * frames]
    std::map<std::pair<int64_t, int64_t>, std::array<at::Tensor, 4>> weights; // (W, overlap) -> 4 shapes

    ~Impl()
    {
        warmup.join();
        if (pinning.joinable())
            pinning.join();
    }

    void joinWarmup() { warmup.join(); }

    // The pool, pinned on a thread of its own once the first song is out: pinning holds the driver's lock
    // (0.8 ms a MB on the H200 machine, 0.29 s for batch 18's 365 MB) and made the first song's load and
    // upload wait for it (BENCHMARKS.md). The next song joins the thread before it starts.
    void pinPoolInBackground(int64_t mixFloats)
    {
        try {
            pinning = std::thread([this, mixFloats] {
                try {
                    pinnedMix = pinnedFloats(
                        std::max<int64_t>(mixFloats, int64_t{kEngineChannels} * 240 * kEngineSampleRate));
                    if (stagingFloats > 0)
                        staging->pinFree(stagingFloats);
                } catch (...) {
                    // Made again, with its error, on the caller's thread (StagingPool::acquire, separate()).
                }
            });
        } catch (const std::system_error&) {
        }
    }

    void joinPool()
    {
        if (pinning.joinable()) {
            pinning.join();
            pooled = true;
        }
    }

    // A window's weights depend only on whether it has neighbours: four shapes per plan shape, made once.
    const at::Tensor& weightsFor(const WindowPlan& plan, size_t k, const at::Device& device)
    {
        auto& shapes = weights[{plan.windowFrames, plan.overlapFrames}];
        const int shape = (k > 0 ? 1 : 0) | (k + 1 < plan.count() ? 2 : 0);
        at::Tensor& w = shapes[static_cast<size_t>(shape)];
        if (!w.defined()) {
            at::Tensor host = torch::empty({plan.windowFrames});
            float* p = host.data_ptr<float>();
            for (int64_t i = 0; i < plan.windowFrames; ++i)
                p[i] = plan.weight(k, i);
            w = host.to(device);
        }
        return w;
    }
};

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point origin)
{
    return std::chrono::duration<double>(Clock::now() - origin).count();
}

} // namespace

// Seconds from the origin at which each step was done; negative: not done (it failed, or never ran).
struct DeviceWarmUp::Marks
{
    double context = -1, cudnn = -1, cublas = -1, cufft = -1, kernels = -1;
};

namespace {

// Runs `work` on a thread of its own (or here, when none can be started); the returned thread is joinable
// or empty. `work` must not throw.
std::thread beside(const std::function<void()>& work)
{
    try {
        return std::thread(work);
    } catch (const std::system_error&) {
        work();
        return {};
    }
}

// Joins the threads it was given (those that are joinable) when it goes out of scope: no early return or
// exception leaves one running.
class JoinOnExit
{
public:
    JoinOnExit(std::initializer_list<std::thread*> threads) : m_threads(threads) {}
    ~JoinOnExit()
    {
        for (std::thread* thread : m_threads)
            if (thread->joinable())
                thread->join();
    }
    JoinOnExit(const JoinOnExit&) = delete;
    JoinOnExit& operator=(const JoinOnExit&) = delete;

private:
    std::vector<std::thread*> m_threads;
};

// Makes CUDA's context, starts cuDNN, cuBLAS and cuFFT and loads the kernels the song path calls around the
// network, so that the first song finds them (CUDA loads a kernel at its first launch: 5-15 ms each in the
// cold trace). Each library's start is process-wide (the process's first FFT plan took 180 ms and cuBLAS's
// start 177 ms in probe_cold_pass, BENCHMARKS.md), and none waits for another: they start at once, cuDNN on
// this thread. Only operators the song path runs: a kernel module loaded here that the path never uses
// (a random generator's, a sum's) is still a load every thread's first launches wait behind, since a
// process's lazy loads run one at a time (BENCHMARKS.md, the pass's kernel modules loaded ahead). So the
// inputs are constants and each step waits on its stream rather than on a value copied back.
void warmUpDevice(DeviceWarmUp::Marks& marks, Clock::time_point origin)
{
    const at::Device device(at::kCUDA, 0);
    const at::TensorOptions floats = at::TensorOptions().device(device);
    const auto finished = [] { c10::cuda::getCurrentCUDAStream().synchronize(); };
    (void)torch::empty({1}, floats); // the context and the caching allocator
    marks.context = secondsSince(origin);
    std::thread blas = beside([&marks, origin, floats, finished] {
        try {
            const at::Tensor a = torch::full({64, 64}, 0.5, floats.dtype(at::kHalf));
            (void)torch::mm(a, a);
            finished();
            marks.cublas = secondsSince(origin);
        } catch (...) {
        }
    });
    std::thread fft = beside([&marks, origin, floats, finished] {
        try {
            (void)torch::fft_irfft(torch::fft_rfft(torch::full({4, 4096}, 0.5, floats)), 4096);
            finished();
            marks.cufft = secondsSince(origin);
        } catch (...) {
        }
    });
    const JoinOnExit joiner{&blas, &fft};
    const at::Tensor x = torch::full({1, 8, 32, 32}, 0.5, floats);
    const at::Tensor w = torch::full({8, 8, 3, 3}, 0.1, floats);
    (void)torch::conv2d(x.to(at::kHalf), w.to(at::kHalf));
    finished();
    marks.cudnn = secondsSince(origin);
    // The song path's own: normalisation, windows, cross-fade (DeviceSong::separate, in its dtypes).
    const at::Tensor mix = torch::full({kEngineChannels, 4096}, 0.25, floats);
    const at::Tensor mono = mix.mean(0);
    const at::Tensor mean = mono.mean();
    const at::Tensor scale = mono.std() + 1e-8;
    at::Tensor normalised = torch::zeros({kEngineChannels, 8192}, floats);
    normalised.narrow(1, 0, 4096).copy_(mix.expand({kEngineChannels, 4096})).sub_(mean).div_(scale);
    const at::Tensor windows =
        torch::stack({normalised.narrow(1, 0, 4096), normalised.narrow(1, 4096, 4096)});
    at::Tensor acc = torch::zeros({kEngineChannels, 4096}, floats);
    acc.addcmul_(windows.to(at::kHalf).to(at::kFloat)[0] * scale + mean, normalised.narrow(1, 0, 4096));
    finished();
    marks.kernels = secondsSince(origin);
}

} // namespace

DeviceWarmUp DeviceWarmUp::start(Clock::time_point origin)
{
    DeviceWarmUp started;
    started.m_marks = std::make_shared<Marks>();
    try {
        started.m_thread = std::thread([marks = started.m_marks, origin] {
            try {
                warmUpDevice(*marks, origin);
            } catch (...) {
                // Whatever failed here fails again, with its message, on the song path.
            }
        });
    } catch (const std::system_error&) {
        started.m_marks.reset();
    }
    return started;
}

DeviceWarmUp& DeviceWarmUp::operator=(DeviceWarmUp&& other) noexcept
{
    if (this != &other) {
        join();
        m_thread = std::move(other.m_thread);
        m_marks = std::move(other.m_marks);
    }
    return *this;
}

DeviceWarmUp::~DeviceWarmUp()
{
    join();
}

void DeviceWarmUp::join()
{
    if (m_thread.joinable())
        m_thread.join();
}

std::string DeviceWarmUp::marks() const
{
    if (!m_marks || m_thread.joinable())
        return {};
    std::string line;
    char buffer[48];
    const std::pair<const char*, double> steps[] = {{"context", m_marks->context},
                                                    {"cuDNN", m_marks->cudnn},
                                                    {"cuBLAS", m_marks->cublas},
                                                    {"cuFFT", m_marks->cufft},
                                                    {"song kernels", m_marks->kernels}};
    for (const auto& [step, seconds] : steps) {
        if (seconds < 0)
            std::snprintf(buffer, sizeof buffer, "%s%s failed", line.empty() ? "" : ", ", step);
        else
            std::snprintf(buffer, sizeof buffer, "%s%s %.3f s", line.empty() ? "" : ", ", step, seconds);
        line += buffer;
    }
    return line;
}

DeviceSong::DeviceSong(int batchSize, int64_t windowFrames, int hostThreads, DeviceWarmUp warmUp)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->hostThreads = std::max(1, hostThreads);
    m_impl->stagingFrames =
        windowFrames > 0 ? static_cast<int64_t>(std::max(1, batchSize)) * windowFrames : 0;
    m_impl->stagingFloats = m_impl->stagingFrames * 4 * kRows;
    m_impl->oneShape = windowFrames > 0;
    // Nothing is pinned here: the first song needs no pinned memory (see separate()).
    m_impl->warmup = std::move(warmUp);
}

DeviceSong::~DeviceSong() = default;

void DeviceSong::joinWarmUp()
{
    m_impl->joinWarmup();
}

std::string DeviceSong::warmUpMarks() const
{
    return m_impl->warmup.marks();
}

Result<void> DeviceSong::prepare(const AudioBuffer& mix, PreparedSong::Impl& song)
{
    // Until the song shape's graph replays, the host copy goes to separate(), which uploads it as before.
    if (!m_impl->uploadAhead.load() || mix.frames == 0) {
        song.ownedMix = mix;
        return {};
    }
    try {
        torch::InferenceMode inference;
        const at::Device device(at::kCUDA, 0);
        const c10::cuda::CUDAGuard deviceGuard(device);
        // Pageable, straight from the mix, on a side stream: this thread waits for the copy (a pipeline's
        // decode worker, not the separating thread), the compute stream does not. The tensor belongs to the
        // side stream's pool; separate() records the compute stream's use of it.
        const c10::cuda::CUDAStream upload = c10::cuda::getStreamFromPool(false, device.index());
        const c10::cuda::CUDAStreamGuard streamGuard(upload);
        song.deviceMix =
            torch::from_blob(const_cast<float*>(mix.samples.data()), {mix.channels, mix.frames}).to(device);
        upload.synchronize();
    } catch (const std::exception& e) {
        return makeError(std::string("the song could not be copied to the GPU: ") + e.what());
    }
    return {};
}

Result<StemLanding> DeviceSong::separate(model::HDemucs& module, model::ForwardState& state,
                                         model::GraphedForward& graphed, const PreparedSong::Impl& song,
                                         int batchSize, const std::vector<std::string>& names, Stems& out,
                                         const SeparationCallbacks& callbacks, bool deferLanding)
{
    Impl& impl = *m_impl;
    {
        RECORD_USER_SCOPE("separate.pool_wait"); // timed by bench_separation (the second song's wait)
        impl.joinPool();
    }
    // The process's first song: no pinned memory yet (pageable copies up and down, the host waits for them).
    // From the second song on, the pinned pool.
    const bool cold = !impl.pooled;
    impl.joinWarmup();
    const WindowPlan& plan = song.plan;
    const AudioBuffer& hostMix = song.mix ? *song.mix : song.ownedMix; // unless song.deviceMix is defined
    const int64_t total = song.frames, W = plan.windowFrames;
    const int sources = static_cast<int>(names.size());
    const int rows = sources * kRows;
    const size_t stemFloats = static_cast<size_t>(kEngineChannels) * static_cast<size_t>(total);
    out.names = names;
    out.audio.resize(static_cast<size_t>(sources));
    bool fresh = false;
    for (AudioBuffer& stem : out.audio) {
        stem.sampleRate = kEngineSampleRate;
        stem.channels = kEngineChannels;
        stem.frames = total;
        fresh = fresh || stem.samples.capacity() < stemFloats;
    }
    // Stem buffers handed in are reused (resizing within capacity touches no new page). Fresh ones are
    // allocated (fresh pages, untouched), populated on every host thread in 4 MB pieces while the GPU
    // computes the first pass, then sized (the allocator only reads pages that are there by then).
    // Populated at one fault per page, a 180 s song's 254 MB took 86 ms on an H100 host, past the pass's
    // end, and its landing waited for them (BENCHMARKS.md).
    std::atomic<bool> stemsFailed{false};
    std::thread preparing;
    const JoinOnExit joiner{&preparing};
    auto prepareStems = [&out, &stemsFailed, stemFloats, sources, threads = impl.hostThreads] {
        parallelChunks(sources, threads, [&](int64_t s) {
            SampleVector& samples = out.audio[static_cast<size_t>(s)].samples;
            try {
                if (samples.capacity() < stemFloats) {
                    samples.clear(); // nothing to keep: every sample is written by the landing
                    samples.reserve(stemFloats);
                }
            } catch (const std::bad_alloc&) {
                stemsFailed = true;
            }
        });
        if (stemsFailed)
            return;
        constexpr size_t kPiece = size_t{4} << 20;
        const size_t bytes = stemFloats * sizeof(float);
        const int64_t perStem = static_cast<int64_t>((bytes + kPiece - 1) / kPiece);
        const auto piece = [&](int64_t k) {
            auto* base = reinterpret_cast<char*>(out.audio[static_cast<size_t>(k / perStem)].samples.data());
            const size_t from = static_cast<size_t>(k % perStem) * kPiece;
            return std::make_pair(base + from, std::min(kPiece, bytes - from));
        };
        std::atomic<bool> populated{true};
        parallelChunks(perStem * sources, threads, [&](int64_t k) {
            const auto [at, n] = piece(k);
            if (!populatePages(at, n))
                populated = false;
        });
        parallelChunks(sources, threads,
                       [&](int64_t s) { out.audio[static_cast<size_t>(s)].samples.resize(stemFloats); });
        // A kernel older than Linux 5.14 cannot populate: the pages are written once sized, every host
        // thread a piece, as before (else the landing's copies would fault them in on one thread).
        if (!populated)
            parallelChunks(perStem * sources, threads, [&](int64_t k) {
                const auto [at, n] = piece(k);
                std::memset(at, 0, n);
            });
    };
    // Started once the first pass is launched (or when the stems are first needed): populating them on every
    // host thread before it slowed the launches ahead of the pass (the padded mix's allocation and the
    // windows' stack took 7-8 ms each instead of about 1 in an H100 timeline, BENCHMARKS.md).
    bool preparePending = fresh;
    auto startPreparing = [&] {
        if (!preparePending)
            return;
        preparePending = false;
        try {
            preparing = std::thread(prepareStems);
        } catch (const std::system_error&) {
            prepareStems();
        }
    };
    if (!fresh)
        for (AudioBuffer& stem : out.audio)
            stem.samples.resize(stemFloats);
    auto stemsReady = [&] {
        startPreparing();
        if (preparing.joinable())
            preparing.join();
        if (stemsFailed)
            out.audio.clear();
        return !stemsFailed;
    };
    const auto noMemory = [total] {
        return makeError("not enough memory for the stems of a " +
                         std::to_string(total / kEngineSampleRate / 60) + "-minute track");
    };
    const size_t windows = plan.count();
    if (total == 0 || windows == 0) {
        if (!stemsReady())
            return noMemory();
        return StemLanding{};
    }

    RECORD_FUNCTION("separate.device_song", std::vector<c10::IValue>());
    const auto started = std::chrono::steady_clock::now();
    const int replaysBefore = graphed.replays();
    try {
        torch::InferenceMode inference;
        const at::Device device(at::kCUDA, 0);
        const c10::cuda::CUDAGuard deviceGuard(device);
        const c10::cuda::CUDAStream compute = c10::cuda::getCurrentCUDAStream();
        const c10::cuda::CUDAStream upload = c10::cuda::getStreamFromPool(false, device.index());
        const c10::cuda::CUDAStream download = c10::cuda::getStreamFromPool(false, device.index());

        const int channels = song.channels;
        const int64_t mixFloats = int64_t{channels} * total;
        at::Tensor mixOnDevice;
        if (song.deviceMix.defined()) {
            // Uploaded by prepare() (complete when it returned) on a side stream's memory.
            mixOnDevice = song.deviceMix;
            mixOnDevice.record_stream(compute);
        } else if (cold) {
            // Pageable, straight from the caller's buffer (the driver stages it; the host waits).
            mixOnDevice =
                torch::from_blob(const_cast<float*>(hostMix.samples.data()), {channels, total}).to(device);
        } else {
            // Up once: pageable mix -> pinned (host threads) -> device (upload stream).
            if (!impl.pinnedMix.defined() || impl.pinnedMix.numel() < mixFloats)
                impl.pinnedMix = pinnedFloats(mixFloats);
            copyFloats(impl.pinnedMix.data_ptr<float>(), hostMix.samples.data(), mixFloats, impl.hostThreads);
            at::cuda::CUDAEvent uploaded;
            {
                const c10::cuda::CUDAStreamGuard guard(upload);
                mixOnDevice = impl.pinnedMix.narrow(0, 0, mixFloats).view({channels, total}).to(device, true);
                uploaded.record(upload);
            }
            uploaded.block(compute);
            mixOnDevice.record_stream(compute);
        }

        // Normalisation on the device; mean and scale stay there as 0-dim tensors.
        const at::Tensor mono = channels == 1 ? mixOnDevice[0] : mixOnDevice.mean(0);
        const at::Tensor mean = mono.mean();
        const at::Tensor scale = total > 1 ? mono.std() + 1e-8 : torch::full({}, 1e-8, mono.options());
        const int64_t paddedFrames = plan.starts.back() + W;
        at::Tensor normalised = torch::zeros({kEngineChannels, paddedFrames}, mono.options());
        normalised.narrow(1, 0, total)
            .copy_(mixOnDevice.expand({kEngineChannels, total}))
            .sub_(mean)
            .div_(scale);

        // Cross-fade state: the not-yet-final sum of frames [tailFrom, tailFrom + tail.size(2)).
        at::Tensor tail;
        int64_t tailFrom = 0;
        // The song's downloads not landed yet; shared with the StemLanding when the last ones are left to it.
        const auto downloads = std::make_shared<SongDownloads>(impl.staging);

        // Publishes stem frames [0, upTo) as final and reports progress.
        auto publish = [&](int64_t upTo, size_t windowsDone) {
            if (callbacks.published)
                callbacks.published(upTo);
            if (callbacks.progress) {
                Progress progress;
                progress.fraction = static_cast<double>(windowsDone) / static_cast<double>(windows);
                progress.elapsedSeconds =
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
                progress.etaSeconds = progress.elapsedSeconds / static_cast<double>(windowsDone) *
                                      static_cast<double>(windows - windowsDone);
                callbacks.progress(progress);
            }
        };
        // Waits for the oldest batch's download, copies it into the stems, publishes it.
        auto landOldest = [&] {
            RECORD_FUNCTION("separate.land", std::vector<c10::IValue>());
            const Download landed = downloads->landOldest(impl.hostThreads);
            if (landed.count > 0)
                publish(landed.from + landed.count, landed.windowsDone);
        };

        const size_t batch = static_cast<size_t>(std::max(1, batchSize));
        for (size_t first = 0; first < windows; first += batch) {
            if (callbacks.isCancelled && callbacks.isCancelled()) {
                download.synchronize();
                stemsReady();
                return makeError("cancelled");
            }
            const size_t count = std::min(batch, windows - first);
            std::vector<at::Tensor> cut;
            cut.reserve(batch);
            for (size_t b = 0; b < count; ++b)
                cut.push_back(normalised.narrow(1, plan.starts[first + b], W));
            // A short last batch would be a new shape (another pass and graph): silent windows instead.
            for (size_t b = count; b < batch; ++b)
                cut.push_back(torch::zeros({kEngineChannels, W}, normalised.options()));
            at::Tensor result;
            {
                RECORD_USER_SCOPE("separate.pass"); // timed by bench_song_stages
                result =
                    graphed.run(module, state, torch::stack(cut)).slice(0, 0, static_cast<int64_t>(count));
            } // [n, S, 2, W]
            // The GPU is busy with the pass now.
            startPreparing();

            // Cross-fade into the tail on the device.
            const int64_t end = plan.starts[first + count - 1] + W;
            at::Tensor acc = torch::zeros({sources, kEngineChannels, end - tailFrom}, normalised.options());
            if (tail.defined())
                acc.narrow(2, 0, tail.size(2)).copy_(tail);
            const at::Tensor denormalised = result.to(at::kFloat) * scale + mean;
            for (size_t b = 0; b < count; ++b) {
                const size_t k = first + b;
                acc.narrow(2, plan.starts[k] - tailFrom, W)
                    .addcmul_(denormalised[static_cast<int64_t>(b)], impl.weightsFor(plan, k, device));
            }
            const int64_t final = std::min(plan.finalUpTo(first + count - 1), std::min(end, total));
            const int64_t n = std::max<int64_t>(0, final - tailFrom);

            if (cold) {
                // Straight down into the stems, pageable (their pages touched by now); the host waits.
                RECORD_FUNCTION("separate.land", std::vector<c10::IValue>());
                if (!stemsReady())
                    return noMemory();
                for (int r = 0; r < rows && n > 0; ++r)
                    torch::from_blob(out.audio[static_cast<size_t>(r / kRows)].channel(r % kRows) + tailFrom,
                                     {n})
                        .copy_(acc[r / kRows][r % kRows].narrow(0, 0, n));
                if (n > 0)
                    publish(tailFrom + n, first + count);
                tail = acc.narrow(2, final - tailFrom, end - final);
                tailFrom = final;
                continue;
            }

            if (!stemsReady())
                return noMemory();
            if (downloads->rows.empty())
                for (int r = 0; r < rows; ++r)
                    downloads->rows.push_back(out.audio[static_cast<size_t>(r / kRows)].channel(r % kRows));
            // Down on the download stream, into a pinned slot, while the next batch computes.
            Download d;
            d.from = tailFrom;
            d.count = n;
            d.windowsDone = first + count;
            d.frames = acc;
            if (n > 0) {
                // May wait for a writer to land an earlier song's last batch (a slot comes free then).
                d.slot = downloads->pool().acquire(std::max<int64_t>(n, impl.stagingFrames) * rows);
                at::Tensor& staging = downloads->pool().slot(d.slot);
                at::cuda::CUDAEvent computed;
                computed.record(compute);
                computed.block(download);
                const c10::cuda::CUDAStreamGuard guard(download);
                for (int r = 0; r < rows; ++r)
                    staging.narrow(0, r * n, n).copy_(acc[r / kRows][r % kRows].narrow(0, 0, n), true);
                acc.record_stream(download);
                d.done.record(download);
            }
            tail = acc.narrow(2, final - tailFrom, end - final);
            tailFrom = final;
            downloads->push(std::move(d));
            // The batch before this one: land it now, the GPU being busy with this one.
            while (downloads->size() > 1)
                landOldest();
        }
        if (!stemsReady())
            return noMemory();
        if (cold)
            impl.pinPoolInBackground(mixFloats);
        // Every pass a replay of the one shape: from now on prepare() may upload beside the passes.
        if (impl.oneShape &&
            graphed.replays() - replaysBefore == static_cast<int>((windows + batch - 1) / batch))
            impl.uploadAhead = true;
        if (deferLanding && downloads->size() > 0) {
            // The last batch lands on another thread of the caller's (a pipeline's writer), which calls
            // none of the callbacks.
            return StemLanding([downloads] { return downloads->landAll(); });
        }
        while (downloads->size() > 0)
            landOldest();
    } catch (const std::exception& e) {
        stemsReady();
        return makeError(std::string("separation failed: ") + e.what());
    }
    return StemLanding{};
}

} // namespace stemcrate::separation
