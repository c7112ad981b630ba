#include "model/ElementwiseCpu.h"

#include "model/FastMath.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <algorithm>
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

STEMCRATE_CLONES
void gluScaleAddRows(const float* x, const float* y, const float* scale, float* out, std::int64_t rows,
                     std::int64_t channels)
{
    for (std::int64_t r = 0; r < rows; ++r) {
        const float* xr = x + r * channels;
        const float* a = y + r * 2 * channels;
        const float* g = a + channels;
        float* o = out + r * channels;
        for (std::int64_t c = 0; c < channels; ++c)
            o[c] = xr[c] + scale[c] * (a[c] * fastmath::sigmoid(g[c]));
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
    if (!x.is_cpu() || x.scalar_type() != torch::kFloat32 || !x.is_non_overlapping_and_dense())
        return torch::gelu(x);
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

at::Tensor gluScaleAdd(const at::Tensor& x, const at::Tensor& y, const at::Tensor& scale)
{
    const bool fused = ours(x) && ours(y) && ours(scale) && channelsLast(x) && channelsLast(y) &&
                       y.size(1) == 2 * x.size(1) && y.size(0) == x.size(0) && y.size(2) == x.size(2) &&
                       y.size(3) == x.size(3) && scale.numel() == x.size(1) && scale.is_contiguous();
    if (!fused)
        return torch::addcmul(x, scale.view({1, -1, 1, 1}), torch::glu(y, 1));
    const std::int64_t channels = x.size(1), rows = x.numel() / channels;
    at::Tensor out = torch::empty_like(x, torch::MemoryFormat::ChannelsLast);
    const float* xs = x.data_ptr<float>();
    const float* ys = y.data_ptr<float>();
    const float* ss = scale.data_ptr<float>();
    float* dst = out.data_ptr<float>();
    at::parallel_for(0, rows, grainRows(channels), [&](std::int64_t begin, std::int64_t end) {
        gluScaleAddRows(xs + begin * channels, ys + begin * 2 * channels, ss, dst + begin * channels,
                        end - begin, channels);
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
