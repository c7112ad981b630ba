#pragma once
// Fused CUDA kernels for HDemucs's memory-bound stretches (BENCHMARKS.md: libtorch's generic elementwise
// kernels were half of a float16 pass on an H100). Plain launchers over raw device pointers: this header
// includes neither torch nor CUDA, so it is compiled by nvcc (CudaKernels.cu) and by the C++ side
// (FusedCuda.cpp, which checks shapes and layouts and passes tensors' pointers).
//
// Element types: float32, float16, bfloat16 (DType); every kernel computes in float32. Pointers are device
// pointers; `stream` is a cudaStream_t. Each launcher returns an empty string or the CUDA error it met.
// Callers own every buffer; nothing is kept between calls. Any thread; the launch is asynchronous on
// `stream`.

#include <cstdint>
#include <string>

namespace stemcrate::model::cuda {

enum class DType
{
    Float32,
    Float16,
    BFloat16
};
enum class Activation
{
    None,
    Gelu,
    Glu
};

// Normalise-and-activate over `rows` independent rows of `n` elements each (row r at x + r * n). Within
// a row the layout is [P, channels, inner]: element i belongs to channel (i / inner) % channels.
//   y = x + convBias[c]                                   (the preceding convolution's bias, optional)
//   y = GroupNorm(groups)(y) * weight[c] + bias[c]         (groups == 0: no normalisation)
//   y = activation(y)                                      (GLU halves the channels: first * sigmoid(second))
//   out = residual + scale[c'] * y + addend[p / period][c']  (optional LayerScale, residual, addend)
// Statistics are per (row, group) over the row's n / groups values of that group, accumulated in double.
// `sums` is scratch of rows * groups * 2 doubles, zeroed by the launcher. `out` has the output layout
// [P, channels', inner] per row (channels' = channels / 2 for GLU), as does `residual`.
struct NormActArgs
{
    DType dtype = DType::Float32;
    const void* x = nullptr;
    void* out = nullptr;
    std::int64_t rows = 0;
    std::int64_t n = 0;
    std::int64_t channels = 0;
    std::int64_t inner = 1;
    int groups = 0; // 0..4
    float eps = 1e-5f;
    const void* convBias = nullptr; // [channels] or null
    const void* weight = nullptr;   // [channels] or null (GroupNorm's affine)
    const void* bias = nullptr;     // [channels] or null
    Activation activation = Activation::None;
    const void* scale = nullptr;    // [channels'] or null
    const void* residual = nullptr; // like out, or null
    // Added last, per (position / addendPeriod, output channel): [P / addendPeriod][channels'] values, for
    // rows laid out [P, channels'] (inner == 1), e.g. the frequency embedding over a [F, T, C] row. Or null.
    const void* addend = nullptr;
    std::int64_t addendPeriod = 1;
    double* sums = nullptr; // rows * groups * 2
    void* stream = nullptr;
};
std::string normAct(const NormActArgs& a);

// The overlap-add that finishes a transposed convolution done as one GEMM (kernel K = taps * stride):
// `columns` is the GEMM's output [B, L, W, taps, stride, channels] (input position l, other axis w), and
//   out[b, f, w, c] = bias[c] + sum over taps r of columns[b, (offset + f) / stride - r, w, r,
//                                                     (offset + f) % stride, c]
// for f in [0, count), i.e. the convolution's output along the axis, cropped to [offset, offset + count),
// then optionally GELU, then plus `addend`. `out` is [B, count, W, channels].
struct OverlapAddArgs
{
    DType dtype = DType::Float32;
    const void* columns = nullptr;
    void* out = nullptr;
    std::int64_t batch = 0, length = 0, width = 0;
    std::int64_t taps = 0, stride = 0, channels = 0;
    std::int64_t offset = 0, count = 0;
    const void* bias = nullptr;               // [channels] or null
    Activation activation = Activation::None; // None or Gelu
    const void* addend = nullptr;             // like out, added last (the next decoder's skip), or null
    void* stream = nullptr;
};
std::string overlapAdd(const OverlapAddArgs& a);

// The decoder's spectrogram into the inverse FFT's input, denormalised. `decoded` is [B, bins, frames,
// planes * 2] (channels-last: (real, imaginary) pairs of each plane innermost) in `dtype`; mean and std are
// B float32 values. Writes every value of `spectrum`, complex float32 [B * planes, frames + 4, bins + 1]:
//   spectrum[b * planes + p, t + 2, f] = decoded[b, f, t, 2p .. 2p + 1] * std[b] + mean[b]
// and zero in the two frames at each end and in the top bin. The DC bin's imaginary part is zero too: the
// decoder does not produce a Hermitian spectrum, and a real inverse FFT must ignore that part, as the CPU's
// (pocketfft, so torchaudio's reference) does; cuFFT does not (pytorch#154496), which put the CUDA engine
// 3e-3 (relative L2) away from the CPU's.
struct UnpackSpectrumArgs
{
    DType dtype = DType::Float32;
    const void* decoded = nullptr;
    const float* mean = nullptr;
    const float* std = nullptr;
    float* spectrum = nullptr;
    std::int64_t batch = 0, bins = 0, frames = 0, planes = 0;
    void* stream = nullptr;
};
std::string unpackSpectrum(const UnpackSpectrumArgs& a);

// The inverse STFT's overlap-add, window and envelope, plus the time branch's denormalised output:
//   out[b * planes + p, i] = sum over j of blocks[b * planes + p, k - j, j * hop + h] * window[j * hop + h]
//                             / envelope[i]
//                           + time[b, p, i] * timeStd[b] + timeMean[b]
// with k * hop + h = start + i and 0 <= k - j < frames. blocks: float32 [B * planes, frames, nfft] (the
// inverse FFT of each frame), window: float32 [nfft], envelope: float32 [length]. `time` is in `timeDtype`
// at element strides (timeStrides[0] per b, [1] per plane, [2] per sample). out: float32
// [B * planes, length].
struct OverlapAddSpectrumArgs
{
    const float* blocks = nullptr;
    const float* window = nullptr;
    const float* envelope = nullptr;
    std::int64_t batch = 0, planes = 0, frames = 0, nfft = 0, hop = 0, start = 0, length = 0;
    DType timeDtype = DType::Float32;
    const void* time = nullptr;
    std::int64_t timeStrides[3] = {0, 0, 0};
    const float* timeMean = nullptr;
    const float* timeStd = nullptr;
    float* out = nullptr;
    void* stream = nullptr;
};
std::string overlapAddSpectrum(const OverlapAddSpectrumArgs& a);

// The model's input: the mixture's spectrogram z (complex float32 [B, channels, bins, frames] at any
// strides, given in floats; real and imaginary parts adjacent), normalised per batch item and laid out
// channels-last as the encoder reads it: out[b, f, t, 2c + k] = (part k of z[b, c, f, t] - mean[b]) /
// (1e-5 + std[b]), in `dtype`, [B, bins, frames, 2 * channels] contiguous.
struct NormaliseSpectrumArgs
{
    DType dtype = DType::Float32;
    const float* z = nullptr;
    std::int64_t strides[4] = {0, 0, 0, 0}; // per b, c, f, t, in floats
    const float* mean = nullptr;
    const float* std = nullptr;
    void* out = nullptr;
    std::int64_t batch = 0, channels = 0, bins = 0, frames = 0;
    void* stream = nullptr;
};
std::string normaliseSpectrum(const NormaliseSpectrumArgs& a);

// The local attention's weights (torchaudio's _LocalState): for every column s of dots [B, H, T, T] (in
// `dtype`), a softmax over t of
//   dots[b, h, t, s] * scale - |t - s| * sum over f of (f + 1) * sigmoid(decay[b, h, f, s]) / 2 / sqrt(F)
// with the diagonal (t == s) set to -100 first; decay: [B, H, F, T] in `dtype`. Written to `out` like dots.
// One thread per column: no [F, T, T] decay kernel, no materialised sums.
struct AttentionWeightsArgs
{
    DType dtype = DType::Float32;
    const void* dots = nullptr;
    const void* decay = nullptr;
    void* out = nullptr;
    std::int64_t batch = 0, heads = 0, length = 0, decays = 0;
    float scale = 1.0f;
    void* stream = nullptr;
};
std::string attentionWeights(const AttentionWeightsArgs& a);

// The recurrence of one bidirectional LSTM layer in float16, both directions at once, in one launch of
// thread-block clusters (Hopper and later): each cluster runs one direction for a share of the sequences,
// its blocks split the hidden units and keep their slice of W_hh in shared memory, compute their gates with
// tensor cores from the previous h, update their cells and push their part of the new h into every block
// of the cluster; one cluster barrier per step. cuDNN launches per step (or runs the directions one after
// the other); a few hundred steps of a small recurrence are latency, not arithmetic. All float16.
// Zero initial state. lstmFits() says whether this GPU runs the shape; if not, the caller uses cuDNN.
struct LstmArgs
{
    // [steps, batch, 2, 4, hidden]: x W_ih^T + b_ih + b_hh of both directions, gates i, f, g, o
    const void* xproj = nullptr;
    const void* weights = nullptr; // [2, 4 * hidden, hidden]: W_hh of both directions
    void* out = nullptr;           // [steps, batch, 2 * hidden], forward direction first (torch's order)
    std::int64_t steps = 0, batch = 0, hidden = 0;
    void* stream = nullptr;
};
bool lstmFits(std::int64_t batch, std::int64_t hidden);
std::string lstmRecurrence(const LstmArgs& a);

} // namespace stemcrate::model::cuda
