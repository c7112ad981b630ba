// Fused CUDA kernels for HDemucs (CudaKernels.h). Memory-bound by design: each reads its inputs once
// (normAct twice: statistics, then the normalised output) with 16-byte loads where the layout allows, and
// computes in float32.

#include "model/cuda/CudaKernels.h"

#include <cooperative_groups.h>
#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>
#include <mma.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <map>
#include <mutex>
#include <tuple>

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
// Packs a thread of the statistics pass loads before it uses any: enough loads in flight to keep HBM busy
// (2.2x faster with four). The apply pass loads two or three tensors per pack already and lost occupancy
// with more (80 registers, 15 % slower): one pack per step there.
constexpr int kUnroll = 4;

// ---- normAct: statistics ------------------------------------------------------------------------------
// Grid (tiles of a row, rows); a tile is kThreads * V * kUnroll elements. Each thread sums its share of the
// row per group; the block reduces and adds into the row's double sums. V > 1 only when inner == 1 and
// channels % V == 0: a pack then holds channels c0 .. c0 + V - 1 of one position. Dynamic shared memory:
// the convolution's bias, `channels` floats.
template <class T, int V, bool Grouped>
__global__ void __launch_bounds__(kThreads)
    normStatsKernel(const T* __restrict__ x, const T* __restrict__ convBias, unsigned n, unsigned channels,
                    unsigned inner, int groups, double* __restrict__ sums)
{
    extern __shared__ float channelBias[];
    for (unsigned c = threadIdx.x; c < channels; c += blockDim.x)
        channelBias[c] = optional(convBias, c, 0.0f);
    __syncthreads();

    const T* row = x + static_cast<size_t>(blockIdx.y) * n;
    const unsigned perGroup = channels / groups;
    constexpr unsigned tile = kThreads * V * kUnroll;
    float s[kMaxGroups] = {}, q[kMaxGroups] = {};
    for (unsigned base = blockIdx.x * tile; base < n; base += gridDim.x * tile) {
        Pack<T, V> p[kUnroll];
#pragma unroll
        for (int u = 0; u < kUnroll; ++u) {
            const unsigned i = base + (u * kThreads + threadIdx.x) * V;
            if (i < n)
                p[u] = loadPack<T, V>(row + i);
        }
#pragma unroll
        for (int u = 0; u < kUnroll; ++u) {
            const unsigned i = base + (u * kThreads + threadIdx.x) * V;
            if (i >= n)
                break;
            const unsigned c0 = V > 1 ? i % channels : (i / inner) % channels;
#pragma unroll
            for (int k = 0; k < V; ++k) {
                const float v = toFloat(p[u].v[k]) + channelBias[c0 + k];
                if (!Grouped) {
                    s[0] += v;
                    q[0] += v * v;
                } else {
                    const int g = static_cast<int>((c0 + k) / perGroup);
#pragma unroll
                    for (int gg = 0; gg < kMaxGroups; ++gg)
                        if (gg == g) {
                            s[gg] += v;
                            q[gg] += v * v;
                        }
                }
            }
        }
    }
    // Block reduction: warps by shuffle, then one thread per value over the warps' partial sums.
    __shared__ float partial[kThreads / 32][2 * kMaxGroups];
    const int lane = threadIdx.x % 32, warp = threadIdx.x / 32;
#pragma unroll
    for (int gg = 0; gg < (Grouped ? kMaxGroups : 1); ++gg) {
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
// Channel c's multiply-add in a row: y = x * mul + add is x + convBias[c], normalised with its group's
// statistics (groups > 0) and GroupNorm's affine applied.
template <class T>
__device__ __forceinline__ void channelAffine(unsigned c, size_t rowIndex, unsigned n, unsigned channels,
                                              int groups, float eps, const double* sums, const T* convBias,
                                              const T* weight, const T* bias, float& mul, float& add)
{
    mul = 1.0f;
    add = optional(convBias, c, 0.0f);
    if (groups > 0) {
        const unsigned g = c / (channels / groups);
        const double count = static_cast<double>(n) / groups;
        const double mean = sums[(rowIndex * groups + g) * 2] / count;
        const double var = fmax(sums[(rowIndex * groups + g) * 2 + 1] / count - mean * mean, 0.0);
        mul = static_cast<float>(1.0 / sqrt(var + eps)) * optional(weight, c, 1.0f);
        add = static_cast<float>((add - mean) * mul) + optional(bias, c, 0.0f);
    }
}

// Grid (tiles of the output row, rows). The block first turns its row's statistics into a per-channel
// multiply-add and stages the LayerScale (dynamic shared memory: 2 * channels + channels' floats), then
// writes its tiles.
template <class T, int V>
__global__ void __launch_bounds__(kThreads)
    normApplyKernel(const T* __restrict__ x, T* __restrict__ out, unsigned n, unsigned channels,
                    unsigned inner, int groups, float eps, const double* __restrict__ sums,
                    const T* __restrict__ convBias, const T* __restrict__ weight, const T* __restrict__ bias,
                    int activation, const T* __restrict__ scale, const T* __restrict__ residual,
                    const T* __restrict__ positionAddend, unsigned addendPeriod)
{
    const bool glu = activation == static_cast<int>(Activation::Glu);
    const bool useGelu = activation == static_cast<int>(Activation::Gelu);
    const unsigned outChannels = glu ? channels / 2 : channels;
    extern __shared__ float affine[]; // multiplier [channels], addend [channels], scale [outChannels]
    float* multiplier = affine;
    float* addend = affine + channels;
    float* channelScale = affine + 2 * channels;
    const size_t rowIndex = blockIdx.y;
    for (unsigned c = threadIdx.x; c < channels; c += blockDim.x) {
        channelAffine(c, rowIndex, n, channels, groups, eps, sums, convBias, weight, bias, multiplier[c],
                      addend[c]);
        if (c < outChannels)
            channelScale[c] = optional(scale, c, 1.0f);
    }
    __syncthreads();

    const T* row = x + rowIndex * n;
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
        Pack<T, V> g, r;
        if (glu)
            g = loadPack<T, V>(row + first + outChannels * inner);
        if (residualRow)
            r = loadPack<T, V>(residualRow + j);
        Pack<T, V> result;
#pragma unroll
        for (int k = 0; k < V; ++k) {
            const unsigned c = c0 + k;
            float y = toFloat(a.v[k]) * multiplier[c] + addend[c];
            if (glu) {
                const unsigned cg = c + outChannels;
                y *= sigmoid(toFloat(g.v[k]) * multiplier[cg] + addend[cg]);
            } else if (useGelu) {
                y = gelu(y);
            }
            y *= channelScale[c];
            if (residualRow)
                y += toFloat(r.v[k]);
            if (positionAddend) // inner == 1: the position is j / outChannels
                y += toFloat(positionAddend[(j / outChannels / addendPeriod) * outChannels + c]);
            result.v[k] = fromFloat<T>(y);
        }
        storePack<T, V>(outRow + j, result);
    }
}

// Calls work(T{}) with T the element type of `dtype`.
template <class Work> void forType(DType dtype, Work&& work)
{
    switch (dtype) {
    case DType::Float32:
        work(float{});
        break;
    case DType::Float16:
        work(__half{});
        break;
    case DType::BFloat16:
        work(__nv_bfloat16{});
        break;
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

// Tiles of `tileElements` over a row of `elements`, at most 65535 (the rest loop within the blocks).
unsigned tilesPerRow(std::int64_t elements, std::int64_t tileElements)
{
    return static_cast<unsigned>(
        std::clamp<std::int64_t>((elements + tileElements - 1) / tileElements, 1, 65535));
}

// The apply pass for rows laid out [channels, inner] (a contiguous [B, C, T] tensor: the DConv layers with
// an LSTM or attention): one block row per (row, output channel), so a thread needs no index division and
// the block only the one or two channels' multiply-add, which its first threads compute.
template <class T>
__global__ void __launch_bounds__(kThreads)
    normApplyPlanarKernel(const T* __restrict__ x, T* __restrict__ out, unsigned n, unsigned channels,
                          unsigned inner, int groups, float eps, const double* __restrict__ sums,
                          const T* __restrict__ convBias, const T* __restrict__ weight,
                          const T* __restrict__ bias, int activation, const T* __restrict__ scale,
                          const T* __restrict__ residual)
{
    const bool glu = activation == static_cast<int>(Activation::Glu);
    const unsigned outChannels = glu ? channels / 2 : channels;
    const size_t rowIndex = blockIdx.y / outChannels;
    const unsigned c = blockIdx.y % outChannels;
    __shared__ float affine[4]; // multiplier and addend of channel c, then of its gate (GLU)
    if (threadIdx.x < (glu ? 2u : 1u))
        channelAffine(c + threadIdx.x * outChannels, rowIndex, n, channels, groups, eps, sums, convBias,
                      weight, bias, affine[2 * threadIdx.x], affine[2 * threadIdx.x + 1]);
    __syncthreads();
    const float channelScale = optional(scale, c, 1.0f);
    const T* a = x + rowIndex * n + static_cast<size_t>(c) * inner;
    const T* gate = a + static_cast<size_t>(outChannels) * inner;
    const size_t at = rowIndex * (glu ? n / 2 : n) + static_cast<size_t>(c) * inner;
    for (unsigned i = blockIdx.x * blockDim.x + threadIdx.x; i < inner; i += gridDim.x * blockDim.x) {
        float y = toFloat(a[i]) * affine[0] + affine[1];
        if (glu)
            y *= sigmoid(toFloat(gate[i]) * affine[2] + affine[3]);
        else if (activation == static_cast<int>(Activation::Gelu))
            y = gelu(y);
        y *= channelScale;
        if (residual)
            y += toFloat(residual[at + i]);
        out[at + i] = fromFloat<T>(y);
    }
}

template <class T, int V> std::string normActTyped(const NormActArgs& a)
{
    const auto stream = static_cast<cudaStream_t>(a.stream);
    const auto* x = static_cast<const T*>(a.x);
    const auto* convBias = static_cast<const T*>(a.convBias);
    const unsigned n = static_cast<unsigned>(a.n), channels = static_cast<unsigned>(a.channels),
                   inner = static_cast<unsigned>(a.inner);
    constexpr std::int64_t tile = kThreads * V * kUnroll;
    if (a.groups > 0) {
        if (cudaMemsetAsync(a.sums, 0, sizeof(double) * a.rows * a.groups * 2, stream) != cudaSuccess)
            return lastError("normAct: clearing the statistics");
        const dim3 grid(tilesPerRow(a.n, tile), static_cast<unsigned>(a.rows));
        const size_t shared = sizeof(float) * a.channels;
        if (a.groups == 1)
            normStatsKernel<T, V, false>
                <<<grid, kThreads, shared, stream>>>(x, convBias, n, channels, inner, 1, a.sums);
        else
            normStatsKernel<T, V, true>
                <<<grid, kThreads, shared, stream>>>(x, convBias, n, channels, inner, a.groups, a.sums);
        if (std::string error = lastError("normAct statistics"); !error.empty())
            return error;
    }
    const bool glu = a.activation == Activation::Glu;
    const std::int64_t outChannels = glu ? a.channels / 2 : a.channels;
    if (a.inner > 1 && a.n == a.channels * a.inner && a.rows * outChannels <= 65535) {
        const dim3 grid(tilesPerRow(a.inner, kThreads), static_cast<unsigned>(a.rows * outChannels));
        normApplyPlanarKernel<T><<<grid, kThreads, 0, stream>>>(
            x, static_cast<T*>(a.out), n, channels, inner, a.groups, a.eps, a.sums, convBias,
            static_cast<const T*>(a.weight), static_cast<const T*>(a.bias), static_cast<int>(a.activation),
            static_cast<const T*>(a.scale), static_cast<const T*>(a.residual));
        return lastError("normAct");
    }
    const std::int64_t outN = glu ? a.n / 2 : a.n;
    const dim3 grid(tilesPerRow(outN, kThreads * V), static_cast<unsigned>(a.rows));
    const size_t shared = sizeof(float) * (2 * a.channels + (glu ? a.channels / 2 : a.channels));
    normApplyKernel<T, V><<<grid, kThreads, shared, stream>>>(
        x, static_cast<T*>(a.out), n, channels, inner, a.groups, a.eps, a.sums, convBias,
        static_cast<const T*>(a.weight), static_cast<const T*>(a.bias), static_cast<int>(a.activation),
        static_cast<const T*>(a.scale), static_cast<const T*>(a.residual), static_cast<const T*>(a.addend),
        static_cast<unsigned>(a.addendPeriod));
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
// Grid (chunks of one batch item's output, batch items): 32-bit index arithmetic within an item.
template <class T, int V>
__global__ void __launch_bounds__(kThreads)
    overlapAddKernel(const T* __restrict__ columns, T* __restrict__ out, unsigned length, unsigned width,
                     int taps, unsigned stride, unsigned channels, unsigned offset, unsigned count,
                     const T* __restrict__ bias, int activation, const T* __restrict__ addend)
{
    const unsigned packs = channels / V;
    const unsigned perItem = count * width * packs;
    const size_t b = blockIdx.y;
    for (unsigned idx = blockIdx.x * blockDim.x + threadIdx.x; idx < perItem; idx += gridDim.x * blockDim.x) {
        const unsigned c0 = (idx % packs) * V;
        const unsigned rest = idx / packs;
        const unsigned w = rest % width, f = rest / width;
        const unsigned position = offset + f;
        const int block = static_cast<int>(position / stride);
        const unsigned phase = position % stride;
        float sum[V];
#pragma unroll
        for (int k = 0; k < V; ++k)
            sum[k] = optional(bias, c0 + k, 0.0f);
        for (int r = 0; r < taps; ++r) {
            const int l = block - r;
            if (l < 0 || l >= static_cast<int>(length))
                continue;
            const size_t at = (((b * length + l) * width + w) * taps + r) * stride + phase;
            const Pack<T, V> p = loadPack<T, V>(columns + at * channels + c0);
#pragma unroll
            for (int k = 0; k < V; ++k)
                sum[k] += toFloat(p.v[k]);
        }
        const size_t at = (b * count + f) * width * channels + static_cast<size_t>(w) * channels + c0;
        Pack<T, V> extra;
        if (addend)
            extra = loadPack<T, V>(addend + at);
        Pack<T, V> result;
#pragma unroll
        for (int k = 0; k < V; ++k) {
            float y = activation == static_cast<int>(Activation::Gelu) ? gelu(sum[k]) : sum[k];
            if (addend)
                y += toFloat(extra.v[k]);
            result.v[k] = fromFloat<T>(y);
        }
        storePack<T, V>(out + at, result);
    }
}

// Blocks along x for `elements` work items per grid row, with `rows` grid rows: a few waves in all.
unsigned blocksFor(std::int64_t elements, std::int64_t rows)
{
    const std::int64_t wanted = std::max<std::int64_t>(1, 132 * 32 / std::max<std::int64_t>(rows, 1));
    return static_cast<unsigned>(std::clamp<std::int64_t>((elements + kThreads - 1) / kThreads, 1, wanted));
}

template <class T, int V> std::string overlapAddTyped(const OverlapAddArgs& a)
{
    const std::int64_t perItem = a.count * a.width * (a.channels / V);
    const dim3 grid(blocksFor(perItem, a.batch), static_cast<unsigned>(a.batch));
    overlapAddKernel<T, V><<<grid, kThreads, 0, static_cast<cudaStream_t>(a.stream)>>>(
        static_cast<const T*>(a.columns), static_cast<T*>(a.out), static_cast<unsigned>(a.length),
        static_cast<unsigned>(a.width), static_cast<int>(a.taps), static_cast<unsigned>(a.stride),
        static_cast<unsigned>(a.channels), static_cast<unsigned>(a.offset), static_cast<unsigned>(a.count),
        static_cast<const T*>(a.bias), static_cast<int>(a.activation), static_cast<const T*>(a.addend));
    return lastError("overlapAdd");
}

template <class T> std::string overlapAddDispatch(const OverlapAddArgs& a)
{
    constexpr int widest = 16 / sizeof(T);
    int v = widest;
    while (v > 1 && (a.channels % v || !aligned(a.columns, v * sizeof(T)) || !aligned(a.out, v * sizeof(T)) ||
                     !aligned(a.addend, v * sizeof(T))))
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
// Grid (bins, (batch item, frame) rows): one thread per bin writes that bin of every plane's frame.
template <class T>
__global__ void __launch_bounds__(kThreads)
    unpackSpectrumKernel(const T* __restrict__ decoded, const float* __restrict__ mean,
                         const float* __restrict__ std, float2* __restrict__ spectrum, unsigned batch,
                         unsigned bins, unsigned frames, int planes)
{
    const unsigned padded = frames + 4, height = bins + 1;
    for (unsigned rowIndex = blockIdx.y; rowIndex < batch * padded; rowIndex += gridDim.y) {
        const unsigned b = rowIndex / padded, t = rowIndex % padded;
        const float m = mean[b], s = std[b];
        const bool frameInside = t >= 2 && t < frames + 2;
        for (unsigned f = blockIdx.x * blockDim.x + threadIdx.x; f < height; f += gridDim.x * blockDim.x) {
            const bool inside = frameInside && f < bins;
            const T* src =
                inside ? decoded + ((static_cast<size_t>(b) * bins + f) * frames + (t - 2)) * planes * 2
                       : nullptr;
            for (int p = 0; p < planes; ++p) {
                float2 value = make_float2(0.0f, 0.0f);
                if (inside) // the DC bin's imaginary part is dropped: see CudaKernels.h
                    value = make_float2(toFloat(src[2 * p]) * s + m,
                                        f == 0 ? 0.0f : toFloat(src[2 * p + 1]) * s + m);
                spectrum[((static_cast<size_t>(b) * planes + p) * padded + t) * height + f] = value;
            }
        }
    }
}

// Grid (samples, planes).
template <class T>
__global__ void __launch_bounds__(kThreads)
    overlapAddSpectrumKernel(const float* __restrict__ blocks, const float* __restrict__ window,
                             const float* __restrict__ envelope, unsigned planes, unsigned allPlanes,
                             unsigned frames, unsigned nfft, unsigned hop, unsigned start, unsigned length,
                             const T* __restrict__ time, std::int64_t timeBatch, std::int64_t timePlane,
                             std::int64_t timeSample, const float* __restrict__ timeMean,
                             const float* __restrict__ timeStd, float* __restrict__ out)
{
    const unsigned overlap = nfft / hop;
    for (unsigned plane = blockIdx.y; plane < allPlanes; plane += gridDim.y) {
        const unsigned b = plane / planes, p = plane % planes;
        const float* planeBlocks = blocks + static_cast<size_t>(plane) * frames * nfft;
        const T* planeTime = time + b * timeBatch + p * timePlane;
        const float m = timeMean[b], s = timeStd[b];
        for (unsigned i = blockIdx.x * blockDim.x + threadIdx.x; i < length; i += gridDim.x * blockDim.x) {
            const unsigned q = start + i, k = q / hop, h = q % hop;
            float sum = 0.0f;
            for (unsigned j = 0; j < overlap; ++j) {
                const int frame = static_cast<int>(k) - static_cast<int>(j);
                if (frame >= 0 && frame < static_cast<int>(frames))
                    sum += planeBlocks[static_cast<size_t>(frame) * nfft + j * hop + h] * window[j * hop + h];
            }
            const float t = toFloat(planeTime[i * timeSample]);
            out[static_cast<size_t>(plane) * length + i] = sum / envelope[i] + (t * s + m);
        }
    }
}

// Grid (positions of one batch item, batch items); a thread writes one (f, t) position's 2 * channels values.
template <class T>
__global__ void __launch_bounds__(kThreads)
    normaliseSpectrumKernel(const float* __restrict__ z, std::int64_t sb, std::int64_t sc, std::int64_t sf,
                            std::int64_t st, const float* __restrict__ mean, const float* __restrict__ std,
                            T* __restrict__ out, int channels, unsigned bins, unsigned frames)
{
    const unsigned b = blockIdx.y;
    const float m = mean[b], scale = 1.0f / (1e-5f + std[b]);
    const unsigned positions = bins * frames;
    for (unsigned p = blockIdx.x * blockDim.x + threadIdx.x; p < positions; p += gridDim.x * blockDim.x) {
        const unsigned f = p / frames, t = p % frames;
        const float* src = z + b * sb + f * sf + t * st;
        T* dst = out + (static_cast<size_t>(b) * positions + p) * 2 * channels;
        for (int c = 0; c < channels; ++c) {
            dst[2 * c] = fromFloat<T>((src[c * sc] - m) * scale);
            dst[2 * c + 1] = fromFloat<T>((src[c * sc + 1] - m) * scale);
        }
    }
}

// ---- local attention's weights ---------------------------------------------------------------------------
// One thread per (b, h, s) column; consecutive threads take consecutive s, so every row t is read coalesced.
// Two passes over t: the running maximum and sum of exponentials, then the normalised weights.
template <class T>
__global__ void __launch_bounds__(kThreads)
    attentionWeightsKernel(const T* __restrict__ dots, const T* __restrict__ decay, T* __restrict__ out,
                           unsigned columns, unsigned length, int decays, float scale)
{
    for (unsigned column = blockIdx.x * blockDim.x + threadIdx.x; column < columns;
         column += gridDim.x * blockDim.x) {
        const unsigned bh = column / length, s = column % length;
        float slope = 0.0f; // sum over f of (f + 1) * sigmoid(decay) / 2, over sqrt(F)
        for (int f = 0; f < decays; ++f)
            slope +=
                (f + 1) * sigmoid(toFloat(decay[(static_cast<size_t>(bh) * decays + f) * length + s])) * 0.5f;
        slope *= rsqrtf(static_cast<float>(decays));
        const T* in = dots + static_cast<size_t>(bh) * length * length + s;
        const auto value = [&](unsigned t) {
            return t == s ? -100.0f
                          : toFloat(in[static_cast<size_t>(t) * length]) * scale -
                                fabsf(static_cast<float>(t) - static_cast<float>(s)) * slope;
        };
        float maximum = -INFINITY, sum = 0.0f;
        for (unsigned t = 0; t < length; ++t) {
            const float v = value(t);
            if (v > maximum) {
                sum *= __expf(maximum - v);
                maximum = v;
            }
            sum += __expf(v - maximum);
        }
        const float inverse = 1.0f / sum;
        T* target = out + static_cast<size_t>(bh) * length * length + s;
        for (unsigned t = 0; t < length; ++t)
            target[static_cast<size_t>(t) * length] = fromFloat<T>(__expf(value(t) - maximum) * inverse);
    }
}

// ---- bidirectional LSTM recurrence -----------------------------------------------------------------------
// One thread-block cluster per (direction, share of the sequences); its blocks split the hidden units. The
// previous step's h is pushed into every block's shared memory of the cluster (distributed shared memory)
// and one hardware cluster barrier per step separates the steps: no global memory, no atomics on the
// step's critical path.
constexpr int kLstmThreads = 512;
constexpr int kLstmMaxSplits = 4;
constexpr int kLstmPad = 8; // halves between shared-memory rows
constexpr int kLstmCellsPerThread = 2;

#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 900
// Copies rows [0, count) x columns [u0, u0 + units) of the h buffer at `offset` from this block's shared
// memory into the same place in every other block of the cluster.
template <class Vector>
__device__ __forceinline__ void pushSlice(cooperative_groups::cluster_group& cluster, __half* hS, int offset,
                                          int count, int stride, int u0, int units, int rank, int clusterSize)
{
    constexpr int halves = sizeof(Vector) / sizeof(__half);
    const int perRow = units / halves, perBlock = count * perRow;
    for (int idx = threadIdx.x; idx < perBlock * (clusterSize - 1); idx += blockDim.x) {
        const int target = (rank + 1 + idx / perBlock) % clusterSize;
        const int row = (idx % perBlock) / perRow, chunk = idx % perRow;
        const int at = offset + row * stride + u0 + chunk * halves;
        *reinterpret_cast<Vector*>(cluster.map_shared_rank(hS + at, target)) =
            *reinterpret_cast<const Vector*>(hS + at);
    }
}
#endif

// Block `rank` of its cluster: units [rank * units, (rank + 1) * units) of direction d for sequences
// [b0, b0 + count). Shared memory: this block's W_hh rows [4 * units][hidden] half (row g * units + u is gate
// g of unit u), h [2 parities][rows][hidden] half (rows = count rounded up to 16; padding rows stay zero),
// both with rows `hidden + 8` apart (a row stride of a multiple of 128 bytes put every row of a tensor-core
// fragment load on the same banks: eight-way conflicts),
// partial gate sums [splits][rows][4 * units] float (the hidden dimension is split over warps so that every
// warp works on a short chain of products), cells [count][units] float.
__global__ void __launch_bounds__(kLstmThreads, 2)
    lstmClusterKernel(const __half* __restrict__ xproj, const __half* __restrict__ weights,
                      __half* __restrict__ out, int steps, int batch, int perCluster, int shares, int rows,
                      int hidden, int units, int splits)
{
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 900
    namespace wmma = nvcuda::wmma;
    namespace cg = cooperative_groups;
    cg::cluster_group cluster = cg::this_cluster();
    extern __shared__ __align__(128) unsigned char lstmMemory[];
    const int rank = static_cast<int>(cluster.block_rank()),
              clusterSize = static_cast<int>(cluster.num_blocks());
    const int clusterIndex = blockIdx.x / clusterSize;
    const int d = clusterIndex / shares, b0 = (clusterIndex % shares) * perCluster;
    const int count = min(perCluster, batch - b0);
    const int u0 = rank * units, n = 4 * units;
    __half* wS = reinterpret_cast<__half*>(lstmMemory);
    const int ld = hidden + kLstmPad;
    __half* hS = wS + n * ld;
    float* gS = reinterpret_cast<float*>(hS + 2 * rows * ld);
    float* cS = gS + splits * rows * n;

    const int vectorsPerRow = hidden / 8;
    for (int idx = threadIdx.x; idx < n * vectorsPerRow; idx += blockDim.x) {
        const int row = idx / vectorsPerRow, k8 = idx % vectorsPerRow;
        const int g = row / units, u = row % units;
        reinterpret_cast<int4*>(wS + row * ld)[k8] = reinterpret_cast<const int4*>(
            weights + (static_cast<size_t>(d) * 4 * hidden + g * hidden + u0 + u) * hidden)[k8];
    }
    for (int idx = threadIdx.x; idx < 2 * rows * ld / 8; idx += blockDim.x)
        reinterpret_cast<int4*>(hS)[idx] = make_int4(0, 0, 0, 0);
    for (int idx = threadIdx.x; idx < count * units; idx += blockDim.x)
        cS[idx] = 0.0f;
    cluster.sync(); // every block initialised before any writes into it

    const int warp = threadIdx.x / 32, warps = blockDim.x / 32;
    const int mTiles = rows / 16, nTiles = n / 16, kSteps = hidden / 16;
    const int items = mTiles * nTiles * splits, stepsPerSplit = (kSteps + splits - 1) / splits;
    const int cells = count * units; // at most kLstmCellsPerThread per thread (planLstm)
    // The input gates of a step do not depend on h: each step loads the next step's, so that their latency
    // hides behind this step's exchange and products.
    const auto timeOf = [&](int step) { return d == 0 ? step : steps - 1 - step; };
    float xGate[kLstmCellsPerThread][4];
    const auto loadInputGates = [&](int step) {
        const size_t t = timeOf(step);
#pragma unroll
        for (int j = 0; j < kLstmCellsPerThread; ++j) {
            const int idx = threadIdx.x + j * kLstmThreads;
            const int b = idx / units, u = idx % units;
            const __half* x = xproj + (t * batch + b0 + b) * 8 * hidden + d * 4 * hidden + u0 + u;
#pragma unroll
            for (int g = 0; g < 4; ++g)
                xGate[j][g] = idx < cells ? __half2float(x[g * hidden]) : 0.0f;
        }
    };
    loadInputGates(0);
    for (int s = 0; s < steps; ++s) {
        const int t = timeOf(s);
        const __half* h = hS + (s & 1) * rows * ld;
        if (s > 0) { // h_0 = 0
            for (int item = warp; item < items; item += warps) {
                const int split = item % splits, tile = item / splits;
                const int mt = tile / nTiles, nt = tile % nTiles;
                wmma::fragment<wmma::accumulator, 16, 16, 16, float> acc;
                wmma::fill_fragment(acc, 0.0f);
                const int k0 = split * stepsPerSplit, k1 = min(kSteps, k0 + stepsPerSplit);
                for (int k = k0; k < k1; ++k) {
                    wmma::fragment<wmma::matrix_a, 16, 16, 16, __half, wmma::row_major> a;
                    wmma::fragment<wmma::matrix_b, 16, 16, 16, __half, wmma::col_major> bw;
                    wmma::load_matrix_sync(a, h + mt * 16 * ld + k * 16, ld);
                    wmma::load_matrix_sync(bw, wS + nt * 16 * ld + k * 16, ld);
                    wmma::mma_sync(acc, a, bw, acc);
                }
                wmma::store_matrix_sync(gS + (split * rows + mt * 16) * n + nt * 16, acc, n,
                                        wmma::mem_row_major);
            }
            __syncthreads();
        }
        const int nextOffset = ((s + 1) & 1) * rows * ld;
#pragma unroll
        for (int j = 0; j < kLstmCellsPerThread; ++j) {
            const int idx = threadIdx.x + j * kLstmThreads;
            if (idx >= cells)
                break;
            const int b = idx / units, u = idx % units;
            float pre[4];
#pragma unroll
            for (int g = 0; g < 4; ++g) {
                float sum = xGate[j][g];
                if (s > 0)
                    for (int split = 0; split < splits; ++split)
                        sum += gS[(split * rows + b) * n + g * units + u];
                pre[g] = sum;
            }
            const float c = sigmoid(pre[1]) * cS[idx] + sigmoid(pre[0]) * tanhf(pre[2]);
            cS[idx] = c;
            const __half value = __float2half_rn(sigmoid(pre[3]) * tanhf(c));
            out[(static_cast<size_t>(t) * batch + b0 + b) * 2 * hidden + d * hidden + u0 + u] = value;
            hS[nextOffset + b * ld + u0 + u] = value;
        }
        if (s + 1 < steps)
            loadInputGates(s + 1);
        __syncthreads();
        // This block's slice of the next h into the other blocks, in 16- or 8-byte stores (units is a
        // multiple of 4; of 8 for the wide ones).
        if (units % 8 == 0)
            pushSlice<int4>(cluster, hS, nextOffset, count, ld, u0, units, rank, clusterSize);
        else
            pushSlice<int2>(cluster, hS, nextOffset, count, ld, u0, units, rank, clusterSize);
        cluster.sync(); // the next h is complete everywhere; nobody still reads the buffer written next
    }
#endif
}

struct LstmPlan
{
    int clusterSize = 0, units = 0, shares = 1, perCluster = 0, rows = 0, splits = 1;
    size_t shared = 0;
};

// A launch of the plan's clusters (the configuration points into this object: keep it where it is).
struct LstmLaunch
{
    cudaLaunchConfig_t config = {};
    cudaLaunchAttribute attribute = {};

    LstmLaunch(const LstmPlan& plan, cudaStream_t stream)
    {
        config.gridDim = dim3(static_cast<unsigned>(2 * plan.shares * plan.clusterSize));
        config.blockDim = dim3(kLstmThreads);
        config.dynamicSmemBytes = plan.shared;
        config.stream = stream;
        attribute.id = cudaLaunchAttributeClusterDimension;
        attribute.val.clusterDim.x = static_cast<unsigned>(plan.clusterSize);
        attribute.val.clusterDim.y = 1;
        attribute.val.clusterDim.z = 1;
        config.attrs = &attribute;
        config.numAttrs = 1;
    }
    LstmLaunch(const LstmLaunch&) = delete;
    LstmLaunch& operator=(const LstmLaunch&) = delete;
};

// Clusters of 16 blocks where the GPU allows them (8 otherwise), each block a sixteenth (eighth) of the
// hidden units; the sequences shared over as many clusters per direction as fit at once (each cluster is
// independent: if fewer fit, they run one after the other).
LstmPlan searchLstmPlan(std::int64_t batch, std::int64_t hidden)
{
    LstmPlan none;
    int device = 0, major = 0, optin = 0;
    if (batch < 1 || batch > 65535 || hidden < 16 || cudaGetDevice(&device) != cudaSuccess ||
        cudaDeviceGetAttribute(&major, cudaDevAttrComputeCapabilityMajor, device) != cudaSuccess ||
        cudaDeviceGetAttribute(&optin, cudaDevAttrMaxSharedMemoryPerBlockOptin, device) != cudaSuccess ||
        major < 9) {
        cudaGetLastError();
        return none;
    }
    if (cudaFuncSetAttribute(lstmClusterKernel, cudaFuncAttributeNonPortableClusterSizeAllowed, 1) !=
        cudaSuccess)
        cudaGetLastError();
    for (int clusterSize : {16, 8}) {
        if (hidden % (clusterSize * 4) != 0)
            continue;
        LstmPlan plan;
        plan.clusterSize = clusterSize;
        plan.units = static_cast<int>(hidden / clusterSize);
        for (int shares = static_cast<int>(std::min<std::int64_t>(8, (batch + 15) / 16)); shares >= 1;
             --shares) {
            plan.shares = shares;
            plan.perCluster = static_cast<int>((batch + shares - 1) / shares);
            if ((shares - 1) * plan.perCluster >= batch)
                continue; // a cluster without sequences
            if (plan.perCluster * plan.units > kLstmThreads * kLstmCellsPerThread)
                continue;
            plan.rows = (plan.perCluster + 15) / 16 * 16;
            const int tiles = plan.rows / 16 * (plan.units / 4), warps = kLstmThreads / 32;
            plan.splits =
                std::clamp(2 * warps / tiles, 1, std::min(kLstmMaxSplits, static_cast<int>(hidden / 16)));
            plan.shared =
                sizeof(__half) * (4 * static_cast<size_t>(plan.units) + 2 * plan.rows) * (hidden + kLstmPad) +
                sizeof(float) * (static_cast<size_t>(plan.splits) * plan.rows * 4 * plan.units +
                                 static_cast<size_t>(plan.perCluster) * plan.units);
            if (plan.shared > static_cast<size_t>(optin))
                continue;
            if (cudaFuncSetAttribute(lstmClusterKernel, cudaFuncAttributeMaxDynamicSharedMemorySize,
                                     static_cast<int>(plan.shared)) != cudaSuccess) {
                cudaGetLastError();
                continue;
            }
            const LstmLaunch launch(plan, nullptr);
            int active = 0;
            if (cudaOccupancyMaxActiveClusters(&active, lstmClusterKernel, &launch.config) != cudaSuccess) {
                cudaGetLastError();
                break; // this cluster size is not possible here
            }
            if (active >= 2 * shares) // one wave (the clusters are independent: more would run in turn)
                return plan;
        }
    }
    return none;
}

// searchLstmPlan's answer, once per (device, batch, hidden): the search queries the driver for every
// candidate, and every BLSTM layer of every eager pass asks.
LstmPlan planLstm(std::int64_t batch, std::int64_t hidden)
{
    static std::mutex mutex;
    static std::map<std::tuple<int, std::int64_t, std::int64_t>, LstmPlan> plans;
    int device = 0;
    if (cudaGetDevice(&device) != cudaSuccess) {
        cudaGetLastError();
        return {};
    }
    const std::lock_guard lock(mutex);
    const auto key = std::make_tuple(device, batch, hidden);
    if (const auto found = plans.find(key); found != plans.end())
        return found->second;
    return plans.emplace(key, searchLstmPlan(batch, hidden)).first->second;
}

} // namespace

std::string normAct(const NormActArgs& a)
{
    if (a.rows < 1 || a.rows > 65535 || a.n < 1 || a.n > INT_MAX || a.channels < 1 || a.inner < 1 ||
        a.n % (a.channels * a.inner) != 0 || a.groups < 0 || a.groups > kMaxGroups ||
        (a.groups > 0 && (a.channels % a.groups != 0 || a.sums == nullptr)) ||
        (a.activation == Activation::Glu && a.channels % 2 != 0) || a.channels > 6144 ||
        (a.addend && (a.inner != 1 || a.addendPeriod < 1)))
        return "normAct: unsupported shape";
    std::string error;
    forType(a.dtype, [&](auto tag) { error = normActDispatch<decltype(tag)>(a); });
    return error;
}

std::string overlapAdd(const OverlapAddArgs& a)
{
    if (a.batch < 1 || a.length < 1 || a.width < 1 || a.taps < 1 || a.stride < 1 || a.channels < 1 ||
        a.offset < 0 || a.count < 1 || a.activation == Activation::Glu || a.batch > 65535 ||
        a.count * a.width * a.channels > UINT_MAX || a.length * a.width * a.taps * a.stride > INT_MAX)
        return "overlapAdd: unsupported shape";
    std::string error;
    forType(a.dtype, [&](auto tag) { error = overlapAddDispatch<decltype(tag)>(a); });
    return error;
}

std::string unpackSpectrum(const UnpackSpectrumArgs& a)
{
    if (a.batch < 1 || a.bins < 1 || a.frames < 1 || a.planes < 1 ||
        a.batch * a.planes * (a.frames + 4) * (a.bins + 1) > UINT_MAX)
        return "unpackSpectrum: unsupported shape";
    const dim3 grid(blocksFor(a.bins + 1, 1),
                    static_cast<unsigned>(std::min<std::int64_t>(a.batch * (a.frames + 4), 65535)));
    const auto stream = static_cast<cudaStream_t>(a.stream);
    auto* spectrum = reinterpret_cast<float2*>(a.spectrum);
    forType(a.dtype, [&](auto tag) {
        using T = decltype(tag);
        unpackSpectrumKernel<<<grid, kThreads, 0, stream>>>(
            static_cast<const T*>(a.decoded), a.mean, a.std, spectrum, static_cast<unsigned>(a.batch),
            static_cast<unsigned>(a.bins), static_cast<unsigned>(a.frames), static_cast<int>(a.planes));
    });
    return lastError("unpackSpectrum");
}

std::string overlapAddSpectrum(const OverlapAddSpectrumArgs& a)
{
    if (a.batch < 1 || a.planes < 1 || a.frames < 1 || a.hop < 1 || a.nfft % a.hop != 0 || a.length < 1 ||
        a.start < 0 || a.start + a.length > (a.frames + a.nfft / a.hop - 1) * a.hop ||
        a.frames * a.nfft > UINT_MAX || a.batch * a.planes * a.length > UINT_MAX)
        return "overlapAddSpectrum: unsupported shape";
    const std::int64_t allPlanes = a.batch * a.planes;
    const dim3 grid(blocksFor(a.length, allPlanes),
                    static_cast<unsigned>(std::min<std::int64_t>(allPlanes, 65535)));
    const auto stream = static_cast<cudaStream_t>(a.stream);
    forType(a.timeDtype, [&](auto tag) {
        using T = decltype(tag);
        overlapAddSpectrumKernel<<<grid, kThreads, 0, stream>>>(
            a.blocks, a.window, a.envelope, static_cast<unsigned>(a.planes), static_cast<unsigned>(allPlanes),
            static_cast<unsigned>(a.frames), static_cast<unsigned>(a.nfft), static_cast<unsigned>(a.hop),
            static_cast<unsigned>(a.start), static_cast<unsigned>(a.length), static_cast<const T*>(a.time),
            a.timeStrides[0], a.timeStrides[1], a.timeStrides[2], a.timeMean, a.timeStd, a.out);
    });
    return lastError("overlapAddSpectrum");
}

std::string normaliseSpectrum(const NormaliseSpectrumArgs& a)
{
    if (a.batch < 1 || a.batch > 65535 || a.channels < 1 || a.bins < 1 || a.frames < 1 ||
        a.bins * a.frames > UINT_MAX)
        return "normaliseSpectrum: unsupported shape";
    const dim3 grid(blocksFor(a.bins * a.frames, a.batch), static_cast<unsigned>(a.batch));
    const auto stream = static_cast<cudaStream_t>(a.stream);
    forType(a.dtype, [&](auto tag) {
        using T = decltype(tag);
        normaliseSpectrumKernel<<<grid, kThreads, 0, stream>>>(
            a.z, a.strides[0], a.strides[1], a.strides[2], a.strides[3], a.mean, a.std,
            static_cast<T*>(a.out), static_cast<int>(a.channels), static_cast<unsigned>(a.bins),
            static_cast<unsigned>(a.frames));
    });
    return lastError("normaliseSpectrum");
}

std::string attentionWeights(const AttentionWeightsArgs& a)
{
    const std::int64_t columns = a.batch * a.heads * a.length;
    if (a.batch < 1 || a.heads < 1 || a.length < 1 || a.decays < 1 || columns > UINT_MAX ||
        columns * a.length > (std::int64_t{1} << 40))
        return "attentionWeights: unsupported shape";
    const auto stream = static_cast<cudaStream_t>(a.stream);
    forType(a.dtype, [&](auto tag) {
        using T = decltype(tag);
        attentionWeightsKernel<<<blocksFor(columns, 1), kThreads, 0, stream>>>(
            static_cast<const T*>(a.dots), static_cast<const T*>(a.decay), static_cast<T*>(a.out),
            static_cast<unsigned>(columns), static_cast<unsigned>(a.length), static_cast<int>(a.decays),
            a.scale);
    });
    return lastError("attentionWeights");
}

bool lstmFits(std::int64_t batch, std::int64_t hidden)
{
    return planLstm(batch, hidden).units > 0;
}

std::string lstmRecurrence(const LstmArgs& a)
{
    const LstmPlan plan = planLstm(a.batch, a.hidden);
    if (plan.units == 0 || a.steps < 1)
        return "lstmRecurrence: this shape does not fit the GPU";
    // The kernel's shared-memory limit is per function: another shape's plan may have set a smaller one.
    if (cudaFuncSetAttribute(lstmClusterKernel, cudaFuncAttributeMaxDynamicSharedMemorySize,
                             static_cast<int>(plan.shared)) != cudaSuccess)
        return lastError("lstmRecurrence: shared memory");
    const LstmLaunch launch(plan, static_cast<cudaStream_t>(a.stream));
    cudaLaunchKernelEx(&launch.config, lstmClusterKernel, static_cast<const __half*>(a.xproj),
                       static_cast<const __half*>(a.weights), static_cast<__half*>(a.out),
                       static_cast<int>(a.steps), static_cast<int>(a.batch), plan.perCluster, plan.shares,
                       plan.rows, static_cast<int>(a.hidden), plan.units, plan.splits);
    return lastError("lstmRecurrence");
}

} // namespace stemcrate::model::cuda
