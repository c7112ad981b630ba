#include "separation/DeviceSong.h"

#include <ATen/cuda/CUDAEvent.h>
#include <ATen/record_function.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#include <torch/torch.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstring>
#include <map>
#include <optional>
#include <system_error>
#include <thread>
#include <utility>

namespace stemcrate::separation {

namespace {

constexpr int kRows = kEngineChannels; // per stem

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

} // namespace

struct DeviceSong::Impl
{
    int hostThreads = 1;
    int64_t stagingFrames = 0; // per row of a staging slot
    std::thread warmup;
    at::Tensor pinnedMix;
    at::Tensor staging[2]; // [sources * kRows * stagingFrames] each
    std::map<std::pair<int64_t, int64_t>, std::array<at::Tensor, 4>> weights; // (W, overlap) -> 4 shapes

    ~Impl()
    {
        if (warmup.joinable())
            warmup.join();
    }

    at::Tensor& stagingSlot(int slot, int64_t floats)
    {
        if (!staging[slot].defined() || staging[slot].numel() < floats)
            staging[slot] = pinnedFloats(floats);
        return staging[slot];
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

DeviceSong::DeviceSong(int batchSize, int64_t windowFrames, int hostThreads) : m_impl(std::make_unique<Impl>())
{
    m_impl->hostThreads = std::max(1, hostThreads);
    m_impl->stagingFrames = windowFrames > 0 ? static_cast<int64_t>(std::max(1, batchSize)) * windowFrames : 0;
    const int64_t stagingFloats = m_impl->stagingFrames * 4 * kRows; // four stems, the usual model
    try {
        m_impl->warmup = std::thread([impl = m_impl.get(), stagingFloats] {
            try {
                // The context, the pinned memory, then cuBLAS and cuDNN (libraries loaded, handles made),
                // while the checkpoint is read on the caller's thread. The pinned memory comes first: pinning
                // holds the driver's lock (0.8 ms a MB here), and beside the weights' upload it made the
                // upload wait 0.29 s (BENCHMARKS.md); during the checkpoint read the caller makes no CUDA
                // call.
                const at::Device device(at::kCUDA, 0);
                const at::Tensor x = torch::randn({1, 8, 32, 32}, at::TensorOptions().device(device));
                impl->pinnedMix = pinnedFloats(int64_t{kEngineChannels} * 240 * kEngineSampleRate);
                if (stagingFloats > 0)
                    impl->staging[0] = pinnedFloats(stagingFloats);
                const at::Tensor w = torch::randn({8, 8, 3, 3}, at::TensorOptions().device(device));
                at::Tensor y = torch::conv2d(x.to(at::kHalf), w.to(at::kHalf));
                y = torch::mm(y.view({8, -1}), y.view({8, -1}).t());
                (void)y.sum().item<float>();
            } catch (...) {
                // Whatever failed here fails again, with its message, on the song path.
            }
        });
    } catch (const std::system_error&) {
    }
}

DeviceSong::~DeviceSong() = default;

void DeviceSong::waitUntilReady()
{
    if (m_impl->warmup.joinable())
        m_impl->warmup.join();
}

Result<void> DeviceSong::separate(model::HDemucs& module, model::ForwardState& state,
                                  model::GraphedForward& graphed, const AudioBuffer& mix,
                                  const WindowPlan& plan, int batchSize,
                                  const std::vector<std::string>& names, Stems& out,
                                  const SeparationCallbacks& callbacks)
{
    waitUntilReady();
    Impl& impl = *m_impl;
    const int64_t total = mix.frames, W = plan.windowFrames;
    const int sources = static_cast<int>(names.size());
    const int rows = sources * kRows;
    out.names = names;
    // Reuse what was handed in (resizing within capacity touches no new page); allocate the rest.
    out.audio.resize(static_cast<size_t>(sources));
    for (AudioBuffer& stem : out.audio) {
        stem.sampleRate = kEngineSampleRate;
        stem.channels = kEngineChannels;
        stem.frames = total;
        try {
            stem.samples.resize(static_cast<size_t>(kEngineChannels) * static_cast<size_t>(total));
        } catch (const std::bad_alloc&) {
            out.audio.clear();
            return makeError("not enough memory for the stems of a " + std::to_string(total / kEngineSampleRate / 60) +
                             "-minute track");
        }
    }
    const size_t windows = plan.count();
    if (total == 0 || windows == 0)
        return {};

    RECORD_FUNCTION("separate.device_song", std::vector<c10::IValue>());
    const auto started = std::chrono::steady_clock::now();
    try {
        torch::InferenceMode inference;
        const at::Device device(at::kCUDA, 0);
        const c10::cuda::CUDAGuard deviceGuard(device);
        const c10::cuda::CUDAStream compute = c10::cuda::getCurrentCUDAStream();
        const c10::cuda::CUDAStream upload = c10::cuda::getStreamFromPool(false, device.index());
        const c10::cuda::CUDAStream download = c10::cuda::getStreamFromPool(false, device.index());

        // Up once: pageable mix -> pinned (host threads) -> device (upload stream).
        const int64_t mixFloats = int64_t{mix.channels} * total;
        if (!impl.pinnedMix.defined() || impl.pinnedMix.numel() < mixFloats)
            impl.pinnedMix = pinnedFloats(mixFloats);
        copyFloats(impl.pinnedMix.data_ptr<float>(), mix.samples.data(), mixFloats, impl.hostThreads);
        at::Tensor mixOnDevice;
        at::cuda::CUDAEvent uploaded;
        {
            const c10::cuda::CUDAStreamGuard guard(upload);
            mixOnDevice = impl.pinnedMix.narrow(0, 0, mixFloats).view({mix.channels, total}).to(device, true);
            uploaded.record(upload);
        }
        uploaded.block(compute);
        mixOnDevice.record_stream(compute);

        // Normalisation on the device; mean and scale stay there as 0-dim tensors.
        const at::Tensor mono = mix.channels == 1 ? mixOnDevice[0] : mixOnDevice.mean(0);
        const at::Tensor mean = mono.mean();
        const at::Tensor scale = total > 1 ? mono.std() + 1e-8 : torch::full({}, 1e-8, mono.options());
        const int64_t paddedFrames = plan.starts.back() + W;
        at::Tensor normalised = torch::zeros({kEngineChannels, paddedFrames}, mono.options());
        normalised.narrow(1, 0, total).copy_(mixOnDevice.expand({kEngineChannels, total})).sub_(mean).div_(scale);

        // Cross-fade state: the not-yet-final sum of frames [tailFrom, tailFrom + tail.size(2)).
        at::Tensor tail;
        int64_t tailFrom = 0;
        struct Pending
        {
            at::Tensor frames; // kept alive until its download is done
            int64_t from = 0, count = 0;
            int slot = 0;
            size_t windowsDone = 0;
            at::cuda::CUDAEvent done;
        };
        std::optional<Pending> pending[2];
        int64_t publishedUpTo = 0;

        // Waits for a batch's download, copies it into the stems, publishes it.
        auto land = [&](Pending& p) {
            RECORD_FUNCTION("separate.land", std::vector<c10::IValue>());
            p.done.synchronize();
            if (p.count == 0)
                return;
            const float* staged = impl.staging[p.slot].data_ptr<float>();
            const int64_t rowStride = p.count;
            parallelChunks(rows, impl.hostThreads, [&](int64_t r) {
                float* dst = out.audio[static_cast<size_t>(r / kRows)].channel(static_cast<int>(r % kRows)) + p.from;
                std::memcpy(dst, staged + r * rowStride, static_cast<size_t>(p.count) * sizeof(float));
            });
            p.frames.reset();
            publishedUpTo = p.from + p.count;
            if (callbacks.published)
                callbacks.published(publishedUpTo);
            if (callbacks.progress) {
                Progress progress;
                progress.fraction = static_cast<double>(p.windowsDone) / static_cast<double>(windows);
                progress.elapsedSeconds =
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
                progress.etaSeconds = progress.elapsedSeconds / static_cast<double>(p.windowsDone) *
                                      static_cast<double>(windows - p.windowsDone);
                callbacks.progress(progress);
            }
        };

        const size_t batch = static_cast<size_t>(std::max(1, batchSize));
        int slot = 0;
        for (size_t first = 0; first < windows; first += batch) {
            if (callbacks.isCancelled && callbacks.isCancelled()) {
                download.synchronize();
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
            const at::Tensor result =
                graphed.run(module, state, torch::stack(cut)).slice(0, 0, static_cast<int64_t>(count)); // [n, S, 2, W]

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

            // Down on the download stream, into a pinned slot, while the next batch computes.
            if (pending[slot])
                land(*pending[slot]); // the slot's previous batch (two batches back) must be out first
            Pending p;
            p.from = tailFrom;
            p.count = n;
            p.slot = slot;
            p.windowsDone = first + count;
            p.frames = acc;
            if (n > 0) {
                at::Tensor& staging = impl.stagingSlot(slot, std::max<int64_t>(n, impl.stagingFrames) * rows);
                at::cuda::CUDAEvent computed;
                computed.record(compute);
                computed.block(download);
                const c10::cuda::CUDAStreamGuard guard(download);
                for (int r = 0; r < rows; ++r)
                    staging.narrow(0, r * n, n).copy_(acc[r / kRows][r % kRows].narrow(0, 0, n), true);
                acc.record_stream(download);
                p.done.record(download);
            }
            tail = acc.narrow(2, final - tailFrom, end - final);
            tailFrom = final;
            pending[slot] = std::move(p);
            // The other slot holds the batch before this one: land it now, the GPU being busy with this one.
            const int other = 1 - slot;
            if (pending[other]) {
                land(*pending[other]);
                pending[other].reset();
            }
            slot = other;
        }
        for (auto& p : pending)
            if (p) {
                land(*p);
                p.reset();
            }
    } catch (const std::exception& e) {
        return makeError(std::string("separation failed: ") + e.what());
    }
    return {};
}

} // namespace stemcrate::separation
