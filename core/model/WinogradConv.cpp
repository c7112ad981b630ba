#include "model/WinogradConv.h"

#include <torch/torch.h>

#ifdef STEMCRATE_HAVE_ONEDNN
#include <dnnl.hpp>

#include <map>
#include <mutex>
#include <tuple>
#endif

namespace stemcrate::model {

#ifdef STEMCRATE_HAVE_ONEDNN

namespace {

using Tag = dnnl::memory::format_tag;
using Dims = dnnl::memory::dims;
constexpr auto kF32 = dnnl::memory::data_type::f32;
constexpr size_t kMaxPlans = 4;

} // namespace

struct WinogradConv::Impl
{
    // Everything one input shape needs: the primitive, its weights in the kernel's layout, the reorders
    // between libtorch's channels-last tensors and the kernel's 16-channel blocks.
    struct Plan
    {
        dnnl::memory::desc plainSrc, plainDst, blockedSrc, blockedDst, scratch;
        dnnl::convolution_forward conv;
        dnnl::memory packedWeights;
        dnnl::reorder toBlocked, fromBlocked;
    };

    at::Tensor weight; // [O, C, 3, 3] contiguous
    at::Tensor bias;   // [O]
    dnnl::engine engine{dnnl::engine::kind::cpu, 0};
    std::mutex mutex;
    std::map<std::tuple<int64_t, int64_t, int64_t>, Plan> plans; // by (N, H, W)

    // The kernel's description for one input shape. Throws dnnl::error when oneDNN has no Winograd kernel
    // for it on this CPU.
    dnnl::convolution_forward::primitive_desc describe(const dnnl::memory::desc& blockedSrc,
                                                       const dnnl::memory::desc& blockedDst)
    {
        const int64_t c = weight.size(1), o = weight.size(0);
        const dnnl::memory::desc weights({o, c, 3, 3}, kF32, Tag::any), biasDesc({o}, kF32, Tag::a);
        // The kernel's scratch (the transformed tiles, hundreds of MB for the first layer) is ours to give:
        // in oneDNN's default mode it is malloc'ed and freed on every call, page faults and all.
        dnnl::primitive_attr attr;
        attr.set_scratchpad_mode(dnnl::scratchpad_mode::user);
        return dnnl::convolution_forward::primitive_desc(
            {dnnl::prop_kind::forward_inference, dnnl::algorithm::convolution_winograd, blockedSrc, weights,
             biasDesc, blockedDst, Dims{1, 1}, Dims{1, 1}, Dims{1, 1}},
            attr, engine);
    }

    static dnnl::memory::desc blocked(int64_t n, int64_t channels, int64_t h, int64_t w)
    {
        return dnnl::memory::desc({n, channels, h, w}, kF32, Tag::nChw16c);
    }

    // Throws dnnl::error when oneDNN has no Winograd kernel for this shape on this CPU.
    Plan makePlan(int64_t n, int64_t h, int64_t w)
    {
        const int64_t c = weight.size(1), o = weight.size(0);
        Plan plan;
        plan.plainSrc = dnnl::memory::desc({n, c, h, w}, kF32, Tag::nhwc);
        plan.plainDst = dnnl::memory::desc({n, o, h, w}, kF32, Tag::nhwc);
        plan.blockedSrc = blocked(n, c, h, w);
        plan.blockedDst = blocked(n, o, h, w);
        const dnnl::convolution_forward::primitive_desc pd = describe(plan.blockedSrc, plan.blockedDst);
        plan.scratch = pd.scratchpad_desc();
        plan.conv = dnnl::convolution_forward(pd);
        dnnl::memory plain({{o, c, 3, 3}, kF32, Tag::oihw}, engine, weight.data_ptr());
        plan.packedWeights = dnnl::memory(pd.weights_desc(), engine);
        dnnl::stream stream(engine);
        dnnl::reorder(plain, plan.packedWeights).execute(stream, plain, plan.packedWeights);
        stream.wait();
        plan.toBlocked =
            dnnl::reorder(dnnl::reorder::primitive_desc(engine, plan.plainSrc, engine, plan.blockedSrc));
        plan.fromBlocked =
            dnnl::reorder(dnnl::reorder::primitive_desc(engine, plan.blockedDst, engine, plan.plainDst));
        return plan;
    }
};

std::unique_ptr<WinogradConv> WinogradConv::create(const at::Tensor& weight, const at::Tensor& bias)
{
    if (!weight.defined() || !bias.defined() || weight.dim() != 4 || weight.size(2) != 3 ||
        weight.size(3) != 3 || !weight.is_cpu() || weight.scalar_type() != at::kFloat ||
        bias.scalar_type() != at::kFloat || bias.numel() != weight.size(0))
        return nullptr;
    auto impl = std::make_unique<Impl>();
    {
        const torch::NoGradGuard noGrad;
        impl->weight = weight.detach().contiguous().clone();
        impl->bias = bias.detach().contiguous().clone();
    }
    try {
        // Probe: is the kernel there on this CPU for these channels? (A description only: packing the
        // weights waits for the first real shape.)
        impl->describe(Impl::blocked(1, weight.size(1), 8, 8), Impl::blocked(1, weight.size(0), 8, 8));
    } catch (const dnnl::error&) {
        return nullptr;
    }
    return std::unique_ptr<WinogradConv>(new WinogradConv(std::move(impl)));
}

at::Tensor WinogradConv::forward(const at::Tensor& x)
{
    const torch::NoGradGuard noGrad;
    if (x.dim() != 4 || !x.is_cpu() || x.scalar_type() != at::kFloat || x.size(1) != m_impl->weight.size(1))
        return {};
    const int64_t n = x.size(0), h = x.size(2), w = x.size(3), o = m_impl->weight.size(0);
    const at::Tensor input = x.contiguous(at::MemoryFormat::ChannelsLast);
    const std::lock_guard lock(m_impl->mutex);
    try {
        auto found = m_impl->plans.find({n, h, w});
        if (found == m_impl->plans.end()) {
            // Windows come in one shape; whole-track mode brings a new one per song. Keep a few plans (each
            // holds its packed weights, up to tens of MB), not one per song ever seen.
            if (m_impl->plans.size() >= kMaxPlans)
                m_impl->plans.clear();
            found = m_impl->plans.emplace(std::make_tuple(n, h, w), m_impl->makePlan(n, h, w)).first;
        }
        Impl::Plan& plan = found->second;
        // The blocked copies and the scratch come from libtorch's allocator (the tensor cache keeps them
        // between windows).
        const at::Tensor srcBuffer = torch::empty({static_cast<int64_t>(plan.blockedSrc.get_size())},
                                                  input.options().dtype(at::kByte));
        const at::Tensor dstBuffer = torch::empty({static_cast<int64_t>(plan.blockedDst.get_size())},
                                                  input.options().dtype(at::kByte));
        const at::Tensor scratchBuffer =
            torch::empty({static_cast<int64_t>(plan.scratch.get_size())}, input.options().dtype(at::kByte));
        at::Tensor out =
            torch::empty({n, o, h, w}, input.options().memory_format(at::MemoryFormat::ChannelsLast));
        const dnnl::engine& engine = m_impl->engine;
        dnnl::memory src(plan.plainSrc, engine, input.data_ptr());
        dnnl::memory blockedSrc(plan.blockedSrc, engine, srcBuffer.data_ptr());
        dnnl::memory blockedDst(plan.blockedDst, engine, dstBuffer.data_ptr());
        dnnl::memory bias({{o}, kF32, Tag::a}, engine, m_impl->bias.data_ptr());
        dnnl::memory dst(plan.plainDst, engine, out.data_ptr());
        dnnl::stream stream(engine);
        plan.toBlocked.execute(stream, src, blockedSrc);
        plan.conv.execute(
            stream, {{DNNL_ARG_SRC, blockedSrc},
                     {DNNL_ARG_WEIGHTS, plan.packedWeights},
                     {DNNL_ARG_BIAS, bias},
                     {DNNL_ARG_DST, blockedDst},
                     {DNNL_ARG_SCRATCHPAD, dnnl::memory(plan.scratch, engine, scratchBuffer.data_ptr())}});
        plan.fromBlocked.execute(stream, blockedDst, dst);
        stream.wait();
        return out;
    } catch (const dnnl::error&) {
        return {};
    }
}

#else // no oneDNN at build time

struct WinogradConv::Impl
{
};

std::unique_ptr<WinogradConv> WinogradConv::create(const at::Tensor&, const at::Tensor&)
{
    return nullptr;
}

at::Tensor WinogradConv::forward(const at::Tensor&)
{
    return {};
}

#endif

bool WinogradConv::builtWithOneDnn()
{
#ifdef STEMCRATE_HAVE_ONEDNN
    return true;
#else
    return false;
#endif
}

WinogradConv::WinogradConv(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

WinogradConv::~WinogradConv() = default;

} // namespace stemcrate::model
