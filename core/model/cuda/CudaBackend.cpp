#include "model/cuda/CudaBackend.h"

#include "model/ForwardState.h"
#include "model/HDemucsConfig.h"
#include "model/cuda/ConvPlanners.h"
#include "model/cuda/FusedCuda.h"

#include <torch/torch.h>

#include <cmath>

namespace stemcrate::model {

namespace {

constexpr auto kChannelsLast = torch::MemoryFormat::ChannelsLast;

// cuDNN's convolution (conv1d for 3-d x, conv2d for 4-d), through the pass's planners while a graph's
// capture is being prepared (cuda/ConvPlanners.h).
torch::Tensor convolve(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias,
                       at::IntArrayRef stride, at::IntArrayRef padding, at::IntArrayRef dilation)
{
    if (ConvPlanners* planners = ConvPlanners::current())
        return planners->convolve(x, weight, bias, stride, padding, dilation);
    return ConvPlanners::direct(x, weight, bias, stride, padding, dilation);
}

class CudaBackend final : public Backend
{
public:
    PreparedConv prepareConv(const ConvSpec& s, const at::Tensor& weight,
                             const at::Tensor& bias) const override
    {
        PreparedConv p;
        p.spec = s;
        p.weight = weight;
        p.bias = bias;
        if (s.transposed && s.kernel % s.stride == 0)
            p.tapMajor =
                weight.view({s.in, s.out, s.kernel}).permute({0, 2, 1}).reshape({s.in, s.kernel * s.out});
        if (s.twoD && s.square)
            p.middleRow = weight.narrow(2, s.padding, 1);
        return p;
    }

    PreparedLstm prepareLstm(const torch::nn::LSTM& lstm) const override
    {
        PreparedLstm p;
        p.weights = lstm->all_weights();
        p.layers = lstm->options.num_layers();
        return p;
    }

    // cuDNN's buffer only where cuDNN runs the LSTM: making it loads cuDNN's RNN code on a cold process.
    void placeLstm(torch::nn::LSTM& lstm) const override
    {
        if (!fused::lstmRunsFused(lstm->all_weights().front().options(), lstm->options.hidden_size()))
            lstm->flatten_parameters();
    }

    // [B, C, L] as channels-last [B, C, 1, L] (the identical memory of [B, L, C]), so the time branch's
    // convolutions run as cuDNN's NHWC kernels and its DConv as rows like the frequency branch's.
    // Four-dimensional inputs ([B, C, 1, T] from the frequency branch) only become channels-last.
    at::Tensor timeLayout(const at::Tensor& x) const override
    {
        return (x.dim() == 3 ? x.unsqueeze(2) : x).contiguous(kChannelsLast);
    }

    at::Tensor frequencyLayout(const at::Tensor& x) const override { return x.contiguous(kChannelsLast); }

    bool addsNextSkip() const override { return true; }

    NormalisedSpectrum normaliseSpectrum(const at::Tensor& z, at::ScalarType dtype) const override
    {
        // The statistics over the real/imaginary parts as they lie (the same values), then one kernel writes
        // the normalised, channels-last input in the compute dtype.
        const torch::Tensor parts = torch::view_as_real(z);
        NormalisedSpectrum out;
        out.mean = parts.mean({1, 2, 3, 4}, true);
        out.std = parts.std({1, 2, 3, 4}, /*unbiased*/ true, true);
        out.x = fused::normaliseSpectrum(z, out.mean, out.std, dtype).contiguous(kChannelsLast);
        return out;
    }

    at::Tensor waveforms(const HDemucsConfig& config, const NormalisedSpectrum& spectrum,
                         const at::Tensor& decoded, const at::Tensor& time, const at::Tensor& timeMean,
                         const at::Tensor& timeStd, int64_t length, ForwardState& state) const override
    {
        // torchaudio's _ispec in three launches: the spectrum's frames (denormalised, zero-padded), the
        // inverse FFT, then the overlap-add with the window and envelope plus the time branch's denormalised
        // output.
        const int64_t hl = config.hopLength(), nfft = config.nfft;
        const int64_t S = static_cast<int64_t>(config.sources.size());
        const int64_t planes = S * config.audioChannels;
        TORCH_CHECK(decoded.size(1) == planes * 2 && decoded.size(2) + 1 == nfft / 2 + 1,
                    "HDemucs: unexpected decoder output shape");
        const torch::Tensor frames = fused::unpackSpectrum(decoded.contiguous(kChannelsLast), planes,
                                                           spectrum.mean.view({-1}), spectrum.std.view({-1}));
        // istft's "normalized" inverse is the unscaled one times 1/sqrt(nfft): the factor rides in the window
        // (libtorch applies "ortho" as a separate pass over all frames, a millisecond at batch 24).
        const torch::Tensor blocks = torch::fft_irfft(frames, nfft, -1, "forward");
        const int64_t count = frames.size(1);
        const int64_t start = nfft / 2 + hl / 2 * 3; // centred istft, plus torchaudio's spec() padding
        const torch::Tensor& window =
            state.window(nfft, std::sqrt(static_cast<double>(nfft)), blocks.scalar_type(), blocks.device());
        return fused::overlapAddSpectrum(
                   blocks, window, state.envelope(config, count, start, length, decoded.device()), hl, start,
                   length, time.squeeze(2), timeMean.view({-1}), timeStd.view({-1}))
            .view({decoded.size(0), S, -1, length});
    }

    at::Tensor conv(const PreparedConv& c, const at::Tensor& x, ForwardState&) const override
    {
        const ConvSpec& s = c.spec;
        TORCH_CHECK(!s.twoD && !s.transposed && x.dim() == 3, "HDemucs: CudaBackend::conv is for [B, C, L]");
        return convolve(x, c.weight, c.bias, {s.stride}, {s.padding}, {s.dilation});
    }

    at::Tensor convAct(const PreparedConv& c, const at::Tensor& x, NormAct after, const at::Tensor& inject,
                       ForwardState&) const override
    {
        torch::Tensor y = forwardNoBias(c, x);
        if (inject.defined()) {
            TORCH_CHECK(inject.size(-1) == y.size(-1), "HDemucs: injection shapes do not align");
            y = y + timeLayout(inject);
        }
        after.convBias = c.bias;
        return fused::normAct(y, after);
    }

    at::Tensor convRowsAct(const PreparedConv& c, const at::Tensor& x, const NormAct& after) const override
    {
        const ConvSpec& s = c.spec;
        TORCH_CHECK(!s.twoD && !s.transposed && s.stride == 1, "HDemucs: not a row-wise convolution");
        torch::Tensor y;
        if (s.kernel == 1) {
            const int64_t B = x.size(0), R = x.size(2), T = x.size(3);
            const torch::Tensor rows = x.permute({0, 2, 3, 1}).reshape({-1, s.in});
            y = torch::mm(rows, c.weight.view({s.out, s.in}).t())
                    .view({B, R, T, s.out})
                    .permute({0, 3, 1, 2});
        } else {
            y = convolve(x, c.weight.unsqueeze(2), {}, {1, 1}, {0, s.padding}, {1, s.dilation});
        }
        return fused::normAct(y, after);
    }

    at::Tensor addConvAct(const PreparedConv& c, const at::Tensor& x, const at::Tensor& skip,
                          const NormAct& after, ForwardState& state) const override
    {
        // An undefined skip: the previous layer added it already (addsNextSkip).
        return convAct(c, skip.defined() ? x + skip : x, after, {}, state);
    }

    // Channels-last in and out: [B, C, L, W] along L (2-d) or [B, C, 1, L] along L (1-d). One GEMM of the
    // input rows by the tap-major weight, then one kernel adds the taps and the bias, crops, applies GELU and
    // adds the next skip (fused::overlapAdd). cuDNN's own transposed kernel took 77 ms for one float16 layer
    // (BENCHMARKS.md, an earlier session).
    at::Tensor transposedAct(const PreparedConv& c, const at::Tensor& y, const NormAct& norm, int64_t offset,
                             int64_t count, bool gelu, const at::Tensor& nextSkip) const override
    {
        const int64_t axis = c.spec.twoD ? 2 : 3;
        if (norm.groups) {
            // The norm sees the whole output, as in torchaudio, which crops after it; GELU commutes with the
            // crop.
            const int64_t full = (y.size(axis) - 1) * c.spec.stride + c.spec.kernel;
            NormAct op = norm;
            op.activation = gelu ? Activation::Gelu : Activation::None;
            torch::Tensor z = fused::normAct(transposed(c, y, 0, full, false, {}), op);
            z = z.slice(axis, offset, offset + count).contiguous(kChannelsLast);
            return nextSkip.defined() ? z + nextSkip : z;
        }
        const torch::Tensor addend =
            nextSkip.defined() ? nextSkip.contiguous(kChannelsLast) : torch::Tensor();
        const torch::Tensor z = transposed(c, y, offset, count, gelu, addend);
        TORCH_CHECK(!nextSkip.defined() || nextSkip.sizes() == z.sizes(),
                    "HDemucs: the next skip does not match the decoder output");
        return z;
    }

    at::Tensor lstm(const PreparedLstm& l, const at::Tensor& x) const override
    {
        return fused::bidirectionalLstm(x, l.weights, l.layers);
    }

    at::Tensor attentionWeights(at::Tensor dots, const at::Tensor& decay, int64_t ndecay,
                                int64_t headChannels) const override
    {
        TORCH_CHECK(ndecay > 0 && decay.defined(), "HDemucs: the CUDA attention kernel needs the decay");
        // Scale, decay, mask and softmax in one kernel.
        return fused::attentionWeights(dots, decay, 1.0 / std::sqrt(static_cast<double>(headChannels)));
    }

private:
    // 2-d convolutions take channels-last [B, C, F, T]; 1-d ones take channels-last [B, C, 1, L] (a [1, K]
    // window) or, inside the DConv layers with an LSTM or attention, contiguous [B, C, L]. Without the bias:
    // the fused kernel after it adds it.
    static torch::Tensor forwardNoBias(const PreparedConv& c, const torch::Tensor& x)
    {
        const ConvSpec& s = c.spec;
        TORCH_CHECK(!s.transposed, "HDemucs: a transposed convolution is transposedAct's");
        if (!s.twoD) {
            if (x.dim() == 3)
                return convolve(x, c.weight, {}, {s.stride}, {s.padding}, {s.dilation});
            return convolve(x, c.weight.unsqueeze(2), {}, {1, s.stride}, {0, s.padding}, {1, s.dilation});
        }
        if (!s.square)
            return convolve(x, c.weight, {}, {s.stride, 1}, {s.padding, 0}, {s.dilation, 1});
        // On a single frequency row only the kernel's middle row meets data (CpuBackend's forward).
        if (x.size(2) == 1 && s.stride == 1 && s.padding * 2 + 1 == s.kernel)
            return convolve(x, c.middleRow, {}, {1, 1}, {0, s.padding}, {1, s.dilation});
        return convolve(x, c.weight, {}, {s.stride, s.stride}, {s.padding, s.padding},
                        {s.dilation, s.dilation});
    }

    static torch::Tensor transposed(const PreparedConv& c, const torch::Tensor& x, int64_t offset,
                                    int64_t count, bool gelu, const torch::Tensor& addend)
    {
        const ConvSpec& s = c.spec;
        TORCH_CHECK(c.tapMajor.defined(),
                    "HDemucs: transposed convolution's kernel must be a multiple of its stride");
        const int64_t B = x.size(0), Ci = x.size(1);
        const int64_t L = s.twoD ? x.size(2) : x.size(3), W = s.twoD ? x.size(3) : 1;
        const int64_t Co = s.out, S = s.stride, K = s.kernel;
        const torch::Tensor rows = x.permute({0, 2, 3, 1}).reshape({B * L * W, Ci});
        const torch::Tensor y = fused::overlapAdd(torch::mm(rows, c.tapMajor), B, L, W, K / S, S, Co, offset,
                                                  count, c.bias, gelu, addend);
        return (s.twoD ? y : y.view({B, 1, count, Co})).permute({0, 3, 1, 2});
    }
};

} // namespace

const Backend& cudaBackend()
{
    static const CudaBackend backend;
    return backend;
}

} // namespace stemcrate::model
