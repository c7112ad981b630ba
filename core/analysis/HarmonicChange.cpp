#include "analysis/HarmonicChange.h"

#include "analysis/MonoMix.h"
#include "analysis/RealFft.h"
#include "analysis/SpectralPeak.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>

namespace stemcrate::analysis {

namespace {
constexpr int64_t kTonalityStride = 4;
} // namespace

HarmonicChange HarmonicChange::compute(const float* mono, int64_t count, int sampleRate)
{
    HarmonicChange result;
    if (count <= 0 || sampleRate <= 0)
        return result;
    const std::vector<float> decimated = decimate(mono, count, kDecimation);
    const double rate = static_cast<double>(sampleRate) / kDecimation;
    const int64_t n = static_cast<int64_t>(decimated.size());
    if (n < kFftSize)
        return result;
    const int64_t frames = 1 + (n - kFftSize) / kHopSize;
    result.m_framesPerSecond = rate / kHopSize;
    result.m_firstFrameSeconds = 0.5 * kFftSize / rate;

    RealFft fft(kFftSize);
    const std::vector<float> window = RealFft::hannWindow(kFftSize);
    const int firstBin = std::max(1, static_cast<int>(std::ceil(kMinHz * kFftSize / rate)));
    const int lastBin = std::min(fft.bins() - 1, static_cast<int>(std::floor(kMaxHz * kFftSize / rate)));
    std::vector<int> pitchClass(static_cast<size_t>(lastBin + 1), 0);
    for (int k = firstBin; k <= lastBin; ++k) {
        const double midi = midiOf(k * rate / kFftSize);
        pitchClass[static_cast<size_t>(k)] = ((static_cast<int>(std::lround(midi)) % 12) + 12) % 12;
    }
    std::vector<float> buffer(static_cast<size_t>(kFftSize)), power(static_cast<size_t>(fft.bins()));
    std::vector<std::complex<float>> spectrum(static_cast<size_t>(fft.bins()));
    std::vector<Profile> profiles(static_cast<size_t>(frames));
    std::vector<double> totals(static_cast<size_t>(frames), 0.0);
    double gridX = 0.0, gridY = 0.0, gridWeight = 0.0;
    for (int64_t f = 0; f < frames; ++f) {
        const float* in = decimated.data() + f * kHopSize;
        for (int i = 0; i < kFftSize; ++i)
            buffer[static_cast<size_t>(i)] = in[i] * window[static_cast<size_t>(i)];
        fft.forward(buffer.data(), spectrum.data());
        for (size_t k = 0; k < spectrum.size(); ++k)
            power[k] = std::norm(spectrum[k]); // no square root per bin: only the peaks need magnitudes
        // Spectral peaks' positions between semitones (a parabola through each local maximum), on every
        // kTonalityStride-th frame: a statistic of the whole clip.
        const int peakTo = f % kTonalityStride == 0 ? std::min(lastBin, fft.bins() - 2) : 0;
        for (int k = std::max(firstBin, 1); k <= peakTo; ++k) {
            if (power[static_cast<size_t>(k)] <= power[static_cast<size_t>(k - 1)] ||
                power[static_cast<size_t>(k)] <= power[static_cast<size_t>(k + 1)])
                continue;
            const float a = std::sqrt(power[static_cast<size_t>(k - 1)]),
                        b = std::sqrt(power[static_cast<size_t>(k)]),
                        c = std::sqrt(power[static_cast<size_t>(k + 1)]);
            const double pitch = midiOf(parabolicPeakBin(k, a, b, c) * rate / kFftSize);
            const double angle = 2.0 * std::numbers::pi * (pitch - std::round(pitch));
            const double weight = std::log1p(1000.0 * b / kFftSize);
            gridX += weight * std::cos(angle);
            gridY += weight * std::sin(angle);
            gridWeight += weight;
        }
        Profile energy{};
        for (int k = firstBin; k <= lastBin; ++k)
            energy[static_cast<size_t>(pitchClass[static_cast<size_t>(k)])] += power[static_cast<size_t>(k)];
        Profile& p = profiles[static_cast<size_t>(f)];
        for (size_t c = 0; c < 12; ++c) {
            p[c] = std::sqrt(energy[c]);
            totals[static_cast<size_t>(f)] += p[c];
        }
    }
    result.m_tonality = gridWeight > 0.0 ? std::hypot(gridX, gridY) / gridWeight : 0.0;
    // Each frame sums to 1 (what sounds, not how loud); frames far below the clip's typical level (silence,
    // reverb tails) stay at zero so they do not read as a change.
    std::vector<double> sorted(totals);
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2),
                     sorted.end());
    const double floor = 0.01 * sorted[sorted.size() / 2];
    result.m_prefix.assign(static_cast<size_t>(frames + 1), Profile{});
    for (size_t f = 0; f < profiles.size(); ++f) {
        const double scale = totals[f] > floor && totals[f] > 0.0 ? 1.0 / totals[f] : 0.0;
        for (size_t c = 0; c < 12; ++c)
            result.m_prefix[f + 1][c] = result.m_prefix[f][c] + profiles[f][c] * scale;
    }
    return result;
}

HarmonicChange::Profile HarmonicChange::meanProfile(double fromSeconds, double toSeconds) const
{
    Profile out{};
    const auto index = [&](double seconds) {
        const double f = std::ceil((seconds - m_firstFrameSeconds) * m_framesPerSecond);
        return static_cast<size_t>(std::clamp(f, 0.0, static_cast<double>(m_prefix.size() - 1)));
    };
    const size_t from = index(fromSeconds), to = index(toSeconds);
    if (to <= from)
        return out;
    for (size_t c = 0; c < 12; ++c)
        out[c] = (m_prefix[to][c] - m_prefix[from][c]) / static_cast<double>(to - from);
    return out;
}

double HarmonicChange::change(double seconds, double spanSeconds) const
{
    if (empty() || spanSeconds <= 0.0)
        return 0.0;
    const Profile before = meanProfile(seconds - spanSeconds, seconds);
    const Profile after = meanProfile(seconds, seconds + spanSeconds);
    double dot = 0.0, normBefore = 0.0, normAfter = 0.0;
    for (size_t c = 0; c < 12; ++c) {
        dot += before[c] * after[c];
        normBefore += before[c] * before[c];
        normAfter += after[c] * after[c];
    }
    if (normBefore <= 0.0 || normAfter <= 0.0)
        return 0.0;
    return std::clamp(1.0 - dot / std::sqrt(normBefore * normAfter), 0.0, 1.0);
}

} // namespace stemcrate::analysis
