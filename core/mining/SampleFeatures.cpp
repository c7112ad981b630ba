#include "mining/SampleFeatures.h"

#include "analysis/MonoMix.h"
#include "analysis/RealFft.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <numeric>

namespace stemcrate::mining {

namespace {

constexpr int kFftSize = 1024; // 23 ms at 44.1 kHz
constexpr int kHopFrames = 256;
constexpr double kFirstSeconds = 0.150;  // "the sound": bands, centroid, flatness
constexpr double kAttackSeconds = 0.025; // the attack's centroid
constexpr double kBodySeconds = 0.300;   // tonality and pitch
constexpr double kTailFromSeconds = 0.150;
constexpr double kTailToSeconds = 0.600;
constexpr std::array<double, kEmbeddingSegments> kSegmentEndsSeconds = {0.010, 0.030, 0.080,
                                                                        0.200, 0.500, 1.200};
constexpr double kEmbeddingFloorDb = -60.0;
constexpr double kDecayFloorDb = -80.0;
constexpr double kDecayFitSeconds = 0.100;
constexpr double kRolloffShare = 0.85;
constexpr std::array<int, kAttackSegments + 1> kAttackSegmentFrames = {0, 2, 6, 14}; // [from, to) of each
constexpr std::array<int, kDecayBandGroups + 1> kDecayGroupBands = {0, 3, 6, 8, kFeatureBands};
constexpr int kShapeFrames = 15; // analysis frames kept for the attack's shape
constexpr int kDecayPeakSearchFrames = 4; // a band group's peak is looked for in its first frames
constexpr double kDecayFitFloorDb = -80.0, kSteepestBandDecayDbPerFrame = -20.0;
using FrameBands = std::array<std::array<double, kFeatureBands>, kShapeFrames>;

int bandOf(double hz)
{
    int band = 0;
    while (band < kFeatureBands - 1 && hz >= kFeatureBandEdgesHz[static_cast<size_t>(band)])
        ++band;
    return band;
}

template <size_t N> void normaliseSum(std::array<double, N>& values)
{
    const double total = std::accumulate(values.begin(), values.end(), 0.0);
    if (total > 0.0)
        for (double& v : values)
            v /= total;
}

// levelDbAt30ms, levelDbAt80ms and decaySlopeDbPerSecond from the mean-square envelope (one value a hop).
void measureDecayShape(const std::vector<double>& envelope, size_t peakHop, double backgroundLevel,
                       double hopSeconds, SampleFeatures& f)
{
    const double peakLevel = envelope[peakHop] - backgroundLevel;
    if (peakLevel <= 0.0)
        return;
    const auto db = [&](size_t hop) {
        return std::max(kDecayFloorDb, 10.0 * std::log10(std::max(envelope[hop] - backgroundLevel, 1e-30) / peakLevel));
    };
    // Least squares line through (seconds after the peak, dB) over the first kDecayFitSeconds; the last
    // hop is left out when it is partial (it may hold the next hit's first samples).
    const size_t fitHops = static_cast<size_t>(kDecayFitSeconds / hopSeconds) + 1;
    const size_t lastHop = std::min(envelope.size() > peakHop + 2 ? envelope.size() - 2 : envelope.size() - 1,
                                    peakHop + fitHops);
    double sumT = 0, sumDb = 0, sumTT = 0, sumTDb = 0;
    int n = 0;
    for (size_t h = peakHop; h <= lastHop; ++h, ++n) {
        const double t = static_cast<double>(h - peakHop) * hopSeconds, d = db(h);
        sumT += t;
        sumDb += d;
        sumTT += t * t;
        sumTDb += t * d;
    }
    const double denominator = n * sumTT - sumT * sumT;
    f.decaySlopeDbPerSecond = n > 1 && denominator > 0.0 ? std::min(0.0, (n * sumTDb - sumT * sumDb) / denominator) : 0.0;
    const auto levelAt = [&](double seconds) {
        const size_t hop = peakHop + static_cast<size_t>(std::lround(seconds / hopSeconds));
        if (hop <= lastHop)
            return db(hop);
        return std::max(kDecayFloorDb, std::min(0.0, f.decaySlopeDbPerSecond * seconds));
    };
    f.levelDbAt30ms = levelAt(0.030);
    f.levelDbAt80ms = levelAt(0.080);
}

// attackBands and bandDecayDbPerSecond from the band powers of the first analysis frames. available[i]: the
// share of frame i's window that lies inside the sound (the rest is zero padding).
void measureAttackShape(const FrameBands& power, const std::array<double, kShapeFrames>& available,
                        double firstTotal, double hopSeconds, SampleFeatures& f)
{
    for (size_t s = 0; s < kAttackSegments; ++s) {
        std::array<double, kFeatureBands> sum{};
        int used = 0;
        for (int i = kAttackSegmentFrames[s]; i < kAttackSegmentFrames[s + 1]; ++i) {
            if (available[static_cast<size_t>(i)] <= 0.5 && i > kAttackSegmentFrames[s])
                continue;
            ++used;
            for (size_t b = 0; b < sum.size(); ++b)
                sum[b] += power[static_cast<size_t>(i)][b];
        }
        const double scale = static_cast<double>(kAttackSegmentFrames[s + 1] - kAttackSegmentFrames[s]) / used;
        for (size_t b = 0; b < sum.size(); ++b)
            f.attackBands[s][b] = firstTotal > 0.0 ? sum[b] * scale / firstTotal : 0.0;
    }
    for (size_t g = 0; g < kDecayBandGroups; ++g) {
        std::array<double, kShapeFrames> level{};
        for (size_t i = 0; i < kShapeFrames; ++i)
            for (int b = kDecayGroupBands[g]; b < kDecayGroupBands[g + 1]; ++b)
                level[i] += power[i][static_cast<size_t>(b)];
        const auto peak = std::max_element(level.begin(), level.begin() + kDecayPeakSearchFrames);
        if (*peak <= 0.0)
            continue;
        double sumT = 0, sumDb = 0, sumTT = 0, sumTDb = 0;
        int n = 0;
        for (auto i = static_cast<size_t>(peak - level.begin()); i < kShapeFrames && available[i] > 0.9; ++i, ++n) {
            const double t = static_cast<double>(i);
            const double db = std::max(kDecayFitFloorDb, 10.0 * std::log10(level[i] / *peak + 1e-8));
            sumT += t;
            sumDb += db;
            sumTT += t * t;
            sumTDb += t * db;
        }
        const double denominator = n * sumTT - sumT * sumT;
        if (n >= 2 && denominator > 0.0)
            f.bandDecayDbPerSecond[g] =
                std::max(kSteepestBandDecayDbPerFrame, (n * sumTDb - sumT * sumDb) / denominator) / hopSeconds;
    }
}

} // namespace

SampleFeatures computeSampleFeatures(const float* mono, int64_t frames, int sampleRate, const float* before)
{
    SampleFeatures f;
    f.embedding.assign(kEmbeddingSize, 0.0f);
    if (!mono || frames <= 0 || sampleRate <= 0)
        return f;
    const double rate = sampleRate;
    f.durationSeconds = static_cast<double>(frames) / rate;
    for (int64_t i = 0; i < frames; ++i)
        f.peak = std::max(f.peak, static_cast<double>(std::fabs(mono[i])));

    // Level envelope (mean square per hop) over the whole sound: attack and decay.
    const int64_t hops = (frames + kHopFrames - 1) / kHopFrames;
    std::vector<double> envelope(static_cast<size_t>(hops), 0.0);
    for (int64_t h = 0; h < hops; ++h) {
        const int64_t from = h * kHopFrames, to = std::min(frames, from + kHopFrames);
        double sum = 0.0;
        for (int64_t i = from; i < to; ++i)
            sum += static_cast<double>(mono[i]) * mono[i];
        envelope[static_cast<size_t>(h)] = sum / static_cast<double>(to - from);
    }
    // What rings on from before (its last hop's level) is not this sound's decay.
    double backgroundLevel = 0.0;
    if (before) {
        for (int i = kFeatureContextFrames - kHopFrames; i < kFeatureContextFrames; ++i)
            backgroundLevel += static_cast<double>(before[i]) * before[i];
        backgroundLevel /= kHopFrames;
    }
    const auto loudest = std::max_element(envelope.begin(), envelope.end());
    const auto peakHop = static_cast<int64_t>(loudest - envelope.begin());
    const double hopSeconds = kHopFrames / rate;
    f.attackSeconds = static_cast<double>(peakHop) * hopSeconds;
    f.decay20Seconds = f.decay40Seconds = f.durationSeconds - f.attackSeconds;
    bool below20 = false;
    for (int64_t h = peakHop + 1; h < hops && *loudest > 0.0; ++h) {
        const double relative = envelope[static_cast<size_t>(h)] / *loudest;
        if (!below20 && relative < 1e-2) {
            below20 = true;
            f.decay20Seconds = static_cast<double>(h - peakHop) * hopSeconds;
        }
        if (relative < 1e-4) {
            f.decay40Seconds = static_cast<double>(h - peakHop) * hopSeconds;
            f.decayComplete = true;
            break;
        }
    }

    measureDecayShape(envelope, static_cast<size_t>(peakHop), backgroundLevel, hopSeconds, f);

    const auto firstFrames = std::min<int64_t>(frames, static_cast<int64_t>(kFirstSeconds * rate));
    int64_t crossings = 0;
    for (int64_t i = 1; i < firstFrames; ++i)
        crossings += (mono[i - 1] < 0.0f) != (mono[i] < 0.0f);
    f.zeroCrossingRate = firstFrames > 1 ? static_cast<double>(crossings) / double(firstFrames - 1) : 0.0;

    // Short-time spectra over the first 1.2 s.
    analysis::RealFft fft(kFftSize);
    const std::vector<float> window = analysis::RealFft::hannWindow(kFftSize);
    const int bins = fft.bins();
    std::vector<int> binBand(static_cast<size_t>(bins));
    for (int k = 0; k < bins; ++k)
        binBand[static_cast<size_t>(k)] = bandOf(k * rate / kFftSize);
    std::vector<float> frame(kFftSize), magnitude(static_cast<size_t>(bins));
    std::vector<double> background(static_cast<size_t>(bins), 0.0);
    if (before) {
        static_assert(kFeatureContextFrames == kFftSize);
        for (int i = 0; i < kFftSize; ++i)
            frame[static_cast<size_t>(i)] = before[i] * window[static_cast<size_t>(i)];
        fft.magnitudes(frame.data(), magnitude.data());
        for (int k = 0; k < bins; ++k)
            background[static_cast<size_t>(k)] =
                static_cast<double>(magnitude[static_cast<size_t>(k)]) * magnitude[static_cast<size_t>(k)];
    }
    std::vector<double> firstSpectrum(static_cast<size_t>(bins), 0.0), bodySpectrum(firstSpectrum);
    double attackWeighted = 0.0, attackTotal = 0.0;
    std::array<std::array<double, kEmbeddingBands>, kEmbeddingSegments> cells{};
    FrameBands shapePower{};
    std::array<double, kShapeFrames> shapeAvailable{};
    const auto analysedFrames = std::min<int64_t>(frames, static_cast<int64_t>(kSegmentEndsSeconds.back() * rate));
    for (int64_t start = 0; start < analysedFrames; start += kHopFrames) {
        const auto shapeFrame = static_cast<size_t>(start / kHopFrames);
        if (shapeFrame < kShapeFrames)
            shapeAvailable[shapeFrame] = std::min(1.0, static_cast<double>(frames - start) / kFftSize);
        for (int i = 0; i < kFftSize; ++i) {
            const int64_t n = start + i;
            frame[static_cast<size_t>(i)] = n < frames ? mono[n] * window[static_cast<size_t>(i)] : 0.0f;
        }
        fft.magnitudes(frame.data(), magnitude.data());
        const double seconds = static_cast<double>(start) / rate;
        const auto segment = static_cast<size_t>(
            std::upper_bound(kSegmentEndsSeconds.begin(), kSegmentEndsSeconds.end(), seconds) -
            kSegmentEndsSeconds.begin());
        for (int k = 1; k < bins; ++k) {
            const double power =
                std::max(0.0, static_cast<double>(magnitude[static_cast<size_t>(k)]) * magnitude[static_cast<size_t>(k)] -
                                  background[static_cast<size_t>(k)]);
            const auto band = static_cast<size_t>(binBand[static_cast<size_t>(k)]);
            if (seconds < kFirstSeconds)
                firstSpectrum[static_cast<size_t>(k)] += power;
            if (shapeFrame < kShapeFrames)
                shapePower[shapeFrame][band] += power;
            if (seconds < kAttackSeconds) {
                attackWeighted += power * k * rate / kFftSize;
                attackTotal += power;
            }
            if (seconds < kBodySeconds)
                bodySpectrum[static_cast<size_t>(k)] += power;
            if (seconds >= kTailFromSeconds && seconds < kTailToSeconds)
                f.tailBands[band] += power;
            if (segment < cells.size())
                cells[segment][band] += power;
        }
    }
    double total = 0.0, weighted = 0.0, logSum = 0.0;
    int flatBins = 0;
    for (int k = 1; k < bins; ++k) {
        const double power = firstSpectrum[static_cast<size_t>(k)];
        const double hz = k * rate / kFftSize;
        f.bands[static_cast<size_t>(binBand[static_cast<size_t>(k)])] += power;
        total += power;
        weighted += power * hz;
        if (hz <= 16000.0) {
            logSum += std::log(power + 1e-12);
            ++flatBins;
        }
    }
    if (total > 0.0) {
        double below = 0.0;
        for (int k = 1; k < bins && below < kRolloffShare * total; ++k) {
            below += firstSpectrum[static_cast<size_t>(k)];
            f.rolloffHz = k * rate / kFftSize;
        }
        f.centroidHz = weighted / total;
        const double mean = total / (bins - 1);
        f.flatness = std::clamp(std::exp(logSum / std::max(1, flatBins)) / mean, 0.0, 1.0);
    }
    f.attackCentroidHz = attackTotal > 0.0 ? attackWeighted / attackTotal : f.centroidHz;
    measureAttackShape(shapePower, shapeAvailable, total, hopSeconds, f);
    normaliseSum(f.bands);
    normaliseSum(f.tailBands);

    const double bodyTotal = std::accumulate(bodySpectrum.begin() + 1, bodySpectrum.end(), 0.0);
    if (bodyTotal > 0.0) {
        for (int k = 2; k + 1 < bins; ++k) {
            const double partial = bodySpectrum[static_cast<size_t>(k - 1)] + bodySpectrum[static_cast<size_t>(k)] +
                                   bodySpectrum[static_cast<size_t>(k + 1)];
            if (partial / bodyTotal > f.tonality) {
                f.tonality = partial / bodyTotal;
                f.pitchHz = k * rate / kFftSize;
            }
        }
    }

    // Embedding: log cells relative to the loudest, in [0, 1], unit length.
    double loudestCell = 0.0;
    for (const auto& segment : cells)
        for (double power : segment)
            loudestCell = std::max(loudestCell, power);
    if (loudestCell > 0.0) {
        double norm = 0.0;
        for (size_t s = 0; s < cells.size(); ++s)
            for (size_t b = 0; b < cells[s].size(); ++b) {
                const double db = 10.0 * std::log10(cells[s][b] / loudestCell + 1e-30);
                const double value = std::max(0.0, db - kEmbeddingFloorDb) / -kEmbeddingFloorDb;
                f.embedding[s * kEmbeddingBands + b] = static_cast<float>(value);
                norm += value * value;
            }
        if (norm > 0.0)
            for (float& v : f.embedding)
                v = static_cast<float>(v / std::sqrt(norm));
    }
    return f;
}

SampleFeatures computeSampleFeatures(const AudioBuffer& audio)
{
    const std::vector<float> mono = analysis::monoMix(audio);
    return computeSampleFeatures(mono.data(), static_cast<int64_t>(mono.size()), audio.sampleRate);
}

double embeddingSimilarity(const std::vector<float>& a, const std::vector<float>& b)
{
    double ab = 0.0, aa = 0.0, bb = 0.0;
    for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
        ab += static_cast<double>(a[i]) * b[i];
        aa += static_cast<double>(a[i]) * a[i];
        bb += static_cast<double>(b[i]) * b[i];
    }
    return aa > 0.0 && bb > 0.0 ? std::clamp(ab / std::sqrt(aa * bb), 0.0, 1.0) : 0.0;
}

} // namespace stemcrate::mining
