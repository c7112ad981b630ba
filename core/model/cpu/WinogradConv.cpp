#include "model/cpu/WinogradConv.h"

#include "model/cpu/FastMath.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#ifdef STEMCRATE_HAVE_ONEDNN
#include <dnnl.hpp>

#include <map>
#include <tuple>
#endif

namespace stemcrate::model {

#ifdef STEMCRATE_HAVE_ONEDNN

namespace {

using Tag = dnnl::memory::format_tag;
using Dims = dnnl::memory::dims;
constexpr auto kF32 = dnnl::memory::data_type::f32;
constexpr size_t kMaxPlans = 4;
constexpr int64_t kBlock = 16; // channels per block of oneDNN's nChw16c layout

// Positions [p0, p1) of channels-last x (+ addend, may be null) [C] per position into nChw16c blocks of one
// image: block j of position p at blocked + (j * positions + p) * 16.
STEMCRATE_CLONES
void addToBlocks(const float* x, const float* addend, float* blocked, int64_t channels, int64_t positions,
                 int64_t p0, int64_t p1)
{
    for (int64_t j = 0; j < channels / kBlock; ++j) {
        float* dst = blocked + j * positions * kBlock;
        for (int64_t p = p0; p < p1; ++p) {
            const float* a = x + p * channels + j * kBlock;
            float* d = dst + p * kBlock;
            if (addend) {
                const float* b = addend + p * channels + j * kBlock;
                for (int64_t i = 0; i < kBlock; ++i)
                    d[i] = a[i] + b[i];
            } else {
                for (int64_t i = 0; i < kBlock; ++i)
                    d[i] = a[i];
            }
        }
    }
}

// GLU over the channels of one image's nChw16c blocks (2 * half channels) into channels-last out [half] per
// position, positions [p0, p1).
STEMCRATE_CLONES
void gluFromBlocks(const float* blocked, float* out, int64_t half, int64_t positions, int64_t p0, int64_t p1)
{
    const int64_t halfBlocks = half / kBlock;
    for (int64_t p = p0; p < p1; ++p) {
        float* o = out + p * half;
        for (int64_t j = 0; j < halfBlocks; ++j) {
            const float* a = blocked + (j * positions + p) * kBlock;
            const float* g = blocked + ((j + halfBlocks) * positions + p) * kBlock;
            for (int64_t i = 0; i < kBlock; ++i)
                o[j * kBlock + i] = a[i] * stemcrate::model::fastmath::sigmoid(g[i]);
        }
    }
}

// A call's blocked copies of the input and output, and the kernel's scratch.
struct Buffers
{
    at::Tensor src, dst, scratch;
};

// Everything one input shape needs: the primitive, its weights in the kernel's layout, the reorders
// between libtorch's channels-last tensors and the kernel's 16-channel blocks.
struct Plan
{
    dnnl::memory::desc plainSrc, plainDst, blockedSrc, blockedDst, scratch;
    dnnl::convolution_forward conv;
    dnnl::memory packedWeights;
    dnnl::reorder toBlocked, fromBlocked;
};

using PlansByShape = std::map<std::tuple<int64_t, int64_t, int64_t>, Plan>; // by (N, H, W)

} // namespace

struct WinogradPlans::Impl
{
    PlansByShape byShape;
};

struct WinogradConv::Impl
{
    at::Tensor weight; // [O, C, 3, 3] contiguous
    at::Tensor bias;   // [O]
    dnnl::engine engine{dnnl::engine::kind::cpu, 0};

    // The kernel's description for one input shape. Throws dnnl::error when oneDNN has no Winograd kernel
    // for it on this CPU.
    dnnl::convolution_forward::primitive_desc describe(const dnnl::memory::desc& blockedSrc,
                                                       const dnnl::memory::desc& blockedDst) const
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
    Plan makePlan(int64_t n, int64_t h, int64_t w) const
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

    // The plan for (n, h, w) in `plans`, made on first use. Throws dnnl::error.
    const Plan& planFor(PlansByShape& plans, int64_t n, int64_t h, int64_t w) const;
    // From libtorch's allocator: the tensor cache keeps them between windows.
    static Buffers buffersFor(const Plan& plan, const at::TensorOptions& options);
    // The convolution from buffers.src to buffers.dst.
    void run(const Plan& plan, const Buffers& buffers, dnnl::stream& stream) const;
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
        impl->weight = weight.detach().contiguous();
        impl->bias = bias.detach().contiguous();
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

const Plan& WinogradConv::Impl::planFor(PlansByShape& byShape, int64_t n, int64_t h, int64_t w) const
{
    auto found = byShape.find({n, h, w});
    if (found == byShape.end()) {
        // Windows come in one shape; whole-track mode brings a new one per song. Keep a few plans (each holds
        // its packed weights, up to tens of MB), not one per song ever seen.
        if (byShape.size() >= kMaxPlans)
            byShape.clear();
        found = byShape.emplace(std::make_tuple(n, h, w), makePlan(n, h, w)).first;
    }
    return found->second;
}

Buffers WinogradConv::Impl::buffersFor(const Plan& plan, const at::TensorOptions& options)
{
    auto bytes = [&](const dnnl::memory::desc& d) {
        return torch::empty({static_cast<int64_t>(d.get_size())}, options.dtype(at::kByte));
    };
    return {bytes(plan.blockedSrc), bytes(plan.blockedDst), bytes(plan.scratch)};
}

void WinogradConv::Impl::run(const Plan& plan, const Buffers& buffers, dnnl::stream& stream) const
{
    dnnl::memory biasMemory({{weight.size(0)}, kF32, Tag::a}, engine, bias.data_ptr());
    plan.conv.execute(
        stream, {{DNNL_ARG_SRC, dnnl::memory(plan.blockedSrc, engine, buffers.src.data_ptr())},
                 {DNNL_ARG_WEIGHTS, plan.packedWeights},
                 {DNNL_ARG_BIAS, biasMemory},
                 {DNNL_ARG_DST, dnnl::memory(plan.blockedDst, engine, buffers.dst.data_ptr())},
                 {DNNL_ARG_SCRATCHPAD, dnnl::memory(plan.scratch, engine, buffers.scratch.data_ptr())}});
}

at::Tensor WinogradConv::forward(const at::Tensor& x, WinogradPlans& plans) const
{
    const torch::NoGradGuard noGrad;
    if (x.dim() != 4 || !x.is_cpu() || x.scalar_type() != at::kFloat || x.size(1) != m_impl->weight.size(1))
        return {};
    const int64_t n = x.size(0), h = x.size(2), w = x.size(3), o = m_impl->weight.size(0);
    const at::Tensor input = x.contiguous(at::MemoryFormat::ChannelsLast);
    try {
        if (!plans.m_impl)
            plans.m_impl = std::make_unique<WinogradPlans::Impl>();
        const Plan& plan = m_impl->planFor(plans.m_impl->byShape, n, h, w);
        const Buffers buffers = Impl::buffersFor(plan, input.options());
        at::Tensor out =
            torch::empty({n, o, h, w}, input.options().memory_format(at::MemoryFormat::ChannelsLast));
        const dnnl::engine& engine = m_impl->engine;
        dnnl::memory src(plan.plainSrc, engine, input.data_ptr());
        dnnl::memory blockedSrc(plan.blockedSrc, engine, buffers.src.data_ptr());
        dnnl::memory blockedDst(plan.blockedDst, engine, buffers.dst.data_ptr());
        dnnl::memory dst(plan.plainDst, engine, out.data_ptr());
        dnnl::stream stream(engine);
        plan.toBlocked.execute(stream, src, blockedSrc);
        m_impl->run(plan, buffers, stream);
        plan.fromBlocked.execute(stream, blockedDst, dst);
        stream.wait();
        return out;
    } catch (const dnnl::error&) {
        return {};
    }
}

at::Tensor WinogradConv::forwardAddGlu(const at::Tensor& x, const at::Tensor& addend,
                                       WinogradPlans& plans) const
{
    const torch::NoGradGuard noGrad;
    const int64_t c = m_impl->weight.size(1), o = m_impl->weight.size(0);
    if (x.dim() != 4 || !x.is_cpu() || x.scalar_type() != at::kFloat || x.size(1) != c || c % kBlock != 0 ||
        o % (2 * kBlock) != 0 ||
        (addend.defined() && (addend.sizes() != x.sizes() || addend.scalar_type() != at::kFloat)))
        return {};
    const int64_t n = x.size(0), h = x.size(2), w = x.size(3), positions = h * w;
    const at::Tensor input = x.contiguous(at::MemoryFormat::ChannelsLast);
    const at::Tensor extra = addend.defined() ? addend.contiguous(at::MemoryFormat::ChannelsLast) : addend;
    try {
        if (!plans.m_impl)
            plans.m_impl = std::make_unique<WinogradPlans::Impl>();
        const Plan& plan = m_impl->planFor(plans.m_impl->byShape, n, h, w);
        const Buffers buffers = Impl::buffersFor(plan, input.options());
        at::Tensor out =
            torch::empty({n, o / 2, h, w}, input.options().memory_format(at::MemoryFormat::ChannelsLast));
        const float* in = input.data_ptr<float>();
        const float* add = extra.defined() ? extra.data_ptr<float>() : nullptr;
        auto* src = reinterpret_cast<float*>(buffers.src.data_ptr());
        const auto* dst = reinterpret_cast<const float*>(buffers.dst.data_ptr());
        float* result = out.data_ptr<float>();
        const int64_t grain = std::max<int64_t>(1, (int64_t{1} << 14) / c);
        for (int64_t image = 0; image < n; ++image) {
            at::parallel_for(0, positions, grain, [&](int64_t p0, int64_t p1) {
                addToBlocks(in + image * positions * c, add ? add + image * positions * c : nullptr,
                            src + image * positions * c, c, positions, p0, p1);
            });
        }
        dnnl::stream stream(m_impl->engine);
        m_impl->run(plan, buffers, stream);
        stream.wait();
        for (int64_t image = 0; image < n; ++image) {
            at::parallel_for(0, positions, grain, [&](int64_t p0, int64_t p1) {
                gluFromBlocks(dst + image * positions * o, result + image * positions * (o / 2), o / 2,
                              positions, p0, p1);
            });
        }
        return out;
    } catch (const dnnl::error&) {
        return {};
    }
}

#else // no oneDNN at build time

struct WinogradConv::Impl
{
};

struct WinogradPlans::Impl
{
};

std::unique_ptr<WinogradConv> WinogradConv::create(const at::Tensor&, const at::Tensor&)
{
    return nullptr;
}

at::Tensor WinogradConv::forward(const at::Tensor&, WinogradPlans&) const
{
    return {};
}

at::Tensor WinogradConv::forwardAddGlu(const at::Tensor&, const at::Tensor&, WinogradPlans&) const
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

WinogradPlans::WinogradPlans() = default;
WinogradPlans::~WinogradPlans() = default;
WinogradPlans::WinogradPlans(WinogradPlans&&) noexcept = default;
WinogradPlans& WinogradPlans::operator=(WinogradPlans&&) noexcept = default;

WinogradConv::~WinogradConv() = default;

} // namespace stemcrate::model
