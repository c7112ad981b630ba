// Fused CUDA kernels for HDemucs (CudaKernels.h). Memory-bound by design: each reads its inputs once
// (normAct twice: statistics, then the normalised output) with 16-byte loads where the layout allows, and
// computes in float32.

#include "model/CudaKernels.h"

#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>

#include <algorithm>
#include <climits>
#include <cstdint>

namespace stemcrate::model::cuda {

namespace {

template <class T> __device__ __forceinline__ float toFloat(T v);
template <> __device__ __forceinline__ float toFloat<float>(float v)
{
    return v;
}
template <> __device__ __forceinline__ float toFloat<__half>(__half v)
{
    return __half2float(v);
}
template <> __device__ __forceinline__ float toFloat<__nv_bfloat16>(__nv_bfloat16 v)
{
    return __bfloat162float(v);
}

template <class T> __device__ __forceinline__ T fromFloat(float v);
template <> __device__ __forceinline__ float fromFloat<float>(float v)
{
    return v;
}
template <> __device__ __forceinline__ __half fromFloat<__half>(float v)
{
    return __float2half_rn(v);
}
template <> __device__ __forceinline__ __nv_bfloat16 fromFloat<__nv_bfloat16>(float v)
{
    return __float2bfloat16_rn(v);
}

// V consecutive elements, loaded and stored as one access.
template <class T, int V> struct alignas(sizeof(T) * V) Pack
{
    T v[V];
};

template <class T, int V> __device__ __forceinline__ Pack<T, V> loadPack(const T* p)
{
    return *reinterpret_cast<const Pack<T, V>*>(p);
}

template <class T, int V> __device__ __forceinline__ void storePack(T* p, const Pack<T, V>& v)
{
    *reinterpret_cast<Pack<T, V>*>(p) = v;
}

template <class T> __device__ __forceinline__ float optional(const T* p, unsigned i, float fallback)
{
    return p ? toFloat(p[i]) : fallback;
}

__device__ __forceinline__ float gelu(float v)
{
    return 0.5f * v * (1.0f + erff(v * 0.70710678118654752f));
}

__device__ __forceinline__ float sigmoid(float v)
{
    return 1.0f / (1.0f + __expf(-v));
}

constexpr int kThreads = 256;
constexpr int kMaxGroups = 4;

// ---- normAct: statistics ------------------------------------------------------------------------------
// Grid (blocks per row, rows). Each thread sums its share of the row per group; the block reduces and adds
// into the row's double sums. V > 1 only when inner == 1 and channels % V == 0: a pack then holds channels
// c0 .. c0 + V - 1 of one position.
template <class T, int V>
__global__ void __launch_bounds__(kThreads)
    normStatsKernel(const T* __restrict__ x, const T* __restrict__ convBias, unsigned n, unsigned channels,
                    unsigned inner, int groups, double* __restrict__ sums)
{
    const T* row = x + static_cast<size_t>(blockIdx.y) * n;
    const unsigned perGroup = channels / groups;
    float s[kMaxGroups] = {}, q[kMaxGroups] = {};
    for (unsigned i = (blockIdx.x * blockDim.x + threadIdx.x) * V; i < n; i += gridDim.x * blockDim.x * V) {
        const Pack<T, V> p = loadPack<T, V>(row + i);
        const unsigned c0 = V > 1 ? i % channels : (i / inner) % channels;
#pragma unroll
        for (int k = 0; k < V; ++k) {
            const unsigned c = c0 + k;
            const float v = toFloat(p.v[k]) + optional(convBias, c, 0.0f);
            const unsigned g = groups == 1 ? 0 : c / perGroup;
#pragma unroll
            for (int gg = 0; gg < kMaxGroups; ++gg)
                if (gg == static_cast<int>(g)) {
                    s[gg] += v;
                    q[gg] += v * v;
                }
        }
    }
    // Block reduction: warps by shuffle, then one warp over the warps' partial sums.
    __shared__ float partial[kThreads / 32][2 * kMaxGroups];
    const int lane = threadIdx.x % 32, warp = threadIdx.x / 32;
#pragma unroll
    for (int gg = 0; gg < kMaxGroups; ++gg) {
        for (int offset = 16; offset > 0; offset /= 2) {
            s[gg] += __shfl_down_sync(0xffffffffu, s[gg], offset);
            q[gg] += __shfl_down_sync(0xffffffffu, q[gg], offset);
        }
        if (lane == 0) {
            partial[warp][2 * gg] = s[gg];
            partial[warp][2 * gg + 1] = q[gg];
        }
    }
    __syncthreads();
    if (threadIdx.x < 2 * groups) {
        double total = 0.0;
        for (int w = 0; w < kThreads / 32; ++w)
            total += partial[w][threadIdx.x];
        atomicAdd(&sums[(static_cast<size_t>(blockIdx.y) * groups) * 2 + threadIdx.x], total);
    }
}

// ---- normAct: normalise, activate, scale, add -----------------------------------------------------------
// Grid (blocks per row, rows). The block first turns its row's statistics into a per-channel
// multiply-add (dynamic shared memory: 2 * channels floats), then writes its share of the row.
template <class T, int V>
__global__ void __launch_bounds__(kThreads)
    normApplyKernel(const T* __restrict__ x, T* __restrict__ out, unsigned n, unsigned channels,
                    unsigned inner, int groups, float eps, const double* __restrict__ sums,
                    const T* __restrict__ convBias, const T* __restrict__ weight, const T* __restrict__ bias,
                    int activation, const T* __restrict__ scale, const T* __restrict__ residual)
{
    extern __shared__ float affine[]; // [0, channels): multiplier; [channels, 2 * channels): addend
    const size_t rowIndex = blockIdx.y;
    for (unsigned c = threadIdx.x; c < channels; c += blockDim.x) {
        float mul = 1.0f, add = optional(convBias, c, 0.0f);
        if (groups > 0) {
            const unsigned g = c / (channels / groups);
            const double count = static_cast<double>(n) / groups;
            const double mean = sums[(rowIndex * groups + g) * 2] / count;
            const double var = fmax(sums[(rowIndex * groups + g) * 2 + 1] / count - mean * mean, 0.0);
            const float rstd = static_cast<float>(1.0 / sqrt(var + eps));
            mul = rstd * optional(weight, c, 1.0f);
            add = static_cast<float>((add - mean) * mul) + optional(bias, c, 0.0f);
        }
        affine[c] = mul;
        affine[channels + c] = add;
    }
    __syncthreads();

    const T* row = x + rowIndex * n;
    const bool glu = activation == static_cast<int>(Activation::Glu);
    const unsigned outChannels = glu ? channels / 2 : channels;
    const unsigned outN = glu ? n / 2 : n;
    T* outRow = out + rowIndex * outN;
    const T* residualRow = residual ? residual + rowIndex * outN : nullptr;
    for (unsigned j = (blockIdx.x * blockDim.x + threadIdx.x) * V; j < outN;
         j += gridDim.x * blockDim.x * V) {
        unsigned c0, first;
        if (V > 1) { // inner == 1
            c0 = j % outChannels;
            first = glu ? (j / outChannels) * channels + c0 : j;
        } else {
            c0 = (j / inner) % outChannels;
            first = glu ? ((j / inner / outChannels) * channels + c0) * inner + j % inner : j;
        }
        const Pack<T, V> a = loadPack<T, V>(row + first);
        Pack<T, V> result;
        if (glu) {
            const Pack<T, V> g = loadPack<T, V>(row + first + outChannels * inner);
#pragma unroll
            for (int k = 0; k < V; ++k) {
                const unsigned c = c0 + k, cg = c + outChannels;
                const float va = toFloat(a.v[k]) * affine[c] + affine[channels + c];
                const float vg = toFloat(g.v[k]) * affine[cg] + affine[channels + cg];
                float y = va * sigmoid(vg);
                if (scale)
                    y *= toFloat(scale[c]);
                result.v[k] = fromFloat<T>(y);
            }
        } else {
#pragma unroll
            for (int k = 0; k < V; ++k) {
                const unsigned c = c0 + k;
                float y = toFloat(a.v[k]) * affine[c] + affine[channels + c];
                if (activation == static_cast<int>(Activation::Gelu))
                    y = gelu(y);
                if (scale)
                    y *= toFloat(scale[c]);
                result.v[k] = fromFloat<T>(y);
            }
        }
        if (residualRow) {
            const Pack<T, V> r = loadPack<T, V>(residualRow + j);
#pragma unroll
            for (int k = 0; k < V; ++k)
                result.v[k] = fromFloat<T>(toFloat(r.v[k]) + toFloat(result.v[k]));
        }
        storePack<T, V>(outRow + j, result);
    }
}

bool aligned(const void* p, int bytes)
{
    return p == nullptr || reinterpret_cast<std::uintptr_t>(p) % bytes == 0;
}

std::string lastError(const char* what)
{
    const cudaError_t status = cudaGetLastError();
    return status == cudaSuccess ? std::string() : std::string(what) + ": " + cudaGetErrorString(status);
}

// Blocks per row so that the whole grid is a few waves of a large GPU, within the row's work.
unsigned blocksPerRow(std::int64_t rows, std::int64_t work)
{
    const std::int64_t wanted = std::max<std::int64_t>(1, (132 * 8 + rows - 1) / rows);
    const std::int64_t useful = std::max<std::int64_t>(1, (work + kThreads * 4 - 1) / (kThreads * 4));
    return static_cast<unsigned>(std::min({wanted, useful, std::int64_t{65535}}));
}

template <class T, int V> std::string normActTyped(const NormActArgs& a)
{
    const auto stream = static_cast<cudaStream_t>(a.stream);
    const auto* x = static_cast<const T*>(a.x);
    const auto* convBias = static_cast<const T*>(a.convBias);
    const unsigned n = static_cast<unsigned>(a.n), channels = static_cast<unsigned>(a.channels),
                   inner = static_cast<unsigned>(a.inner);
    if (a.groups > 0) {
        if (cudaMemsetAsync(a.sums, 0, sizeof(double) * a.rows * a.groups * 2, stream) != cudaSuccess)
            return lastError("normAct: clearing the statistics");
        const dim3 grid(blocksPerRow(a.rows, a.n / V), static_cast<unsigned>(a.rows));
        normStatsKernel<T, V>
            <<<grid, kThreads, 0, stream>>>(x, convBias, n, channels, inner, a.groups, a.sums);
        if (std::string error = lastError("normAct statistics"); !error.empty())
            return error;
    }
    const std::int64_t outN = a.activation == Activation::Glu ? a.n / 2 : a.n;
    const dim3 grid(blocksPerRow(a.rows, outN / V), static_cast<unsigned>(a.rows));
    const size_t shared = sizeof(float) * 2 * a.channels;
    normApplyKernel<T, V><<<grid, kThreads, shared, stream>>>(
        x, static_cast<T*>(a.out), n, channels, inner, a.groups, a.eps, a.sums, convBias,
        static_cast<const T*>(a.weight), static_cast<const T*>(a.bias), static_cast<int>(a.activation),
        static_cast<const T*>(a.scale), static_cast<const T*>(a.residual));
    return lastError("normAct");
}

// The widest pack (up to 16 bytes) the layout allows: the row, the channel count (and half of it for
// GLU) divisible by it, and every pointer aligned to it.
template <class T> std::string normActDispatch(const NormActArgs& a)
{
    constexpr int widest = 16 / sizeof(T);
    int v = a.inner == 1 ? widest : 1;
    const std::int64_t outChannels = a.activation == Activation::Glu ? a.channels / 2 : a.channels;
    while (v > 1 && (a.n % v || a.channels % v || outChannels % v || !aligned(a.x, v * sizeof(T)) ||
                     !aligned(a.out, v * sizeof(T)) || !aligned(a.residual, v * sizeof(T))))
        v /= 2;
    switch (v) {
    case 8:
        if constexpr (widest >= 8)
            return normActTyped<T, 8>(a);
        [[fallthrough]];
    case 4:
        return normActTyped<T, 4>(a);
    case 2:
        return normActTyped<T, 2>(a);
    default:
        return normActTyped<T, 1>(a);
    }
}

// ---- transposed convolution's overlap-add ---------------------------------------------------------------
template <class T, int V>
__global__ void __launch_bounds__(kThreads)
    overlapAddKernel(const T* __restrict__ columns, T* __restrict__ out, std::int64_t batch,
                     std::int64_t length, std::int64_t width, int taps, int stride, int channels,
                     std::int64_t offset, std::int64_t count, const T* __restrict__ bias, int activation)
{
    const int packs = channels / V;
    const std::int64_t total = batch * count * width * packs;
    for (std::int64_t idx = blockIdx.x * static_cast<std::int64_t>(blockDim.x) + threadIdx.x; idx < total;
         idx += static_cast<std::int64_t>(gridDim.x) * blockDim.x) {
        const int c0 = static_cast<int>(idx % packs) * V;
        std::int64_t rest = idx / packs;
        const std::int64_t w = rest % width;
        rest /= width;
        const std::int64_t f = rest % count;
        const std::int64_t b = rest / count;
        const std::int64_t position = offset + f;
        const std::int64_t block = position / stride;
        const int phase = static_cast<int>(position % stride);
        float sum[V];
#pragma unroll
        for (int k = 0; k < V; ++k)
            sum[k] = optional(bias, c0 + k, 0.0f);
        for (int r = 0; r < taps; ++r) {
            const std::int64_t l = block - r;
            if (l < 0 || l >= length)
                continue;
            const Pack<T, V> p = loadPack<T, V>(
                columns + ((((b * length + l) * width + w) * taps + r) * stride + phase) * channels + c0);
#pragma unroll
            for (int k = 0; k < V; ++k)
                sum[k] += toFloat(p.v[k]);
        }
        Pack<T, V> result;
#pragma unroll
        for (int k = 0; k < V; ++k)
            result.v[k] =
                fromFloat<T>(activation == static_cast<int>(Activation::Gelu) ? gelu(sum[k]) : sum[k]);
        storePack<T, V>(out + idx * V, result);
    }
}

unsigned gridFor(std::int64_t total)
{
    return static_cast<unsigned>(std::clamp<std::int64_t>((total + kThreads - 1) / kThreads, 1, 132 * 32));
}

template <class T, int V> std::string overlapAddTyped(const OverlapAddArgs& a)
{
    const std::int64_t total = a.batch * a.count * a.width * (a.channels / V);
    overlapAddKernel<T, V><<<gridFor(total), kThreads, 0, static_cast<cudaStream_t>(a.stream)>>>(
        static_cast<const T*>(a.columns), static_cast<T*>(a.out), a.batch, a.length, a.width,
        static_cast<int>(a.taps), static_cast<int>(a.stride), static_cast<int>(a.channels), a.offset, a.count,
        static_cast<const T*>(a.bias), static_cast<int>(a.activation));
    return lastError("overlapAdd");
}

template <class T> std::string overlapAddDispatch(const OverlapAddArgs& a)
{
    constexpr int widest = 16 / sizeof(T);
    int v = widest;
    while (v > 1 && (a.channels % v || !aligned(a.columns, v * sizeof(T)) || !aligned(a.out, v * sizeof(T))))
        v /= 2;
    switch (v) {
    case 8:
        if constexpr (widest >= 8)
            return overlapAddTyped<T, 8>(a);
        [[fallthrough]];
    case 4:
        return overlapAddTyped<T, 4>(a);
    case 2:
        return overlapAddTyped<T, 2>(a);
    default:
        return overlapAddTyped<T, 1>(a);
    }
}

// ---- the iSTFT's input and overlap-add ------------------------------------------------------------------
template <class T>
__global__ void __launch_bounds__(kThreads)
    unpackSpectrumKernel(const T* __restrict__ decoded, const float* __restrict__ mean,
                         const float* __restrict__ std, float2* __restrict__ spectrum, std::int64_t batch,
                         std::int64_t bins, std::int64_t frames, int planes)
{
    const std::int64_t padded = frames + 4, height = bins + 1;
    const std::int64_t total = batch * padded * height;
    for (std::int64_t idx = blockIdx.x * static_cast<std::int64_t>(blockDim.x) + threadIdx.x; idx < total;
         idx += static_cast<std::int64_t>(gridDim.x) * blockDim.x) {
        const std::int64_t f = idx % height;
        const std::int64_t t = (idx / height) % padded;
        const std::int64_t b = idx / (height * padded);
        const bool inside = f < bins && t >= 2 && t < frames + 2;
        const T* src = inside ? decoded + ((b * bins + f) * frames + (t - 2)) * planes * 2 : nullptr;
        const float m = mean[b], s = std[b];
        for (int p = 0; p < planes; ++p) {
            float2 value = make_float2(0.0f, 0.0f);
            if (inside)
                value = make_float2(toFloat(src[2 * p]) * s + m, toFloat(src[2 * p + 1]) * s + m);
            spectrum[((b * planes + p) * padded + t) * height + f] = value;
        }
    }
}

template <class T>
__global__ void __launch_bounds__(kThreads)
    overlapAddSpectrumKernel(const float* __restrict__ blocks, const float* __restrict__ window,
                             const float* __restrict__ envelope, std::int64_t batch, int planes,
                             std::int64_t frames, int nfft, int hop, std::int64_t start, std::int64_t length,
                             const T* __restrict__ time, std::int64_t timeBatch, std::int64_t timePlane,
                             std::int64_t timeSample, const float* __restrict__ timeMean,
                             const float* __restrict__ timeStd, float* __restrict__ out)
{
    const std::int64_t total = batch * planes * length;
    const int overlap = nfft / hop;
    for (std::int64_t idx = blockIdx.x * static_cast<std::int64_t>(blockDim.x) + threadIdx.x; idx < total;
         idx += static_cast<std::int64_t>(gridDim.x) * blockDim.x) {
        const std::int64_t i = idx % length;
        const std::int64_t plane = idx / length;
        const std::int64_t b = plane / planes, p = plane % planes;
        const std::int64_t q = start + i, k = q / hop;
        const int h = static_cast<int>(q % hop);
        float sum = 0.0f;
        for (int j = 0; j < overlap; ++j) {
            const std::int64_t frame = k - j;
            if (frame >= 0 && frame < frames)
                sum += blocks[(plane * frames + frame) * nfft + j * hop + h] * window[j * hop + h];
        }
        const float t = toFloat(time[b * timeBatch + p * timePlane + i * timeSample]);
        out[idx] = sum / envelope[i] + (t * timeStd[b] + timeMean[b]);
    }
}

} // namespace

std::string normAct(const NormActArgs& a)
{
    if (a.rows < 1 || a.rows > 65535 || a.n < 1 || a.n > INT_MAX || a.channels < 1 || a.inner < 1 ||
        a.n % (a.channels * a.inner) != 0 || a.groups < 0 || a.groups > kMaxGroups ||
        (a.groups > 0 && (a.channels % a.groups != 0 || a.sums == nullptr)) ||
        (a.activation == Activation::Glu && a.channels % 2 != 0) || a.channels > 6144)
        return "normAct: unsupported shape";
    switch (a.dtype) {
    case DType::Float32:
        return normActDispatch<float>(a);
    case DType::Float16:
        return normActDispatch<__half>(a);
    case DType::BFloat16:
        return normActDispatch<__nv_bfloat16>(a);
    }
    return "normAct: unknown dtype";
}

std::string overlapAdd(const OverlapAddArgs& a)
{
    if (a.batch < 1 || a.length < 1 || a.width < 1 || a.taps < 1 || a.stride < 1 || a.channels < 1 ||
        a.offset < 0 || a.count < 1 || a.activation == Activation::Glu)
        return "overlapAdd: unsupported shape";
    switch (a.dtype) {
    case DType::Float32:
        return overlapAddDispatch<float>(a);
    case DType::Float16:
        return overlapAddDispatch<__half>(a);
    case DType::BFloat16:
        return overlapAddDispatch<__nv_bfloat16>(a);
    }
    return "overlapAdd: unknown dtype";
}

std::string unpackSpectrum(const UnpackSpectrumArgs& a)
{
    if (a.batch < 1 || a.bins < 1 || a.frames < 1 || a.planes < 1)
        return "unpackSpectrum: unsupported shape";
    const std::int64_t total = a.batch * (a.frames + 4) * (a.bins + 1);
    const auto stream = static_cast<cudaStream_t>(a.stream);
    auto* spectrum = reinterpret_cast<float2*>(a.spectrum);
    const int planes = static_cast<int>(a.planes);
    switch (a.dtype) {
    case DType::Float32:
        unpackSpectrumKernel<float><<<gridFor(total), kThreads, 0, stream>>>(
            static_cast<const float*>(a.decoded), a.mean, a.std, spectrum, a.batch, a.bins, a.frames, planes);
        break;
    case DType::Float16:
        unpackSpectrumKernel<__half>
            <<<gridFor(total), kThreads, 0, stream>>>(static_cast<const __half*>(a.decoded), a.mean, a.std,
                                                      spectrum, a.batch, a.bins, a.frames, planes);
        break;
    case DType::BFloat16:
        unpackSpectrumKernel<__nv_bfloat16>
            <<<gridFor(total), kThreads, 0, stream>>>(static_cast<const __nv_bfloat16*>(a.decoded), a.mean,
                                                      a.std, spectrum, a.batch, a.bins, a.frames, planes);
        break;
    }
    return lastError("unpackSpectrum");
}

std::string overlapAddSpectrum(const OverlapAddSpectrumArgs& a)
{
    if (a.batch < 1 || a.planes < 1 || a.frames < 1 || a.hop < 1 || a.nfft % a.hop != 0 || a.length < 1 ||
        a.start < 0 || a.start + a.length > (a.frames + a.nfft / a.hop - 1) * a.hop)
        return "overlapAddSpectrum: unsupported shape";
    const std::int64_t total = a.batch * a.planes * a.length;
    const auto stream = static_cast<cudaStream_t>(a.stream);
    const auto launch = [&](auto* time) {
        overlapAddSpectrumKernel<<<gridFor(total), kThreads, 0, stream>>>(
            a.blocks, a.window, a.envelope, a.batch, static_cast<int>(a.planes), a.frames,
            static_cast<int>(a.nfft), static_cast<int>(a.hop), a.start, a.length, time, a.timeStrides[0],
            a.timeStrides[1], a.timeStrides[2], a.timeMean, a.timeStd, a.out);
    };
    switch (a.timeDtype) {
    case DType::Float32:
        launch(static_cast<const float*>(a.time));
        break;
    case DType::Float16:
        launch(static_cast<const __half*>(a.time));
        break;
    case DType::BFloat16:
        launch(static_cast<const __nv_bfloat16*>(a.time));
        break;
    }
    return lastError("overlapAddSpectrum");
}

} // namespace stemcrate::model::cuda
