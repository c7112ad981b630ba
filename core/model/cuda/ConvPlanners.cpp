#include "model/cuda/ConvPlanners.h"

#include <torch/torch.h>

#ifdef STEMCRATE_HAVE_CUDA
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#endif

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace stemcrate::model {

namespace {

thread_local ConvPlanners* tCurrent = nullptr;

// libtorch's cuDNN plan cache tells plans apart by the tensors' alignment (up to 16 bytes) among the rest.
int64_t alignmentOf(const at::Tensor& t)
{
    return static_cast<int64_t>(reinterpret_cast<std::uintptr_t>(t.data_ptr()) % 16);
}

// What a warm-up needs of a convolution's input: its sizes, strides, dtype, device and alignment. Not the
// tensor: a queued warm-up holding the dry pass's activation kept it alive until its owner got to it, and
// the pass's activations piled up behind the warm-ups (19.7 GB of GPU memory reserved against 10.6 GB
// without planners, batch 18 on an H100, BENCHMARKS.md).
struct InputLayout
{
    std::vector<int64_t> sizes, strides;
    at::TensorOptions options;
    int64_t offset = 0; // in elements: the data pointer's alignment

    static InputLayout of(const at::Tensor& x)
    {
        return {x.sizes().vec(), x.strides().vec(), x.options(),
                alignmentOf(x) / static_cast<int64_t>(x.element_size())};
    }

    // An uninitialised tensor of these sizes, strides and dtype whose data pointer has this alignment.
    at::Tensor make() const
    {
        int64_t span = 1;
        for (size_t d = 0; d < sizes.size(); ++d)
            span += (sizes[d] - 1) * strides[d];
        const at::Tensor storage = at::empty({span + offset}, options);
        return storage.as_strided(sizes, strides, offset);
    }
};

int64_t outputLength(int64_t length, int64_t kernel, int64_t stride, int64_t padding, int64_t dilation)
{
    return (length + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1;
}

} // namespace

struct ConvPlanners::Impl
{
    struct Owner
    {
        std::thread thread;
        std::deque<std::function<void()>> jobs;
    };

    std::mutex mutex;
    std::condition_variable wake, idle;
    std::vector<Owner> owners;
    bool stopping = false;
    int pending = 0; // queued or running warm-ups
    int warmUps = 0;
    int misses = 0; // launches the dry pass did not see (run on the capturing thread)
    std::exception_ptr failure;
    Mode mode = Mode::Dry;
    std::map<std::vector<int64_t>, int> ownerOf; // a convolution's key -> its owner
    int next = 0;
#ifdef STEMCRATE_HAVE_CUDA
    // Every owner's warm-ups run on this one stream, beside the pass: the caching allocator reuses a block
    // freed on a stream only for that stream, so owners on streams of their own would each keep a cache.
    // Set by the dry pass's thread before its first warm-up is posted.
    std::optional<c10::cuda::CUDAStream> warmUpStream;
#endif

    void loop(int index)
    {
        for (;;) {
            std::function<void()> job;
            {
                std::unique_lock<std::mutex> lock(mutex);
                wake.wait(lock, [&] { return stopping || !owners[index].jobs.empty(); });
                if (owners[index].jobs.empty())
                    return;
                job = std::move(owners[index].jobs.front());
                owners[index].jobs.pop_front();
            }
            job();
        }
    }

    void post(int owner, std::function<void()> job)
    {
        {
            const std::lock_guard<std::mutex> lock(mutex);
            owners[owner].jobs.push_back(std::move(job));
        }
        wake.notify_all();
    }

    // Queues `work` (a warm-up: an operator run once on stand-in inputs of `device`) on `owner`, on the
    // warm-up stream (made by the dry pass's thread at its first CUDA warm-up).
    void warmUp(int owner, const at::Device& device, std::function<void()> work)
    {
#ifdef STEMCRATE_HAVE_CUDA
        if (device.is_cuda() && !warmUpStream)
            warmUpStream = c10::cuda::getStreamFromPool(false, device.index());
#else
        (void)device;
#endif
        {
            const std::lock_guard<std::mutex> lock(mutex);
            ++pending;
        }
        post(owner, [this, work = std::move(work)] {
            std::exception_ptr error;
            try {
                const torch::InferenceMode inference;
#ifdef STEMCRATE_HAVE_CUDA
                std::optional<c10::cuda::CUDAStreamGuard> stream;
                if (warmUpStream)
                    stream.emplace(*warmUpStream);
#endif
                work();
            } catch (...) {
                error = std::current_exception();
            }
            {
                const std::lock_guard<std::mutex> lock(mutex);
                if (!error)
                    ++warmUps;
                else if (!failure)
                    failure = error;
                --pending;
            }
            idle.notify_all();
        });
    }

    static std::vector<int64_t> keyOf(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias,
                                      at::IntArrayRef stride, at::IntArrayRef padding,
                                      at::IntArrayRef dilation)
    {
        std::vector<int64_t> key{static_cast<int64_t>(reinterpret_cast<std::uintptr_t>(weight.data_ptr())),
                                 static_cast<int64_t>(x.scalar_type()), x.dim(), alignmentOf(x),
                                 bias.defined() ? 1 : 0};
        for (int64_t d = 0; d < x.dim(); ++d) {
            key.push_back(x.size(d));
            key.push_back(x.stride(d));
        }
        for (int64_t d = 0; d < weight.dim(); ++d) {
            key.push_back(weight.size(d));
            key.push_back(weight.stride(d));
        }
        for (const at::IntArrayRef list : {stride, padding, dilation}) {
            key.push_back(-1);
            key.insert(key.end(), list.begin(), list.end());
        }
        return key;
    }
};

ConvPlanners::ConvPlanners(int threads) : m_impl(std::make_unique<Impl>())
{
    const int count = std::max(1, threads);
    m_impl->owners.resize(static_cast<size_t>(count));
    try {
        for (int i = 0; i < count; ++i)
            m_impl->owners[static_cast<size_t>(i)].thread = std::thread([this, i] { m_impl->loop(i); });
    } catch (...) {
        {
            const std::lock_guard<std::mutex> lock(m_impl->mutex);
            m_impl->stopping = true;
        }
        m_impl->wake.notify_all();
        for (Impl::Owner& owner : m_impl->owners)
            if (owner.thread.joinable())
                owner.thread.join();
        throw;
    }
}

ConvPlanners::~ConvPlanners()
{
    {
        const std::lock_guard<std::mutex> lock(m_impl->mutex);
        m_impl->stopping = true;
    }
    m_impl->wake.notify_all();
    for (Impl::Owner& owner : m_impl->owners)
        owner.thread.join();
}

at::Tensor ConvPlanners::direct(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias,
                                at::IntArrayRef stride, at::IntArrayRef padding, at::IntArrayRef dilation)
{
    if (x.dim() == 3)
        return torch::conv1d(x, weight, bias, stride, padding, dilation);
    return torch::conv2d(x, weight, bias, stride, padding, dilation);
}

at::Tensor ConvPlanners::convolve(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias,
                                  at::IntArrayRef stride, at::IntArrayRef padding, at::IntArrayRef dilation)
{
    std::vector<int64_t> key = Impl::keyOf(x, weight, bias, stride, padding, dilation);
    const std::vector<int64_t> s(stride.begin(), stride.end()), p(padding.begin(), padding.end()),
        d(dilation.begin(), dilation.end());
    if (m_impl->mode == Mode::Dry) {
        auto found = m_impl->ownerOf.find(key);
        if (found == m_impl->ownerOf.end()) {
            const int owner = m_impl->next++ % static_cast<int>(m_impl->owners.size());
            m_impl->ownerOf.emplace(std::move(key), owner);
            const at::Tensor w = weight, b = bias;
            m_impl->warmUp(owner, x.device(), [input = InputLayout::of(x), w, b, s, p, d] {
                (void)direct(input.make(), w, b, s, p, d);
            });
        }
        // The pass's stand-in: zeros of the output's shape in the layout libtorch gives it. A 1-d convolution
        // runs as a 2-d one on [B, C, 1, L] views; cuDNN writes channels-last when the input or the weight
        // is, and a 1-d output is the 2-d one's view (so [B, C, L] with channel stride 1 stays that way).
        const bool oneD = x.dim() == 3;
        const at::Tensor x4 = oneD ? x.unsqueeze(2) : x;
        const at::Tensor w4 = oneD ? weight.unsqueeze(2) : weight;
        // The last axis takes the last stride/padding/dilation (a 1-d convolution's only ones).
        const std::vector<int64_t> sizes{x4.size(0), w4.size(0),
                                         oneD ? 1 : outputLength(x4.size(2), w4.size(2), s[0], p[0], d[0]),
                                         outputLength(x4.size(3), w4.size(3), s.back(), p.back(), d.back())};
        const bool channelsLast = x4.suggest_memory_format() == at::MemoryFormat::ChannelsLast ||
                                  w4.suggest_memory_format() == at::MemoryFormat::ChannelsLast;
        // (at::zeros takes no memory format: empty, then zero.)
        at::Tensor out =
            at::empty(sizes, x.options().memory_format(channelsLast ? at::MemoryFormat::ChannelsLast
                                                                    : at::MemoryFormat::Contiguous));
        out.zero_();
        return oneD ? out.squeeze(2) : out;
    }
    const auto found = m_impl->ownerOf.find(key);
    if (found == m_impl->ownerOf.end()) {
        ++m_impl->misses;
        return direct(x, weight, bias, stride, padding, dilation);
    }
    // Launched by the owner, whose thread has the plan, on this thread's (capturing) stream.
#ifdef STEMCRATE_HAVE_CUDA
    std::optional<c10::cuda::CUDAStream> capturing;
    if (x.is_cuda())
        capturing = c10::cuda::getCurrentCUDAStream(x.device().index());
#endif
    std::packaged_task<at::Tensor()> task([&] {
        const torch::InferenceMode inference;
#ifdef STEMCRATE_HAVE_CUDA
        std::optional<c10::cuda::CUDAGuard> device;
        std::optional<c10::cuda::CUDAStreamGuard> onStream;
        if (capturing) {
            device.emplace(x.device());
            onStream.emplace(*capturing);
        }
#endif
        return direct(x, weight, bias, s, p, d);
    });
    std::future<at::Tensor> result = task.get_future();
    m_impl->post(found->second, [&task] { task(); });
    return result.get();
}

void ConvPlanners::setMode(Mode mode)
{
    m_impl->mode = mode;
}

void ConvPlanners::finish()
{
    std::unique_lock<std::mutex> lock(m_impl->mutex);
    m_impl->idle.wait(lock, [&] { return m_impl->pending == 0; });
    if (m_impl->failure)
        std::rethrow_exception(m_impl->failure);
}

int ConvPlanners::distinct() const
{
    return static_cast<int>(m_impl->ownerOf.size());
}

int ConvPlanners::warmUps() const
{
    const std::lock_guard<std::mutex> lock(m_impl->mutex);
    return m_impl->warmUps;
}

int ConvPlanners::misses() const
{
    return m_impl->misses;
}

ConvPlanners::Scope::Scope(ConvPlanners* planners) : m_before(tCurrent)
{
    tCurrent = planners;
}

ConvPlanners::Scope::~Scope()
{
    tCurrent = m_before;
}

ConvPlanners* ConvPlanners::current()
{
    return tCurrent;
}

} // namespace stemcrate::model
