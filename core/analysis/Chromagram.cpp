#include "analysis/Chromagram.h"

#include "analysis/MonoMix.h"
#include "analysis/RealFft.h"
#include "analysis/SpectralPeak.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace stemcrate::analysis {

namespace {
constexpr double kBassMaxHz = 260.0;

// A local maximum of the magnitude spectrum at bin k: its height and its position in bins, refined by a
// parabola through the three bins. False where bin k is not a peak.
bool spectralPeak(const std::vector<float>& magnitude, int k, double& bin, float& height)
{
    const float a = magnitude[static_cast<size_t>(k - 1)], b = magnitude[static_cast<size_t>(k)],
                c = magnitude[static_cast<size_t>(k + 1)];
    if (b <= a || b <= c)
        return false;
    bin = parabolicPeakBin(k, a, b, c);
    height = b;
    return true;
}
} // namespace

Chromagram Chromagram::compute(const float* mono, int64_t count, int sampleRate)
{
    Chromagram result;
    result.m_sampleRate = sampleRate;
    if (count <= 0 || sampleRate <= 0)
        return result;
    const std::vector<float> decimated = decimate(mono, count, kDecimation);
    const double rate = static_cast<double>(sampleRate) / kDecimation;
    const int64_t n = static_cast<int64_t>(decimated.size());
    const int64_t frames = n >= kFftSize ? 1 + (n - kFftSize) / kHopSize : (n > 0 ? 1 : 0);

    RealFft fft(kFftSize);
    const std::vector<float> window = RealFft::hannWindow(kFftSize);
    std::vector<float> buffer(static_cast<size_t>(kFftSize));
    const int bins = fft.bins();
    const int firstBin = std::max(1, static_cast<int>(std::floor(kMinHz * kFftSize / rate)));
    const int lastBin = std::min(bins - 2, static_cast<int>(std::ceil(kMaxHz * kFftSize / rate)));
    std::vector<std::vector<float>> spectra(static_cast<size_t>(frames),
                                            std::vector<float>(static_cast<size_t>(bins)));

    // Pass 1: spectra, and the tuning from where the peaks sit between semitones (circular mean).
    double tuningX = 0.0, tuningY = 0.0;
    for (int64_t f = 0; f < frames; ++f) {
        const int64_t start = f * kHopSize;
        for (int i = 0; i < kFftSize; ++i) {
            const int64_t t = start + i;
            buffer[static_cast<size_t>(i)] =
                t < n ? decimated[static_cast<size_t>(t)] * window[static_cast<size_t>(i)] : 0.0f;
        }
        std::vector<float>& magnitude = spectra[static_cast<size_t>(f)];
        fft.magnitudes(buffer.data(), magnitude.data());
        for (int k = firstBin; k <= lastBin; ++k) {
            double bin = 0.0;
            float b = 0.0f;
            if (!spectralPeak(magnitude, k, bin, b))
                continue;
            const double deviation = midiOf(bin * rate / kFftSize);
            const double angle = 2.0 * std::numbers::pi * (deviation - std::round(deviation));
            tuningX += b * std::cos(angle);
            tuningY += b * std::sin(angle);
        }
    }
    result.m_tuning =
        (tuningX != 0.0 || tuningY != 0.0) ? std::atan2(tuningY, tuningX) / (2.0 * std::numbers::pi) : 0.0;

    // Pass 2: spectral peaks (log-compressed) folded onto pitch classes. Only peaks count, so a note's
    // main lobe does not smear into neighbouring pitch classes; and only peaks within kPeakFloor of the
    // frame's strongest go into the chroma: the Hann window's side lobes (-31 dB, a semitone or more away
    // from a bass note) and noise peaks are local maxima too, and the log weight would count them almost
    // as much as the notes. The tonality measure still sees every peak (drums are many weak ones).
    result.m_frames.resize(static_cast<size_t>(frames));
    result.m_bassFrames.resize(static_cast<size_t>(frames));
    double onGrid = 0.0, weights = 0.0;
    for (int64_t f = 0; f < frames; ++f) {
        const std::vector<float>& magnitude = spectra[static_cast<size_t>(f)];
        float strongest = 0.0f;
        for (int k = firstBin; k <= lastBin; ++k)
            strongest = std::max(strongest, magnitude[static_cast<size_t>(k)]);
        const float floor = static_cast<float>(kPeakFloor) * strongest;
        std::array<float, 12> chroma{}, bass{};
        for (int k = firstBin; k <= lastBin; ++k) {
            double bin = 0.0;
            float b = 0.0f;
            if (!spectralPeak(magnitude, k, bin, b))
                continue;
            const double hz = bin * rate / kFftSize;
            const double pitch = midiOf(hz) - result.m_tuning;
            const int pitchClass = ((static_cast<int>(std::lround(pitch)) % 12) + 12) % 12;
            const float weight = std::log1p(1000.0f * b / kFftSize);
            onGrid += weight * std::cos(2.0 * std::numbers::pi * (pitch - std::round(pitch)));
            weights += weight;
            if (b < floor)
                continue;
            chroma[static_cast<size_t>(pitchClass)] += weight;
            if (hz < kBassMaxHz)
                bass[static_cast<size_t>(pitchClass)] += weight;
        }
        result.m_frames[static_cast<size_t>(f)] = chroma;
        result.m_bassFrames[static_cast<size_t>(f)] = bass;
    }
    result.m_tonality = weights > 0.0 ? std::max(0.0, onGrid / weights) : 0.0;
    return result;
}

} // namespace stemcrate::analysis
