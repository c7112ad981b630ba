#include "analysis/OnsetStrength.h"

#include "analysis/AubioHandles.h"
#include "analysis/RealFft.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>

namespace stemcrate::analysis {

namespace {
// Log compression before the flux (as aubio_onset's "compression"): quiet hi-hats count next to loud kicks.
constexpr float kLogLambda = 10.0f;
constexpr int kLag = 2; // hops between the frames compared: 75 % overlapping windows barely differ at 1
// Where in the window an onset sits when the flux peaks, measured on clicks and drum hits: the envelope
// value of hop h (window ending at (h + 1) * hop) peaks for an onset this many frames before that end.
constexpr double kPeakLagFrames = 501.0;

// ln(1 + x) for x >= 0 to about 2e-5: the exponent from the float's bits plus a polynomial for the
// mantissa. std::log1p cost a third of this pass; this one vectorises.
inline float fastLn1p(float x)
{
    const uint32_t bits = std::bit_cast<uint32_t>(1.0f + x);
    const auto exponent = static_cast<float>(static_cast<int>(bits >> 23) - 127);
    const float t = std::bit_cast<float>((bits & 0x007FFFFFu) | 0x3F800000u) - 1.5f; // mantissa - 1.5
    const float log2Mantissa =
        0.584954284f +
        t * (0.961814784f +
             t * (-0.31991936f + t * (0.141848743f + t * (-0.0791503658f + t * 0.0434289078f))));
    return (exponent + log2Mantissa) * 0.693147181f;
}

} // namespace

OnsetStrength OnsetStrength::compute(const float* mono, int64_t count, int sampleRate, HarmonyPass harmony)
{
    OnsetStrength result;
    result.m_sampleRate = sampleRate;
    const int64_t hops = count / kHopFrames;
    if (hops <= 0 || sampleRate <= 0)
        return result;

    aubio::Fft fft(new_aubio_fft(kWindowFrames));
    aubio::Fvec frame(new_fvec(kWindowFrames));
    aubio::Fvec complexSpectrum(new_fvec(kWindowFrames));
    aubio::Cvec spectrum(new_cvec(kWindowFrames));
    if (!fft || !frame || !complexSpectrum || !spectrum)
        return result;

    const int bins = kWindowFrames / 2 + 1;
    const auto bandBins = [&](double hz) {
        return std::clamp(static_cast<int>(std::ceil(hz * kWindowFrames / sampleRate)) + 1, 2, bins);
    };
    const int bodyBins = bandBins(kBodyBandHz);
    const int lowBins = bandBins(kLowBandHz);
    // Below ~300 Hz a bin is several semitones wide and kick drums sweep across a few of them.
    const int sweepBins = bandBins(300.0);
    const std::vector<float> window = RealFft::hannWindow(kWindowFrames);
    // SuperFlux (Boeck & Widmer 2013): compare with the maximum over neighbouring bins kLag hops back, so a
    // sliding pitch (a kick drum's sweep, vibrato) does not read as new onsets.
    std::vector<std::vector<float>> history(kLag, std::vector<float>(static_cast<size_t>(bins), 0.0f));
    std::vector<float> reference(static_cast<size_t>(bins), 0.0f);
    std::vector<float> logMagnitude(static_cast<size_t>(bins), 0.0f);
    std::vector<float> rise(static_cast<size_t>(bins), 0.0f);

    result.m_flux.resize(static_cast<size_t>(hops));
    result.m_bodyFlux.resize(static_cast<size_t>(hops));
    result.m_lowFlux.resize(static_cast<size_t>(hops));
    result.m_energy.resize(static_cast<size_t>(hops));
    result.m_bandEnergy.resize(static_cast<size_t>(hops * kBands));
    std::array<int, kBands - 1> bandEdges{};
    for (int b = 0; b < kBands - 1; ++b)
        bandEdges[static_cast<size_t>(b)] = bandBins(kBandEdgesHz[b]);
    for (int64_t h = 0; h < hops; ++h) {
        // The window ends at the end of hop h; before the signal starts it reads zeros.
        const int64_t end = (h + 1) * kHopFrames;
        const int64_t start = end - kWindowFrames;
        // Plain loops over local pointers (no branch per sample, no aliasing to fear): they vectorise.
        const int lead = static_cast<int>(std::clamp<int64_t>(-start, 0, kWindowFrames));
        float* __restrict framed = frame->data;
        const float* __restrict weights = window.data();
        std::fill(framed, framed + lead, 0.0f);
        for (int i = lead; i < kWindowFrames; ++i)
            framed[i] = weights[i] * mono[start + i];
        double energy = 0.0;
        for (int64_t t = end - kHopFrames; t < end; ++t)
            energy += static_cast<double>(mono[t]) * mono[t];
        aubio_fft_do_complex(fft.get(), frame.get(), complexSpectrum.get());
        aubio_fft_get_norm(complexSpectrum.get(), spectrum.get());
        const smpl_t* norm = spectrum->norm;
        // Simple loops over plain arrays, so the compiler vectorises them.
        for (int k = 0; k < bins; ++k)
            logMagnitude[static_cast<size_t>(k)] = fastLn1p(kLogLambda * norm[k]);
        // The loudest of each bin's neighbours (3 either side below sweepBins, else 1) two hops back, and
        // at least 0. A maximum is exact whatever the order it is taken in, so the wide and the narrow
        // neighbourhoods are separate loops, the narrow one branch-free.
        const float* __restrict oldest = history[static_cast<size_t>(h % kLag)].data();
        float* __restrict nearest = reference.data();
        for (int k = 0; k < std::min(sweepBins, bins); ++k) {
            float m = 0.0f;
            for (int j = std::max(0, k - 3); j <= std::min(bins - 1, k + 3); ++j)
                m = std::max(m, oldest[j]);
            nearest[k] = m;
        }
        for (int k = std::max(sweepBins, 1); k < bins - 1; ++k)
            nearest[k] = std::max(std::max(0.0f, oldest[k - 1]), std::max(oldest[k], oldest[k + 1]));
        if (sweepBins < bins)
            nearest[bins - 1] = std::max(std::max(0.0f, oldest[bins - 2]), oldest[bins - 1]);
        for (int k = 0; k < bins; ++k)
            rise[static_cast<size_t>(k)] =
                std::max(0.0f, logMagnitude[static_cast<size_t>(k)] - reference[static_cast<size_t>(k)]);
        history[static_cast<size_t>(h % kLag)].swap(logMagnitude); // the oldest becomes the newest
        const auto sum = [&](int from, int to) {
            float total = 0.0f;
            for (int k = from; k < to; ++k)
                total += rise[static_cast<size_t>(k)];
            return total;
        };
        const float low = sum(0, lowBins);
        const float body = low + sum(lowBins, bodyBins);
        const float full = body + sum(bodyBins, bins);
        float* bands = result.m_bandEnergy.data() + h * kBands;
        for (int b = 0, k = 0; b < kBands; ++b) {
            const int edge = b < kBands - 1 ? bandEdges[static_cast<size_t>(b)] : bins;
            float level = 0.0f; // in a register: the same sums in the same order as adding into bands[b]
            for (; k < edge; ++k)
                level += norm[k] * norm[k];
            bands[b] = level;
        }
        result.m_flux[static_cast<size_t>(h)] = full;
        result.m_bodyFlux[static_cast<size_t>(h)] = body;
        result.m_lowFlux[static_cast<size_t>(h)] = low;
        result.m_energy[static_cast<size_t>(h)] = static_cast<float>(energy / kHopFrames);
    }
    if (harmony == HarmonyPass::Compute)
        result.m_harmony = HarmonicChange::compute(mono, count, sampleRate);
    return result;
}

double OnsetStrength::audioFrame(double index) const
{
    return (index + 1.0) * kHopFrames - kPeakLagFrames;
}

double OnsetStrength::indexOfAudioFrame(double frame) const
{
    return (frame + kPeakLagFrames) / kHopFrames - 1.0;
}

} // namespace stemcrate::analysis
