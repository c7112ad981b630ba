#include "library/SampleFeatures.h"

#include "analysis/RealFft.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace stemcrate::library {
namespace {

constexpr int kFftSize = 2048;
constexpr int kHop = 512;
constexpr size_t kEnvelopeBlock = 128;  // 2.9 ms at 44.1 kHz
constexpr size_t kEnvelopeWindow = 512; // 11.6 ms
constexpr int kMelBands = 26;
constexpr int kCoefficients = 12;     // MFCC 1..12 (0 is loudness, measured separately)
constexpr int kDeltaCoefficients = 4; // spread over time of MFCC 1..4
constexpr double kMinHz = 30;
constexpr double kMaxHz = 16000;
constexpr double kSilence = 1e-10;
constexpr double kFloorLog10 = -5.0; // 50 dB below a frame's strongest band

double hzToMel(double hz)
{
    return 2595.0 * std::log10(1.0 + hz / 700.0);
}

double melToHz(double mel)
{
    return 700.0 * (std::pow(10.0, mel / 2595.0) - 1.0);
}

// Triangular mel filters over the FFT bins: for each band, (first bin, weights).
struct MelBank
{
    std::vector<int> firstBin;
    std::vector<std::vector<float>> weights;
};

MelBank makeMelBank(int sampleRate)
{
    MelBank bank;
    const int bins = kFftSize / 2 + 1;
    const double top = std::min(kMaxHz, sampleRate / 2.0);
    std::vector<double> edges(kMelBands + 2);
    for (int i = 0; i < kMelBands + 2; ++i)
        edges[i] = melToHz(hzToMel(kMinHz) + (hzToMel(top) - hzToMel(kMinHz)) * i / (kMelBands + 1));
    const double binHz = static_cast<double>(sampleRate) / kFftSize;
    for (int band = 0; band < kMelBands; ++band) {
        const double low = edges[band], centre = edges[band + 1], high = edges[band + 2];
        const int first = std::max(0, static_cast<int>(std::floor(low / binHz)));
        const int last = std::min(bins - 1, static_cast<int>(std::ceil(high / binHz)));
        std::vector<float> w;
        for (int bin = first; bin <= last; ++bin) {
            const double hz = bin * binHz;
            const double rise = (hz - low) / std::max(centre - low, 1e-9);
            const double fall = (high - hz) / std::max(high - centre, 1e-9);
            w.push_back(static_cast<float>(std::max(0.0, std::min(rise, fall))));
        }
        // Bands narrower than a bin still see their nearest bin.
        if (std::all_of(w.begin(), w.end(), [](float x) { return x == 0.0f; }) && !w.empty())
            w[w.size() / 2] = 1.0f;
        bank.firstBin.push_back(first);
        bank.weights.push_back(std::move(w));
    }
    return bank;
}

double logScale(double value, double low, double high)
{
    // log(value) mapped from [log low, log high] to [0, 1], clamped.
    const double v = std::clamp(value, low, high);
    return std::log(v / low) / std::log(high / low);
}

std::vector<float> monoHead(const AudioBuffer& audio)
{
    const int64_t frames = std::min<int64_t>(
        audio.frames, static_cast<int64_t>(kFeatureSeconds * std::max(1, audio.sampleRate)));
    std::vector<float> mono(static_cast<size_t>(std::max<int64_t>(frames, 0)), 0.0f);
    if (audio.channels < 1)
        return mono;
    for (int c = 0; c < audio.channels; ++c) {
        const float* in = audio.channel(c);
        for (int64_t i = 0; i < frames; ++i)
            mono[static_cast<size_t>(i)] += in[i] / audio.channels;
    }
    return mono;
}

} // namespace

std::vector<float> timbreFeatures(const AudioBuffer& audio)
{
    const std::vector<float> mono = monoHead(audio);
    const int rate = std::max(1, audio.sampleRate);
    const MelBank bank = makeMelBank(rate);
    analysis::RealFft fft(kFftSize);
    const std::vector<float> window = analysis::RealFft::hannWindow(kFftSize);
    const int bins = fft.bins();

    // Per frame: mel log-energies and spectral shape, weighted by the frame's energy (silence says nothing).
    const int64_t frameCount = std::max<int64_t>(1, (static_cast<int64_t>(mono.size()) + kHop - 1) / kHop);
    std::vector<float> frame(kFftSize), magnitude(bins);
    std::vector<double> meanLogMel(kMelBands, 0.0);
    std::vector<std::vector<double>> cepstra;
    std::vector<double> weights;
    double centroid = 0, spread = 0, flatness = 0, rolloff = 0, totalWeight = 0;
    const double binHz = static_cast<double>(rate) / kFftSize;
    for (int64_t f = 0; f < frameCount; ++f) {
        const int64_t start = f * kHop - kFftSize / 2; // frames centred on their hop
        for (int i = 0; i < kFftSize; ++i) {
            const int64_t at = start + i;
            frame[i] = at >= 0 && at < static_cast<int64_t>(mono.size()) ? mono[at] * window[i] : 0.0f;
        }
        double energy = 0;
        for (int i = 0; i < kHop && f * kHop + i < static_cast<int64_t>(mono.size()); ++i)
            energy += double(mono[f * kHop + i]) * mono[f * kHop + i];
        fft.magnitudes(frame.data(), magnitude.data());

        double power = 0, weighted = 0, logSum = 0;
        for (int b = 1; b < bins; ++b) {
            const double p = double(magnitude[b]) * magnitude[b];
            power += p;
            weighted += p * b * binHz;
            logSum += std::log(p + kSilence);
        }
        if (power <= kSilence * bins)
            continue;
        const double c = weighted / power;
        double var = 0, cumulative = 0;
        int rollBin = bins - 1;
        for (int b = 1; b < bins; ++b) {
            const double p = double(magnitude[b]) * magnitude[b];
            var += p * (b * binHz - c) * (b * binHz - c);
            cumulative += p;
            if (cumulative >= 0.85 * power && rollBin == bins - 1)
                rollBin = b;
        }
        // Mel band energies in log10 units relative to the frame's strongest band, floored kFloorLog10
        // below it: what lies 50 dB under the peak (a noise floor, dither, silence) does not change the
        // shape, so a clean sample and its slightly noisy copy look alike.
        std::vector<double> logMel(kMelBands);
        double strongest = 0;
        for (int band = 0; band < kMelBands; ++band) {
            double e = 0;
            const auto& w = bank.weights[band];
            for (size_t k = 0; k < w.size(); ++k)
                e += w[k] * double(magnitude[bank.firstBin[band] + k]) * magnitude[bank.firstBin[band] + k];
            logMel[band] = e;
            strongest = std::max(strongest, e);
        }
        for (double& m : logMel)
            m = std::max(std::log10((m + kSilence) / (strongest + kSilence)), kFloorLog10);
        // DCT-II, scaled so that each coefficient is a weighted mean of the bands: |c_k| <= |floor|.
        std::vector<double> cepstrum(kCoefficients + 1, 0.0);
        for (int k = 1; k <= kCoefficients; ++k)
            for (int band = 0; band < kMelBands; ++band)
                cepstrum[k] += 2.0 / kMelBands * logMel[band] *
                               std::cos(std::numbers::pi * k * (band + 0.5) / kMelBands);
        const double w = energy + kSilence;
        for (int band = 0; band < kMelBands; ++band)
            meanLogMel[band] += w * logMel[band];
        cepstra.push_back(std::move(cepstrum));
        weights.push_back(w);
        centroid += w * c;
        spread += w * std::sqrt(var / power);
        flatness += w * std::exp(logSum / (bins - 1)) / (power / (bins - 1));
        rolloff += w * rollBin * binHz;
        totalWeight += w;
    }

    std::vector<float> features;
    features.reserve(kCoefficients + kDeltaCoefficients + 10);
    std::vector<double> meanCepstrum(kCoefficients + 1, 0.0);
    if (totalWeight > 0) {
        for (size_t i = 0; i < cepstra.size(); ++i)
            for (int k = 1; k <= kCoefficients; ++k)
                meanCepstrum[k] += weights[i] * cepstra[i][k] / totalWeight;
        centroid /= totalWeight;
        spread /= totalWeight;
        flatness /= totalWeight;
        rolloff /= totalWeight;
    }
    // The coefficients of relative log10 energies stay within +-5, mostly within +-1.5.
    for (int k = 1; k <= kCoefficients; ++k)
        features.push_back(static_cast<float>(meanCepstrum[k] / 1.5));
    for (int k = 1; k <= kDeltaCoefficients; ++k) {
        double var = 0;
        for (size_t i = 0; i < cepstra.size(); ++i)
            var +=
                weights[i] * std::pow(cepstra[i][k] - meanCepstrum[k], 2) / std::max(totalWeight, kSilence);
        features.push_back(static_cast<float>(std::sqrt(var) / 1.5));
    }
    features.push_back(static_cast<float>(2 * logScale(std::max(centroid, 1.0), 50, 16000)));
    features.push_back(static_cast<float>(2 * logScale(std::max(spread, 1.0), 50, 8000)));
    features.push_back(static_cast<float>(2 * std::sqrt(std::clamp(flatness, 0.0, 1.0))));
    features.push_back(static_cast<float>(2 * logScale(std::max(rolloff, 1.0), 50, 20000)));

    // Envelope in short blocks: attack (from the first block within 26 dB of the peak to the peak: leading
    // silence is not timbre), decay (peak to 20 dB below it), length, loudness of
    // the part between, and zero crossings per second weighted by each block's energy (a quiet noise floor
    // in a silent tail does not count).
    std::vector<double> envelope; // RMS over kEnvelopeWindow samples every kEnvelopeBlock (a window spans
                                  // a low kick's period, so the envelope does not follow its waveform)
    double crossingsPerSecond = 0, crossingWeight = 0;
    std::vector<double> cumulative(mono.size() + 1, 0.0);
    for (size_t i = 0; i < mono.size(); ++i)
        cumulative[i + 1] = cumulative[i] + double(mono[i]) * mono[i];
    for (size_t start = 0; start < mono.size(); start += kEnvelopeBlock) {
        const size_t end = std::min(mono.size(), start + kEnvelopeBlock);
        const size_t windowEnd = std::min(mono.size(), start + kEnvelopeWindow);
        envelope.push_back(std::sqrt((cumulative[windowEnd] - cumulative[start]) / kEnvelopeWindow));
        const double energy = cumulative[end] - cumulative[start];
        int crossings = 0;
        for (size_t i = std::max<size_t>(start, 1); i < end; ++i)
            if ((mono[i - 1] < 0) != (mono[i] < 0))
                ++crossings;
        crossingsPerSecond += energy * crossings * rate / double(end - start);
        crossingWeight += energy;
    }
    if (envelope.empty())
        envelope.push_back(0.0);
    const auto peakAt = std::max_element(envelope.begin(), envelope.end()) - envelope.begin();
    const double peak = envelope[peakAt];
    int64_t decayEnd = peakAt;
    while (decayEnd + 1 < static_cast<int64_t>(envelope.size()) && envelope[decayEnd + 1] > peak * 0.1)
        ++decayEnd;
    int64_t onsetAt = 0;
    while (onsetAt < peakAt && envelope[onsetAt] < peak * 0.05)
        ++onsetAt;
    const double blockMs = 1000.0 * kEnvelopeBlock / rate;
    features.push_back(static_cast<float>(logScale(1.0 + (peakAt - onsetAt) * blockMs, 1.0, 2000.0)));
    features.push_back(static_cast<float>(1.5 * logScale(1.0 + (decayEnd - peakAt) * blockMs, 1.0, 4000.0)));
    features.push_back(static_cast<float>(logScale(1.0 + 1000.0 * audio.seconds(), 1.0, 60000.0)));
    double activeEnergy = 0;
    for (int64_t i = peakAt; i <= decayEnd; ++i)
        activeEnergy += envelope[i] * envelope[i];
    const double rmsDb = 10 * std::log10(activeEnergy / double(decayEnd - peakAt + 1) + kSilence);
    features.push_back(static_cast<float>(std::clamp((rmsDb + 60.0) / 60.0, 0.0, 1.5)));
    features.push_back(static_cast<float>(
        2 * logScale(1.0 + crossingsPerSecond / std::max(crossingWeight, kSilence), 1.0, 20000.0)));
    // Tonal or noisy: how far the mean band lies below the strongest one, a crude peakiness.
    double sumMel = 0;
    for (const double m : meanLogMel)
        sumMel += totalWeight > 0 ? m / totalWeight : kFloorLog10;
    features.push_back(static_cast<float>(std::clamp(-sumMel / kMelBands / 2.5, 0.0, 2.0)));
    return features;
}

FeatureExtractor defaultFeatureExtractor()
{
    return FeatureExtractor{"stemcrate-timbre", 1, &timbreFeatures};
}

double featureDistance(const std::vector<float>& a, const std::vector<float>& b)
{
    if (a.empty() || a.size() != b.size())
        return std::numeric_limits<double>::infinity();
    double sum = 0;
    for (size_t i = 0; i < a.size(); ++i)
        sum += (double(a[i]) - b[i]) * (double(a[i]) - b[i]);
    return std::sqrt(sum);
}

} // namespace stemcrate::library
