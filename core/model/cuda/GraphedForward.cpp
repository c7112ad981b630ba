#include "model/cuda/GraphedForward.h"

#include "model/cuda/ConvPlanners.h"

#include <torch/cuda.h>
#include <torch/torch.h>

#ifdef STEMCRATE_HAVE_CUDA
#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDACachingAllocator.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#endif

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace stemcrate::model {

namespace {

// -1 (the default): chosen from the machine's cores. The planned capture's replays equal the eager pass
// (test_cuda_engine) and it took the cold first song from 1.106 s to 0.939 s (medians of 7 interleaved pairs,
// one H100, BENCHMARKS.md, issue 21, sixteenth session). 0: the capturing thread plans alone.
std::atomic<int> gPlanThreads{-1};

int planThreads()
{
    const int chosen = gPlanThreads.load();
    if (chosen >= 0)
        return chosen;
    // Beside the capturing thread, the loader's caller (checkpoint upload) and the song's library start.
    const int cores = static_cast<int>(std::thread::hardware_concurrency());
    return std::clamp(cores - 3, 0, 6);
}

} // namespace

struct GraphedForward::Impl
{
#ifdef STEMCRATE_HAVE_CUDA
    struct Entry
    {
        int eagerPasses = 0;
        std::unique_ptr<at::cuda::CUDAGraph> graph;
        torch::Tensor input, output; // the graph's own buffers
    };
    std::map<std::vector<int64_t>, Entry> entries; // by batch sizes, dtype, device index
    bool failed = false;
    // The threads that planned the captured graphs' convolutions (kept with the graphs); null when the
    // capturing thread planned them.
    std::unique_ptr<ConvPlanners> planners;
    GraphedForward::Planning planning;

    static std::vector<int64_t> keyOf(const torch::Tensor& batch)
    {
        std::vector<int64_t> key = batch.sizes().vec();
        key.push_back(static_cast<int64_t>(batch.scalar_type()));
        key.push_back(batch.device().index());
        return key;
    }

    // The eager pass before a shape's capture, on the side stream the capture uses, so that everything it
    // creates lazily (cuBLAS workspaces, cuDNN's plans) exists for that stream.
    static torch::Tensor eagerPass(HDemucs& module, ForwardState& state, const torch::Tensor& batch,
                                   const c10::cuda::CUDAStream& side)
    {
        const int device = batch.device().index();
        torch::cuda::synchronize(device);
        torch::Tensor out;
        {
            const c10::cuda::CUDAStreamGuard streamGuard(side);
            out = module->forward(batch, state);
        }
        torch::cuda::synchronize(device);
        return out;
    }

    // The dry pass of ConvPlanners: the eager pass with cuDNN's convolutions planned and warmed up on the
    // planners' threads meanwhile. False (planners dropped) when anything failed.
    bool plannedPass(HDemucs& module, ForwardState& state, const torch::Tensor& batch,
                     const c10::cuda::CUDAStream& side)
    {
        const int threads = planThreads();
        if (threads <= 0)
            return false;
        try {
            if (!planners)
                planners = std::make_unique<ConvPlanners>(threads);
            planners->setMode(ConvPlanners::Mode::Dry);
            const auto start = std::chrono::steady_clock::now();
            {
                const ConvPlanners::Scope scope(planners.get());
                (void)eagerPass(module, state, batch, side);
            }
            const auto passed = std::chrono::steady_clock::now();
            planners->finish();
            torch::cuda::synchronize(batch.device().index());
            planning.passSeconds = std::chrono::duration<double>(passed - start).count();
            planning.planWaitSeconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - passed).count();
            planning.threads = threads;
            planning.convolutions = planners->distinct();
            return true;
        } catch (const std::exception& e) {
            planning.failure = e.what();
            planners.reset();
            return false;
        }
    }

    // Captures entry's graph on `side` (the convolutions launched by `launching`'s threads when given);
    // false when the capture fails, with failure set and graphs given up unless `retry`.
    bool captureGraph(Entry& entry, HDemucs& module, ForwardState& state, const torch::Tensor& batch,
                      const c10::cuda::CUDAStream& side, ConvPlanners* launching = nullptr,
                      bool retry = false)
    {
        const int device = batch.device().index();
        entry.input = batch.clone();
        torch::cuda::synchronize(device);
        // The graph allocates from a pool of its own, and the eager pass's activations would stay cached in
        // the general one beside it: the GPU held both (6.1 GB for six 11 s windows, PyTorch eager 4.3 GB).
        // Hand the cached blocks back first; what the graph keeps is then one pass's worth.
        c10::cuda::CUDACachingAllocator::emptyCache();
        auto graph = std::make_unique<at::cuda::CUDAGraph>();
        try {
            const c10::cuda::CUDAStreamGuard streamGuard(side);
            const ConvPlanners::Scope scope(launching);
            if (launching) {
                launching->setMode(ConvPlanners::Mode::Launch);
                // Launches from the planners' threads: CUDA's relaxed mode does not stop a capture for what
                // another thread does meanwhile.
                graph->capture_begin({0, 0}, cudaStreamCaptureModeRelaxed);
            } else {
                graph->capture_begin();
            }
            try {
                entry.output = module->forward(entry.input, state);
            } catch (...) {
                try {
                    graph->capture_end(); // ends the capture and the allocator's capture pool
                } catch (...) {
                }
                throw;
            }
            graph->capture_end();
        } catch (const std::exception& e) {
            if (retry) {
                planning.failure = e.what();
                entry.output = torch::Tensor();
                torch::cuda::synchronize(device);
                return false;
            }
            failure = std::string("CUDA graph capture failed, running eagerly: ") + e.what();
            failed = true;
            entries.clear();
            torch::cuda::synchronize(device);
            return false;
        }
        torch::cuda::synchronize(device);
        if (launching)
            planning.misses = launching->misses();
        entry.graph = std::move(graph);
        return true;
    }
#endif
    int replays = 0;
    std::string failure;
};

GraphedForward::GraphedForward() : m_impl(std::make_unique<Impl>()) {}

GraphedForward::~GraphedForward() = default;

bool GraphedForward::available()
{
#ifdef STEMCRATE_HAVE_CUDA
    return torch::cuda::is_available();
#else
    return false;
#endif
}

int GraphedForward::replays() const
{
    return m_impl->replays;
}

const std::string& GraphedForward::failure() const
{
    return m_impl->failure;
}

GraphedForward::Planning GraphedForward::planning() const
{
#ifdef STEMCRATE_HAVE_CUDA
    return m_impl->planning;
#else
    return {};
#endif
}

void GraphedForward::setPlanThreads(int threads)
{
#ifdef STEMCRATE_HAVE_CUDA
    gPlanThreads = threads;
#else
    (void)threads;
#endif
}

torch::Tensor GraphedForward::run(HDemucs& module, ForwardState& state, const torch::Tensor& batch)
{
#ifdef STEMCRATE_HAVE_CUDA
    if (!batch.is_cuda() || m_impl->failed)
        return module->forward(batch, state);
    const std::vector<int64_t> key = Impl::keyOf(batch);
    // Windows come in one or two shapes (a padded last batch has the usual one); whole-track mode brings a
    // new shape per song. A graph keeps its pass's activations, gigabytes: hold a few, not one per song.
    if (!m_impl->entries.count(key) && m_impl->entries.size() >= 4)
        m_impl->entries.clear();
    Impl::Entry& entry = m_impl->entries[key];
    if (entry.graph) {
        entry.input.copy_(batch);
        entry.graph->replay();
        ++m_impl->replays;
        return entry.output;
    }

    const c10::cuda::CUDAGuard deviceGuard(batch.device());
    // A graph cannot be captured on the default stream. The host waits at the stream switches; this happens
    // twice per shape.
    const c10::cuda::CUDAStream side = c10::cuda::getStreamFromPool(false, batch.device().index());
    if (entry.eagerPasses == 0) {
        ++entry.eagerPasses;
        return Impl::eagerPass(module, state, batch, side);
    }
    if (!m_impl->captureGraph(entry, module, state, batch, side))
        return module->forward(batch, state);
    entry.graph->replay();
    ++m_impl->replays;
    return entry.output;
#else
    return module->forward(batch, state);
#endif
}

bool GraphedForward::capture(HDemucs& module, ForwardState& state, const torch::Tensor& batch,
                             const std::function<void()>& beforeCapture)
{
#ifdef STEMCRATE_HAVE_CUDA
    if (!batch.is_cuda() || m_impl->failed) {
        if (beforeCapture)
            beforeCapture();
        return false;
    }
    const std::vector<int64_t> key = Impl::keyOf(batch);
    if (!m_impl->entries.count(key) && m_impl->entries.size() >= 4)
        m_impl->entries.clear();
    Impl::Entry& entry = m_impl->entries[key];
    const c10::cuda::CUDAGuard deviceGuard(batch.device());
    const c10::cuda::CUDAStream side = c10::cuda::getStreamFromPool(false, batch.device().index());
    bool planned = false;
    if (!entry.graph && entry.eagerPasses == 0) {
        // The convolutions' plans on several threads at once (cuda/ConvPlanners.h); else this thread's own.
        planned = m_impl->plannedPass(module, state, batch, side);
        if (!planned) {
            const auto start = std::chrono::steady_clock::now();
            (void)Impl::eagerPass(module, state, batch, side);
            m_impl->planning.passSeconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        }
        ++entry.eagerPasses;
    }
    if (beforeCapture)
        beforeCapture();
    if (entry.graph)
        return true;
    const auto capturing = std::chrono::steady_clock::now();
    const auto captured = [&] {
        m_impl->planning.captureSeconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - capturing).count();
        return true;
    };
    if (planned) {
        if (m_impl->captureGraph(entry, module, state, batch, side, m_impl->planners.get(), /*retry*/ true))
            return captured();
        // This thread plans them itself, as without planners.
        (void)Impl::eagerPass(module, state, batch, side);
    }
    return m_impl->captureGraph(entry, module, state, batch, side) && captured();
#else
    if (beforeCapture)
        beforeCapture();
    (void)module;
    (void)state;
    (void)batch;
    return false;
#endif
}

void GraphedForward::reset()
{
#ifdef STEMCRATE_HAVE_CUDA
    m_impl->entries.clear();
    m_impl->planners.reset();
    m_impl->failed = false;
#endif
    m_impl->replays = 0;
    m_impl->failure.clear();
}

} // namespace stemcrate::model
