#include "model/cpu/ElementwiseCpu.h"

#include "model/cpu/FastMath.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace stemcrate::model {

namespace {

STEMCRATE_CLONES
void geluSpan(const float* in, float* out, std::int64_t n)
{
    for (std::int64_t i = 0; i < n; ++i)
        out[i] = fastmath::gelu(in[i]);
}

// out[i] = a[i] * sigmoid(g[i]).
STEMCRATE_CLONES
void gluSpan(const float* a, const float* g, float* out, std::int64_t n)
{
    for (std::int64_t i = 0; i < n; ++i)
        out[i] = a[i] * fastmath::sigmoid(g[i]);
}

// Rows of 2 * width values: out row = first half * sigmoid(second half).
void gluRows(const float* in, float* out, std::int64_t rows, std::int64_t width)
{
    for (std::int64_t r = 0; r < rows; ++r)
        gluSpan(in + r * 2 * width, in + r * 2 * width + width, out + r * width, width);
}

// ---- normAct's kernels. Statistics are taken of t = v - offset (the channel's first value in the row):
// float partial sums stay accurate when a channel's mean is large against its spread, and the blocks are
// short enough (4096 values, 16 lanes) that float partials lose nothing the double totals would keep.

// s += sum(v - offset), q += sum((v - offset)^2) over n contiguous values.
STEMCRATE_CLONES
void planarSums(const float* v, std::int64_t n, float offset, double& s, double& q)
{
    constexpr int kLanes = 16;
    constexpr std::int64_t kBlock = 4096;
    for (std::int64_t i0 = 0; i0 < n; i0 += kBlock) {
        const std::int64_t m = std::min(kBlock, n - i0);
        const float* b = v + i0;
        float fs[kLanes] = {}, fq[kLanes] = {};
        std::int64_t i = 0;
        for (; i + kLanes <= m; i += kLanes) {
            for (int j = 0; j < kLanes; ++j) {
                const float t = b[i + j] - offset;
                fs[j] += t;
                fq[j] += t * t;
            }
        }
        double bs = 0, bq = 0;
        for (; i < m; ++i) {
            const double t = b[i] - offset;
            bs += t;
            bq += t * t;
        }
        for (int j = 0; j < kLanes; ++j) {
            bs += fs[j];
            bq += fq[j];
        }
        s += bs;
        q += bq;
    }
}

// Per channel c of `positions` rows of `channels` values: s[c] += sum(v - offset[c]), q[c] likewise of the
// squares. fs, fq: float scratch of `channels` values.
STEMCRATE_CLONES
void channelsLastSums(const float* v, std::int64_t positions, std::int64_t channels, const float* offset,
                      float* fs, float* fq, double* s, double* q)
{
    constexpr std::int64_t kBlock = 256;
    for (std::int64_t p0 = 0; p0 < positions; p0 += kBlock) {
        const std::int64_t m = std::min(kBlock, positions - p0);
        std::fill(fs, fs + channels, 0.0f);
        std::fill(fq, fq + channels, 0.0f);
        for (std::int64_t p = p0; p < p0 + m; ++p) {
            const float* row = v + p * channels;
            for (std::int64_t c = 0; c < channels; ++c) {
                const float t = row[c] - offset[c];
                fs[c] += t;
                fq[c] += t * t;
            }
        }
        for (std::int64_t c = 0; c < channels; ++c) {
            s[c] += fs[c];
            q[c] += fq[c];
        }
    }
}

// The normalisation of one value: a * (v - m) + d. Centring first keeps the precision of values whose mean
// is large against their spread (folded into a * v + d', the product would round at the mean's scale).
inline float affine(float v, float a, float m, float d)
{
    return a * (v - m) + d;
}

STEMCRATE_CLONES
void affineSpan(const float* v, float* out, std::int64_t n, float a, float m, float d)
{
    for (std::int64_t i = 0; i < n; ++i)
        out[i] = affine(v[i], a, m, d);
}

STEMCRATE_CLONES
void geluAffineSpan(const float* v, float* out, std::int64_t n, float a, float m, float d)
{
    for (std::int64_t i = 0; i < n; ++i)
        out[i] = fastmath::gelu(affine(v[i], a, m, d));
}

// out = residual + scale * affine(va) * sigmoid(affine(vg)); residual may be null. k: the first half's
// coefficients (a, m, d), g: the second half's.
STEMCRATE_CLONES
void gluAffineSpan(const float* va, const float* vg, const float* residual, float* out, std::int64_t n,
                   const float* k, const float* g, float scale)
{
    if (residual) {
        for (std::int64_t i = 0; i < n; ++i)
            out[i] = residual[i] + scale * (affine(va[i], k[0], k[1], k[2]) *
                                            fastmath::sigmoid(affine(vg[i], g[0], g[1], g[2])));
    } else {
        for (std::int64_t i = 0; i < n; ++i)
            out[i] = scale *
                     (affine(va[i], k[0], k[1], k[2]) * fastmath::sigmoid(affine(vg[i], g[0], g[1], g[2])));
    }
}

STEMCRATE_CLONES
void affineRows(const float* v, float* out, std::int64_t positions, std::int64_t channels, const float* a,
                const float* m, const float* d, bool gelu)
{
    for (std::int64_t p = 0; p < positions; ++p) {
        const float* in = v + p * channels;
        float* o = out + p * channels;
        if (gelu) {
            for (std::int64_t c = 0; c < channels; ++c)
                o[c] = fastmath::gelu(affine(in[c], a[c], m[c], d[c]));
        } else {
            for (std::int64_t c = 0; c < channels; ++c)
                o[c] = affine(in[c], a[c], m[c], d[c]);
        }
    }
}

// Rows of 2 * half values in, half out: out = residual + scale * (first half) * sigmoid(second half), each
// half through its channels' affine first; residual may be null.
STEMCRATE_CLONES
void gluAffineRows(const float* v, const float* residual, float* out, std::int64_t positions,
                   std::int64_t half, const float* a, const float* m, const float* d, const float* scale)
{
    for (std::int64_t p = 0; p < positions; ++p) {
        const float* in = v + p * 2 * half;
        float* o = out + p * half;
        if (residual) {
            const float* r = residual + p * half;
            for (std::int64_t c = 0; c < half; ++c)
                o[c] = r[c] + scale[c] * (affine(in[c], a[c], m[c], d[c]) *
                                          fastmath::sigmoid(
                                              affine(in[half + c], a[half + c], m[half + c], d[half + c])));
        } else {
            for (std::int64_t c = 0; c < half; ++c)
                o[c] = scale[c] *
                       (affine(in[c], a[c], m[c], d[c]) *
                        fastmath::sigmoid(affine(in[half + c], a[half + c], m[half + c], d[half + c])));
        }
    }
}

// One output position of a transposed convolution: out[w, c] = bias[c] + sum over the taps of
// tap[t][w * wStride + c], through GELU if asked; tap[t] null where the tap falls outside the input.
STEMCRATE_CLONES
void overlapPosition(const float* const* tap, std::int64_t taps, std::int64_t wStride, const float* bias,
                     float* out, std::int64_t width, std::int64_t channels, bool gelu)
{
    for (std::int64_t w = 0; w < width; ++w) {
        float* o = out + w * channels;
        for (std::int64_t c = 0; c < channels; ++c)
            o[c] = bias ? bias[c] : 0.0f;
        for (std::int64_t t = 0; t < taps; ++t) {
            if (!tap[t])
                continue;
            const float* in = tap[t] + w * wStride;
            for (std::int64_t c = 0; c < channels; ++c)
                o[c] += in[c];
        }
        if (gelu) {
            for (std::int64_t c = 0; c < channels; ++c)
                o[c] = fastmath::gelu(o[c]);
        }
    }
}

bool channelsLast(const at::Tensor& t)
{
    return t.dim() == 4 && t.is_contiguous(torch::MemoryFormat::ChannelsLast);
}

bool ours(const at::Tensor& t)
{
    return t.is_cpu() && t.scalar_type() == torch::kFloat32;
}

// Rows per parallel task: about 32 K values each.
std::int64_t grainRows(std::int64_t width)
{
    return std::max<std::int64_t>(1, (std::int64_t{1} << 15) / std::max<std::int64_t>(width, 1));
}

} // namespace

at::Tensor gelu(const at::Tensor& x)
{
    if (!ours(x))
        return torch::gelu(x);
    if (!x.is_non_overlapping_and_dense()) {
        // A [B, C, W] view cropped along W (a time decoder's output): rows of contiguous values.
        if (x.dim() != 3 || x.stride(2) != 1 || x.numel() == 0)
            return torch::gelu(x);
        at::Tensor out = torch::empty(x.sizes(), x.options());
        const int64_t C = x.size(1), W = x.size(2), s0 = x.stride(0), s1 = x.stride(1);
        const float* in = x.data_ptr<float>();
        float* dst = out.data_ptr<float>();
        at::parallel_for(0, x.size(0) * C, grainRows(W), [&](std::int64_t begin, std::int64_t end) {
            for (std::int64_t r = begin; r < end; ++r)
                geluSpan(in + (r / C) * s0 + (r % C) * s1, dst + r * W, W);
        });
        return out;
    }
    at::Tensor out = torch::empty_like(x); // a dense input keeps its strides
    if (out.strides() != x.strides())
        return torch::gelu(x);
    const float* in = x.data_ptr<float>();
    float* dst = out.data_ptr<float>();
    // Dense and non-overlapping: the elements fill [data, data + numel) in some order; order is irrelevant.
    at::parallel_for(0, x.numel(), std::int64_t{1} << 15, [&](std::int64_t begin, std::int64_t end) {
        geluSpan(in + begin, dst + begin, end - begin);
    });
    return out;
}

at::Tensor glu(const at::Tensor& x)
{
    if (!ours(x) || x.dim() < 2 || x.size(1) % 2 != 0)
        return torch::glu(x, 1);
    std::vector<int64_t> shape = x.sizes().vec();
    shape[1] /= 2;
    const std::int64_t half = shape[1];
    at::Tensor out;
    std::int64_t rows = 0, width = 0;
    if (channelsLast(x)) { // physical [B, R, T, 2C]: one row per position
        out = torch::empty(shape, x.options().memory_format(torch::MemoryFormat::ChannelsLast));
        width = half;
        rows = x.numel() / (2 * half);
    } else if (x.is_contiguous()) { // physical [B, 2C, rest]: one row per batch entry
        out = torch::empty(shape, x.options());
        rows = x.size(0);
        width = x.numel() / (2 * rows);
    } else {
        return torch::glu(x, 1);
    }
    const float* in = x.data_ptr<float>();
    float* dst = out.data_ptr<float>();
    if (rows == 1 || width > (std::int64_t{1} << 15)) {
        // Few long rows: split each row's columns instead.
        for (std::int64_t r = 0; r < rows; ++r) {
            const float* a = in + r * 2 * width;
            at::parallel_for(0, width, std::int64_t{1} << 15, [&](std::int64_t begin, std::int64_t end) {
                gluSpan(a + begin, a + width + begin, dst + r * width + begin, end - begin);
            });
        }
        return out;
    }
    at::parallel_for(0, rows, grainRows(width), [&](std::int64_t begin, std::int64_t end) {
        gluRows(in + begin * 2 * width, dst + begin * width, end - begin, width);
    });
    return out;
}

namespace {

// normAct with libtorch's operators: other dtypes and combinations, and what the fused loops must equal.
at::Tensor normActReference(const at::Tensor& x, const NormAct& op)
{
    TORCH_CHECK(!op.frequencyAddend.defined(), "normAct: the frequency addend is for CUDA");
    std::vector<int64_t> perChannel(static_cast<size_t>(x.dim()), 1);
    perChannel[1] = -1;
    at::Tensor y = op.convBias.defined() ? x + op.convBias.to(x.scalar_type()).view(perChannel) : x;
    if (op.groups > 0) {
        if (op.perRow && x.dim() == 4 && x.size(2) > 1) {
            const int64_t B = x.size(0), C = x.size(1), R = x.size(2), T = x.size(3);
            y = torch::group_norm(y.permute({0, 2, 1, 3}).reshape({B * R, C, T}), op.groups, op.weight,
                                  op.bias, op.eps)
                    .view({B, R, C, T})
                    .permute({0, 2, 1, 3});
        } else {
            y = torch::group_norm(y, op.groups, op.weight, op.bias, op.eps);
        }
    }
    if (op.activation == Activation::Gelu)
        y = torch::gelu(y);
    else if (op.activation == Activation::Glu)
        y = torch::glu(y, 1);
    if (op.scale.defined())
        y = y * op.scale.to(x.scalar_type()).view(perChannel);
    if (op.residual.defined())
        y = y + op.residual;
    return y;
}

// A float32 parameter of n values as a contiguous CPU tensor, or undefined.
at::Tensor floatParameter(const at::Tensor& p, int64_t n, const char* what)
{
    if (!p.defined())
        return {};
    TORCH_CHECK(p.numel() == n, "normAct: ", what, " has ", p.numel(), " values, expected ", n);
    return p.to(torch::kFloat32).contiguous();
}

} // namespace

at::Tensor normAct(const at::Tensor& input, const NormAct& op)
{
    const bool glu = op.activation == Activation::Glu;
    if (!ours(input) || input.dim() < 2 || op.frequencyAddend.defined() ||
        (!glu && (op.scale.defined() || op.residual.defined())) || (glu && input.size(1) % 2 != 0) ||
        (op.groups > 0 && input.size(1) % op.groups != 0))
        return normActReference(input, op);
    TORCH_CHECK(!op.perRow || input.dim() == 4, "normAct: per-row normalisation needs [B, C, R, T]");

    at::Tensor x = input;
    bool cl = channelsLast(x) && !x.is_contiguous();
    const bool perRow = op.perRow && x.size(2) > 1;
    if (perRow && !cl) {
        x = x.contiguous(torch::MemoryFormat::ChannelsLast);
        cl = true;
    } else if (!cl) {
        x = x.contiguous();
    }
    const int64_t B = x.size(0), C = x.size(1), Co = glu ? C / 2 : C;
    const int64_t rows = perRow ? B * x.size(2) : B, P = x.numel() / (rows * C); // positions per row
    std::vector<int64_t> outSizes = x.sizes().vec();
    outSizes[1] = Co;
    at::Tensor out = torch::empty(outSizes, x.options().memory_format(cl ? torch::MemoryFormat::ChannelsLast
                                                                         : torch::MemoryFormat::Contiguous));
    at::Tensor residual = op.residual;
    if (residual.defined()) {
        TORCH_CHECK(residual.sizes() == out.sizes(), "normAct: residual shape differs from the output");
        if (residual.strides() != out.strides() || residual.scalar_type() != torch::kFloat32)
            residual =
                residual.to(torch::kFloat32)
                    .contiguous(cl ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous);
    }
    const at::Tensor convBias = floatParameter(op.convBias, C, "the convolution bias");
    const at::Tensor weight = floatParameter(op.weight, C, "the norm weight");
    const at::Tensor bias = floatParameter(op.bias, C, "the norm bias");
    const at::Tensor scale = glu ? (op.scale.defined() ? floatParameter(op.scale, Co, "the scale")
                                                       : torch::ones({Co}, x.options()))
                                 : at::Tensor();
    const float* cbData = convBias.defined() ? convBias.data_ptr<float>() : nullptr;
    const float* wData = weight.defined() ? weight.data_ptr<float>() : nullptr;
    const float* bData = bias.defined() ? bias.data_ptr<float>() : nullptr;
    const float* scData = scale.defined() ? scale.data_ptr<float>() : nullptr;
    const float* in = x.data_ptr<float>();
    const float* res = residual.defined() ? residual.data_ptr<float>() : nullptr;
    float* dst = out.data_ptr<float>();
    const int64_t groups = op.groups, perGroup = groups > 0 ? C / groups : 0;
    const bool gelu = op.activation == Activation::Gelu;

    // Per row: offsets (each channel's first value), sums over a range of positions, the per-channel
    // multiply-add that norm and affine fold into, and the output over a range of positions.
    auto offsets = [&](int64_t row, float* offset) {
        const float* r = in + row * C * P;
        for (int64_t c = 0; c < C; ++c)
            offset[c] = r[cl ? c : c * P];
    };
    auto sums = [&](int64_t row, int64_t p0, int64_t p1, const float* offset, float* fs, float* fq, double* s,
                    double* q) {
        const float* r = in + row * C * P;
        if (cl) {
            channelsLastSums(r + p0 * C, p1 - p0, C, offset, fs, fq, s, q);
        } else {
            for (int64_t c = 0; c < C; ++c)
                planarSums(r + c * P + p0, p1 - p0, offset[c], s[c], q[c]);
        }
    };
    // Per channel, out = a * (v - m) + d before the activation.
    auto coefficients = [&](const float* offset, const double* s, const double* q, float* a, float* m,
                            float* d) {
        if (groups == 0) {
            for (int64_t c = 0; c < C; ++c) {
                a[c] = 1.0f;
                m[c] = cbData ? -cbData[c] : 0.0f;
                d[c] = 0.0f;
            }
            return;
        }
        const double n = static_cast<double>(perGroup) * static_cast<double>(P);
        for (int64_t g = 0; g < groups; ++g) {
            double sum = 0, squares = 0;
            for (int64_t c = g * perGroup; c < (g + 1) * perGroup; ++c) {
                // The sums are of v - offset; the norm sees u = v + convBias = (v - offset) + k.
                const double k = static_cast<double>(offset[c]) + (cbData ? cbData[c] : 0.0);
                sum += s[c] + static_cast<double>(P) * k;
                squares += q[c] + 2.0 * k * s[c] + static_cast<double>(P) * k * k;
            }
            const double mean = sum / n, var = std::max(squares / n - mean * mean, 0.0);
            const double rstd = 1.0 / std::sqrt(var + op.eps);
            for (int64_t c = g * perGroup; c < (g + 1) * perGroup; ++c) {
                a[c] = static_cast<float>((wData ? wData[c] : 1.0) * rstd);
                m[c] = static_cast<float>(mean - (cbData ? cbData[c] : 0.0));
                d[c] = bData ? bData[c] : 0.0f;
            }
        }
    };
    auto apply = [&](int64_t row, int64_t p0, int64_t p1, const float* a, const float* m, const float* d) {
        const float* r = in + row * C * P;
        float* o = dst + row * Co * P;
        const float* rr = res ? res + row * Co * P : nullptr;
        const int64_t n = p1 - p0;
        if (cl) {
            if (glu)
                gluAffineRows(r + p0 * C, rr ? rr + p0 * Co : nullptr, o + p0 * Co, n, Co, a, m, d, scData);
            else
                affineRows(r + p0 * C, o + p0 * C, n, C, a, m, d, gelu);
            return;
        }
        for (int64_t c = 0; c < Co; ++c) {
            const int64_t at = c * P + p0;
            if (glu) {
                const float k[3] = {a[c], m[c], d[c]}, g[3] = {a[c + Co], m[c + Co], d[c + Co]};
                gluAffineSpan(r + at, r + (c + Co) * P + p0, rr ? rr + at : nullptr, o + at, n, k, g,
                              scData[c]);
            } else if (gelu) {
                geluAffineSpan(r + at, o + at, n, a[c], m[c], d[c]);
            } else {
                affineSpan(r + at, o + at, n, a[c], m[c], d[c]);
            }
        }
    };

    const int64_t threads = at::get_num_threads();
    if (rows >= 4 * threads || (rows >= threads && P * C <= (int64_t{1} << 20))) {
        // Many rows (DConv's per-row norms): one row at a time per task, its statistics and output while it
        // is in cache.
        at::parallel_for(0, rows, 1, [&](int64_t begin, int64_t end) {
            std::vector<float> offset(C), fs(C), fq(C), a(C), m(C), d(C);
            std::vector<double> s(C), q(C);
            for (int64_t row = begin; row < end; ++row) {
                offsets(row, offset.data());
                std::fill(s.begin(), s.end(), 0.0);
                std::fill(q.begin(), q.end(), 0.0);
                if (groups > 0)
                    sums(row, 0, P, offset.data(), fs.data(), fq.data(), s.data(), q.data());
                coefficients(offset.data(), s.data(), q.data(), a.data(), m.data(), d.data());
                apply(row, 0, P, a.data(), m.data(), d.data());
            }
        });
        return out;
    }
    // Few long rows (a whole batch item): each row's positions split over the threads, twice.
    const int64_t chunks = std::max<int64_t>(1, std::min<int64_t>(4 * threads, P / 64));
    const int64_t chunk = (P + chunks - 1) / chunks;
    std::vector<float> offset(C), a(C), m(C), d(C);
    std::vector<double> partial(static_cast<size_t>(chunks * 2 * C));
    for (int64_t row = 0; row < rows; ++row) {
        offsets(row, offset.data());
        std::fill(partial.begin(), partial.end(), 0.0);
        if (groups > 0) {
            at::parallel_for(0, chunks, 1, [&](int64_t begin, int64_t end) {
                std::vector<float> fs(C), fq(C);
                for (int64_t k = begin; k < end; ++k) {
                    double* s = partial.data() + k * 2 * C;
                    sums(row, k * chunk, std::min(P, (k + 1) * chunk), offset.data(), fs.data(), fq.data(), s,
                         s + C);
                }
            });
        }
        std::vector<double> s(C), q(C);
        for (int64_t k = 0; k < chunks; ++k) {
            for (int64_t c = 0; c < C; ++c) {
                s[c] += partial[k * 2 * C + c];
                q[c] += partial[k * 2 * C + C + c];
            }
        }
        coefficients(offset.data(), s.data(), q.data(), a.data(), m.data(), d.data());
        at::parallel_for(0, chunks, 1, [&](int64_t begin, int64_t end) {
            for (int64_t k = begin; k < end; ++k)
                apply(row, k * chunk, std::min(P, (k + 1) * chunk), a.data(), m.data(), d.data());
        });
    }
    return out;
}

at::Tensor overlapAdd(const at::Tensor& columns, int64_t batch, int64_t length, int64_t width, int64_t taps,
                      int64_t stride, int64_t channels, int64_t offset, int64_t count, const at::Tensor& bias,
                      bool gelu, bool channelsFirst)
{
    TORCH_CHECK(ours(columns) && columns.is_contiguous() &&
                    columns.numel() == batch * length * width * taps * stride * channels,
                "overlapAdd: unsupported columns");
    TORCH_CHECK(offset >= 0 && count >= 0 && offset + count <= (length + taps - 1) * stride,
                "overlapAdd: the crop is outside the output");
    TORCH_CHECK(!channelsFirst || width == 1, "overlapAdd: channels-first output needs width 1");
    const at::Tensor b = bias.defined() ? bias.to(torch::kFloat32).contiguous() : bias;
    TORCH_CHECK(!b.defined() || b.numel() == channels, "overlapAdd: bias size differs from the channels");
    at::Tensor out = channelsFirst ? torch::empty({batch, channels, count}, columns.options())
                                   : torch::empty({batch, count, width, channels}, columns.options());
    const float* in = columns.data_ptr<float>();
    const float* biasData = b.defined() ? b.data_ptr<float>() : nullptr;
    float* dst = out.data_ptr<float>();
    const int64_t wStride = taps * stride * channels; // between neighbouring w of one (l, tap, phase)
    // The columns of output position `position` of batch item `item`, one pointer per tap.
    auto tapsOf = [&](int64_t item, int64_t position, const float** tap) {
        const int64_t block = position / stride, phase = position % stride;
        for (int64_t t = 0; t < taps; ++t) {
            const int64_t l = block - t;
            tap[t] = l >= 0 && l < length
                         ? in + ((((item * length + l) * width) * taps + t) * stride + phase) * channels
                         : nullptr;
        }
    };
    constexpr int64_t kTile = 64; // positions per transposed write (channels-first)
    const int64_t rows = batch * count;
    const int64_t grain = channelsFirst ? kTile : grainRows(width * channels);
    at::parallel_for(0, (rows + grain - 1) / grain, 1, [&](int64_t begin, int64_t end) {
        std::vector<const float*> tap(static_cast<size_t>(taps));
        std::vector<float> tile(channelsFirst ? static_cast<size_t>(kTile * channels) : 0);
        for (int64_t chunk = begin; chunk < end; ++chunk) {
            const int64_t r0 = chunk * grain, r1 = std::min(rows, r0 + grain);
            if (!channelsFirst) {
                for (int64_t r = r0; r < r1; ++r) {
                    tapsOf(r / count, offset + r % count, tap.data());
                    overlapPosition(tap.data(), taps, wStride, biasData, dst + r * width * channels, width,
                                    channels, gelu);
                }
                continue;
            }
            // Channels first: positions of one batch item into a [positions, C] tile, written transposed.
            for (int64_t r = r0; r < r1;) {
                const int64_t item = r / count, i0 = r % count;
                const int64_t n = std::min({r1 - r, count - i0, kTile});
                for (int64_t j = 0; j < n; ++j) {
                    tapsOf(item, offset + i0 + j, tap.data());
                    overlapPosition(tap.data(), taps, wStride, biasData, tile.data() + j * channels, 1,
                                    channels, gelu);
                }
                for (int64_t c = 0; c < channels; ++c) {
                    float* o = dst + (item * channels + c) * count + i0;
                    for (int64_t j = 0; j < n; ++j)
                        o[j] = tile[static_cast<size_t>(j * channels + c)];
                }
                r += n;
            }
        }
    });
    return out;
}

bool unpackSpectrum(const at::Tensor& src, const at::Tensor& mean, const at::Tensor& std,
                    const at::Tensor& dst)
{
    if (!src.is_cpu() || src.scalar_type() != torch::kFloat32 || src.dim() != 4 ||
        !src.is_contiguous(at::MemoryFormat::ChannelsLast) || dst.scalar_type() != torch::kFloat32 ||
        dst.dim() != 6 || dst.stride(5) != 1 || dst.size(5) != 2 || mean.numel() != src.size(0) ||
        std.numel() != src.size(0))
        return false;
    const std::int64_t B = src.size(0), K = src.size(1), F = src.size(2), T = src.size(3);
    const std::int64_t S = dst.size(1), C = dst.size(2);
    if (dst.size(0) != B || S * C * 2 != K || dst.size(3) != T || dst.size(4) != F)
        return false;
    const at::Tensor mu = mean.to(torch::kFloat32).contiguous(), sigma = std.to(torch::kFloat32).contiguous();
    const float* muData = mu.data_ptr<float>();
    const float* sigmaData = sigma.data_ptr<float>();
    const float* in = src.data_ptr<float>();
    float* out = dst.data_ptr<float>();
    const auto ds = dst.strides();
    // One task per (b, t): for each bin f it reads the K contiguous values of (f, t) once and writes one
    // complex value to each of the S * C frame rows, which all advance along f.
    at::parallel_for(0, B * T, 1, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t bt = begin; bt < end; ++bt) {
            const std::int64_t b = bt / T, t = bt % T;
            const float m = muData[b], sd = sigmaData[b];
            const float* row = in + (b * F * T + t) * K;
            float* base = out + b * ds[0] + t * ds[3];
            for (std::int64_t f = 0; f < F; ++f, row += T * K) {
                for (std::int64_t s = 0; s < S; ++s) {
                    for (std::int64_t c = 0; c < C; ++c) {
                        const std::int64_t k = (s * C + c) * 2;
                        float* d = base + s * ds[1] + c * ds[2] + f * ds[4];
                        d[0] = row[k] * sd + m;
                        d[1] = row[k + 1] * sd + m;
                    }
                }
            }
        }
    });
    return true;
}

} // namespace stemcrate::model
