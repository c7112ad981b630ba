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

// An uninitialised tensor of x's sizes, strides and dtype whose data pointer has x's alignment.
at::Tensor likeAligned(const at::Tensor& x)
{
    const int64_t itemSize = static_cast<int64_t>(x.element_size());
    const int64_t offset = alignmentOf(x) / itemSize;
    int64_t span = 1;
    for (int64_t d = 0; d < x.dim(); ++d)
        span += (x.size(d) - 1) * x.stride(d);
    const at::Tensor storage = at::empty({span + offset}, x.options());
    return storage.as_strided(x.sizes(), x.strides(), offset);
}

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
            {
                const std::lock_guard<std::mutex> lock(m_impl->mutex);
                ++m_impl->pending;
            }
            const at::Tensor input = x, w = weight, b = bias;
            m_impl->post(owner, [this, input, w, b, s, p, d] {
                std::exception_ptr error;
                try {
                    const torch::InferenceMode inference;
#ifdef STEMCRATE_HAVE_CUDA
                    // On a stream of the owner's: warm-ups run while the pass goes on.
                    std::optional<c10::cuda::CUDAGuard> device;
                    std::optional<c10::cuda::CUDAStreamGuard> stream;
                    if (input.is_cuda()) {
                        device.emplace(input.device());
                        stream.emplace(c10::cuda::getStreamFromPool(false, input.device().index()));
                    }
#endif
                    (void)direct(likeAligned(input), w, b, s, p, d);
                } catch (...) {
                    error = std::current_exception();
                }
                {
                    const std::lock_guard<std::mutex> lock(m_impl->mutex);
                    if (!error)
                        ++m_impl->warmUps;
                    else if (!m_impl->failure)
                        m_impl->failure = error;
                    --m_impl->pending;
                }
                m_impl->idle.notify_all();
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
