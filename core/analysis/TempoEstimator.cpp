#include "analysis/TempoEstimator.h"

#include "analysis/BeatPhase.h"
#include "analysis/BeatSubdivision.h"
#include "analysis/ConstantGrid.h"
#include "analysis/MonoMix.h"
#include "analysis/OnsetStrength.h"
#include "analysis/PulseEvidence.h"
#include "analysis/PulsePhase.h"
#include "analysis/RealFft.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <numeric>

namespace stemcrate::analysis {

namespace {

constexpr double kSlowestBpm = 30.0;
constexpr double kFastestBpm = 260.0;
// Slower pulses are bars or half bars, not beats.
constexpr double kSlowestBeatBpm = 50.0;
// Tempi a backbeat may imply (200 BPM itself included: a level's refined period scatters by a few tenths).
constexpr double kLevelTolerance = 1.01;
constexpr double kSlowestBackbeatBpm = 50.0;
constexpr double kFastestBackbeatBpm = 200.0 * kLevelTolerance;
// Beat-tracker penalty for deviating from the period (librosa's "tightness").
constexpr double kTightness = 100.0;
// When at least this share of the half-period points carry a drum hit, the faster level is the beat (kick
// and snare alternating, read at half time), not an off-beat subdivision.
constexpr double kSubdivisionShare = 0.72;
// Less evidence is needed where the faster level stays inside the preferred range (a piece notated at
// 170 BPM with 0.59-0.71 of its 85 BPM off-beats hit, issue 17's corpus).
constexpr double kInRangeSubdivisionShare = 0.55;
// A tempo below the preferred range (or below kHalfTimeBelowBpm) is kept only when fewer of its
// half-period points carry a hit.
constexpr double kOutOfRangeShare = 0.2;
constexpr double kHalfTimeBelowBpm = 78.0;
// From kHalfTimeBelowBpm up, a faster level is the beat only where something sounds between its points in
// at least this share of its periods (BeatSubdivision); otherwise it is the subdivision of the slower beat.
constexpr double kSubdividedShare = 0.25;
// ... unless, in the body band (kick, snare, bass: not hats), its points are as strong half-way between the
// slower level's points as on them (medians): an even pulse (a kick on every beat under quiet off-beat hats)
// is the beat itself, not the subdivision of a slower one.
constexpr double kEvenPulseStrength = 0.8;
// Below this, a level slower than the onset periodicity's own pick is half time unless a backbeat names it.
constexpr double kSlowestPlainBpm = 60.0;
// The pulse half-way between beats counts towards a beat period too: a period of three eighth notes
// (2:3 of the beat) or three sixteenths (4:3) repeats in a steady eighth-note pattern as well as the beat
// does, but its half falls between the eighths.
constexpr double kHalfLagWeight = 0.5;

// Local-mean removal and half-wave rectification: peaks stand out, slow level changes do not count.
std::vector<float> novelty(const std::vector<float>& flux)
{
    constexpr int kHalf = 16; // ~ +-90 ms at 172 values/s
    const size_t n = flux.size();
    std::vector<double> prefix(n + 1, 0.0);
    for (size_t i = 0; i < n; ++i)
        prefix[i + 1] = prefix[i] + flux[i];
    std::vector<float> out(n);
    double sumSquares = 0.0;
    for (size_t i = 0; i < n; ++i) {
        const size_t lo = i >= kHalf ? i - kHalf : 0;
        const size_t hi = std::min(n, i + kHalf + 1);
        const double mean = (prefix[hi] - prefix[lo]) / static_cast<double>(hi - lo);
        const double v = std::max(0.0, flux[i] - mean);
        out[i] = static_cast<float>(v);
        sumSquares += v * v;
    }
    const double rms = std::sqrt(sumSquares / std::max<size_t>(1, n));
    if (rms > 0.0)
        for (float& v : out)
            v = static_cast<float>(v / rms);
    return out;
}

// Unbiased autocorrelation r[lag] / r[0] for lag in [0, maxLag], through the power spectrum (KissFFT).
std::vector<double> autocorrelation(const std::vector<float>& x, int maxLag)
{
    const int n = static_cast<int>(x.size());
    maxLag = std::max(0, std::min(maxLag, n - 1));
    int size = 2;
    while (size < n + maxLag + 1)
        size *= 2;
    RealFft fft(size);
    std::vector<float> padded(static_cast<size_t>(size), 0.0f);
    std::copy(x.begin(), x.end(), padded.begin());
    std::vector<std::complex<float>> spectrum(static_cast<size_t>(fft.bins()));
    fft.forward(padded.data(), spectrum.data());
    for (auto& bin : spectrum)
        bin = std::norm(bin);
    fft.inverse(spectrum.data(), padded.data());
    std::vector<double> r(static_cast<size_t>(maxLag + 1), 0.0);
    for (int lag = 0; lag <= maxLag; ++lag)
        r[static_cast<size_t>(lag)] = padded[static_cast<size_t>(lag)] / static_cast<double>(n - lag);
    if (const double r0 = r[0]; r0 > 0.0)
        for (double& v : r)
            v /= r0;
    return r;
}

double at(const std::vector<double>& r, double lag)
{
    if (lag < 0.0 || lag >= static_cast<double>(r.size() - 1))
        return 0.0;
    const auto i = static_cast<size_t>(lag);
    const double f = lag - static_cast<double>(i);
    return r[i] * (1.0 - f) + r[i + 1] * f;
}

// The autocorrelation peak nearest `lag` (within +-4 %), refined by a parabola through its neighbours.
double refineLag(const std::vector<double>& r, double lag)
{
    const int lo = std::max(1, static_cast<int>(std::floor(lag * 0.96)));
    const int hi = std::min(static_cast<int>(r.size()) - 2, static_cast<int>(std::ceil(lag * 1.04)));
    if (hi <= lo)
        return lag;
    int best = lo;
    for (int l = lo; l <= hi; ++l)
        if (r[static_cast<size_t>(l)] > r[static_cast<size_t>(best)])
            best = l;
    const double a = r[static_cast<size_t>(best - 1)], b = r[static_cast<size_t>(best)],
                 c = r[static_cast<size_t>(best + 1)];
    const double denominator = a - 2.0 * b + c;
    const double offset = denominator < 0.0 ? std::clamp(0.5 * (a - c) / denominator, -0.5, 0.5) : 0.0;
    return best + offset;
}

// Dynamic-programming beat tracking (Ellis 2007): beats on strong onsets, spaced near `period`.
std::vector<int> trackBeats(const std::vector<float>& nov, double period)
{
    const int n = static_cast<int>(nov.size());
    std::vector<double> score(static_cast<size_t>(n));
    std::vector<int> previous(static_cast<size_t>(n), -1);
    const int minGap = std::max(1, static_cast<int>(std::round(period / 2.0)));
    const int maxGap = std::max(minGap + 1, static_cast<int>(std::round(period * 2.0)));
    std::vector<double> penalty(static_cast<size_t>(maxGap + 1), 0.0);
    for (int gap = minGap; gap <= maxGap; ++gap) {
        const double l = std::log(gap / period);
        penalty[static_cast<size_t>(gap)] = -kTightness * l * l;
    }
    for (int t = 0; t < n; ++t) {
        double best = 0.0;
        int bestFrom = -1;
        for (int gap = minGap; gap <= maxGap && t - gap >= 0; ++gap) {
            const double candidate = score[static_cast<size_t>(t - gap)] + penalty[static_cast<size_t>(gap)];
            if (bestFrom < 0 || candidate > best) {
                best = candidate;
                bestFrom = t - gap;
            }
        }
        // Start afresh where nothing before is worth linking to (the first beats, after silence).
        if (bestFrom >= 0 && best > 0.0) {
            score[static_cast<size_t>(t)] = nov[static_cast<size_t>(t)] + best;
            previous[static_cast<size_t>(t)] = bestFrom;
        } else {
            score[static_cast<size_t>(t)] = nov[static_cast<size_t>(t)];
        }
    }
    // The last beat: the best-scoring frame within the final period.
    int last = std::max(0, n - static_cast<int>(std::ceil(period)));
    for (int t = last; t < n; ++t)
        if (score[static_cast<size_t>(t)] > score[static_cast<size_t>(last)])
            last = t;
    std::vector<int> beats;
    for (int t = last; t >= 0; t = previous[static_cast<size_t>(t)])
        beats.push_back(t);
    std::reverse(beats.begin(), beats.end());
    return beats;
}

// Drops leading and trailing beats that sit in silence (the tracker extrapolates into it).
void trimWeakEnds(std::vector<int>& beats, const std::vector<float>& nov)
{
    if (beats.size() < 3)
        return;
    double sumSquares = 0.0;
    for (int b : beats)
        sumSquares += static_cast<double>(peakNear(nov, b)) * peakNear(nov, b);
    const double threshold = 0.5 * std::sqrt(sumSquares / static_cast<double>(beats.size()));
    size_t first = 0;
    while (first < beats.size() && peakNear(nov, beats[first]) < threshold)
        ++first;
    size_t end = beats.size();
    while (end > first && peakNear(nov, beats[end - 1]) < threshold)
        --end;
    beats = std::vector<int>(beats.begin() + static_cast<std::ptrdiff_t>(first),
                             beats.begin() + static_cast<std::ptrdiff_t>(end));
}

// Sub-frame beat position: a parabola through the strongest envelope value within one frame.
double refineBeat(const std::vector<float>& nov, int t)
{
    const int n = static_cast<int>(nov.size());
    int best = t;
    for (int d = -1; d <= 1; ++d)
        if (t + d >= 0 && t + d < n && nov[static_cast<size_t>(t + d)] > nov[static_cast<size_t>(best)])
            best = t + d;
    if (best <= 0 || best >= n - 1)
        return best;
    const double a = nov[static_cast<size_t>(best - 1)], b = nov[static_cast<size_t>(best)],
                 c = nov[static_cast<size_t>(best + 1)];
    const double denominator = a - 2.0 * b + c;
    return denominator < 0.0 ? best + std::clamp(0.5 * (a - c) / denominator, -0.5, 0.5) : best;
}

struct GridFit
{
    double period = 0.0;
    double residualRms = 0.0; // in envelope values
};

// Least-squares beat period from beat times, each numbered by how many periods it is from the first.
// Two passes: beats more than a fifth of a period off the first fit are left out of the second.
GridFit fitGrid(const std::vector<double>& beats, double period)
{
    GridFit fit{period, 0.0};
    if (beats.size() < 4)
        return fit;
    std::vector<double> index(beats.size(), 0.0);
    for (size_t i = 1; i < beats.size(); ++i)
        index[i] = index[i - 1] + std::max(1.0, std::round((beats[i] - beats[i - 1]) / period));
    std::vector<bool> use(beats.size(), true);
    for (int pass = 0; pass < 2; ++pass) {
        double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (size_t i = 0; i < beats.size(); ++i) {
            if (!use[i])
                continue;
            n += 1;
            sx += index[i];
            sy += beats[i];
            sxx += index[i] * index[i];
            sxy += index[i] * beats[i];
        }
        const double denominator = n * sxx - sx * sx;
        if (n < 4 || denominator <= 0.0)
            break;
        const double slope = (n * sxy - sx * sy) / denominator;
        const double intercept = (sy - slope * sx) / n;
        if (std::abs(slope / period - 1.0) > 0.05)
            break; // the tracker lost the period; keep the autocorrelation's
        fit.period = slope;
        double sumSquares = 0.0;
        for (size_t i = 0; i < beats.size(); ++i) {
            const double residual = beats[i] - (intercept + slope * index[i]);
            use[i] = std::abs(residual) < 0.2 * slope;
            sumSquares += residual * residual;
        }
        fit.residualRms = std::sqrt(sumSquares / static_cast<double>(beats.size()));
    }
    return fit;
}

// Weight of a tempo by the preferred range: 1 inside, falling off by octaves outside.
double rangeWeight(double bpm, const TempoOptions& options)
{
    double octaves = 0.0;
    if (bpm < options.minBpm)
        octaves = std::log2(options.minBpm / bpm);
    else if (bpm > options.maxBpm)
        octaves = std::log2(bpm / options.maxBpm);
    return std::exp(-0.5 * (octaves / 0.5) * (octaves / 0.5));
}

} // namespace

Result<TempoResult> TempoEstimator::estimate(const AudioBuffer& audio) const
{
    const std::vector<float> mono = monoMix(audio);
    return estimate(OnsetStrength::compute(mono.data(), static_cast<int64_t>(mono.size()), audio.sampleRate));
}

Result<TempoResult> TempoEstimator::estimate(const OnsetStrength& envelope) const
{
    const double fps = envelope.valuesPerSecond();
    if (envelope.size() < static_cast<size_t>(m_options.minimumSeconds * fps))
        return makeError("too short to find a tempo (needs at least " +
                         std::to_string(static_cast<int>(m_options.minimumSeconds)) + " seconds)");
    const std::vector<float> nov = novelty(envelope.flux());
    if (std::all_of(nov.begin(), nov.end(), [](float v) { return v == 0.0f; }))
        return makeError("no rhythm found (silent or without onsets)");

    // 1. The best-supported beat period, with a mild pull towards 120 BPM: this only has to find the
    // binary family (beats, bars, subdivisions); the octave is settled below. Repetition at four periods
    // (the bar) counts too, which keeps ternary relatives of syncopated patterns (kicks three sixteenths
    // apart) from winning.
    const int maxLag = static_cast<int>(std::ceil(4.0 * 60.0 * fps / kSlowestBpm)) + 2;
    const std::vector<double> r = autocorrelation(nov, maxLag);
    double bestLag = 60.0 * fps / 120.0, bestScore = -1.0;
    for (double bpm = kSlowestBpm; bpm <= kFastestBpm; bpm += 0.25) {
        const double lag = 60.0 * fps / bpm;
        const double octaves = std::log2(bpm / 120.0);
        const double score =
            (at(r, lag) + 0.5 * at(r, 2.0 * lag) + 0.5 * at(r, 4.0 * lag) + kHalfLagWeight * at(r, 0.5 * lag)) *
            std::exp(-0.5 * octaves * octaves);
        if (score > bestScore) {
            bestScore = score;
            bestLag = lag;
        }
    }
    const double bestBpm = 60.0 * fps / bestLag;

    // 2. Its octave relatives (slowest first). Bar-length periods take part only in the backbeat test.
    std::vector<double> levels; // lags, descending
    for (double factor : {4.0, 2.0, 1.0, 0.5, 0.25}) {
        const double lag = 60.0 * fps / bestBpm * factor;
        const double bpm = 60.0 * fps / lag;
        if (bpm >= kSlowestBackbeatBpm / 2.0 && bpm <= kFastestBpm * 1.01 &&
            lag * 1.05 < double(r.size() - 2))
            levels.push_back(refineLag(r, lag));
    }
    if (levels.empty())
        levels.push_back(refineLag(r, 60.0 * fps / bestBpm));
    const auto bpmOf = [&](size_t i) { return 60.0 * fps / levels[i]; };
    const std::vector<float> body = novelty(envelope.bodyFlux());
    // Drum hits rise across the spectrum at once; chords, bass and melody notes barely reach above 2 kHz.
    // Body-band onsets that coincide with high-band ones are the drums of a mix.
    std::vector<float> highFlux(envelope.size());
    for (size_t i = 0; i < highFlux.size(); ++i)
        highFlux[i] = std::max(0.0f, envelope.flux()[i] - envelope.bodyFlux()[i]);
    const std::vector<float> high = novelty(highFlux);
    std::vector<float> percussive(body.size());
    for (size_t i = 0; i < percussive.size(); ++i)
        percussive[i] = std::min(body[i], high[i]);
    const PulseEvidence::Bands bands{body, envelope.bodyFlux(), envelope.lowFlux()};
    size_t chosen = 0;
    bool backbeat = false;
    // 3a. A backbeat grid settles it: the beat is half its period. Fastest first, so that bar-long
    // patterns (a kick that differs between bars) do not count.
    for (size_t i = levels.size() - 1; i-- > 0 && !backbeat;) {
        const double beatBpm = bpmOf(i + 1);
        if (beatBpm >= kSlowestBackbeatBpm && beatBpm <= kFastestBackbeatBpm &&
            PulseEvidence::isBackbeat(bands, levels[i])) {
            chosen = i + 1;
            backbeat = true;
        }
    }
    // 3b. Otherwise climb from the slowest beat-like level while its half-period points carry drum hits too
    // (percussive body-band onsets: not hi-hats, not chords), then lean into the preferred range unless the
    // evidence is clear. A backbeat's level climbs on the same evidence (a bar-long pattern can pass for a
    // backbeat). How close the deciding value came to its threshold says how sure the octave is.
    double octaveClarity = 1.0;
    std::vector<double> consistency(levels.size(), 0.0);
    for (size_t i = 0; i < levels.size(); ++i)
        consistency[i] = PulseEvidence::offBeatConsistency(percussive, levels[i], fps);
    if (!backbeat)
        while (chosen + 1 < levels.size() && bpmOf(chosen) < kSlowestBeatBpm)
            ++chosen;
    // A backbeat above the preferred range needs the evidence a faster level needs there anyway (a level's
    // refined BPM scatters by a few tenths: 180.04 is 180).
    if (backbeat && bpmOf(chosen) > kLevelTolerance * m_options.maxBpm && chosen > 0 &&
        consistency[chosen - 1] < kSubdivisionShare)
        --chosen;
    // Every climb to a faster level needs something between that level's points (BeatSubdivision), except
    // from a slow backbeat (a half-time feel: read at twice its tempo by convention, see 3c) and where the
    // faster level is an even pulse in the body band (kEvenPulseStrength).
    const auto subdivided = [&](size_t faster) {
        return (backbeat && bpmOf(faster - 1) < kHalfTimeBelowBpm) ||
               PulseEvidence::halfWayStrength(body, levels[faster - 1], fps) >= kEvenPulseStrength ||
               BeatSubdivision::share(nov, levels[faster], fps) >= kSubdividedShare;
    };
    while (chosen + 1 < levels.size() && bpmOf(chosen + 1) <= kFastestBackbeatBpm &&
           consistency[chosen] >=
               (bpmOf(chosen + 1) <= m_options.maxBpm ? kInRangeSubdivisionShare : kSubdivisionShare) &&
           subdivided(chosen + 1))
        ++chosen;
    if (!backbeat) {
        double margin = std::abs(consistency[chosen] - kSubdivisionShare);
        if (bpmOf(chosen) < m_options.minBpm && chosen + 1 < levels.size()) {
            margin = std::abs(consistency[chosen] - kOutOfRangeShare);
            if (consistency[chosen] >= kOutOfRangeShare && subdivided(chosen + 1))
                ++chosen;
        }
        while (bpmOf(chosen) > m_options.maxBpm && chosen > 0 &&
               rangeWeight(bpmOf(chosen), m_options) < rangeWeight(bpmOf(chosen - 1), m_options))
            --chosen;
        octaveClarity = 0.5 + 0.5 * std::min(1.0, margin / 0.3);
    }
    // 3c. A slow reading whose half-period points carry drum hits now and then is half time, backbeat or
    // not: the beat is the level above (on the corpus of issue 17, pieces notated at 104-150 BPM came out
    // at half with 0.23-0.71 of those points hit; the slow pieces notated at 64 and 72 BPM have 0.00-0.10).
    while (chosen + 1 < levels.size() && bpmOf(chosen) < kHalfTimeBelowBpm &&
           bpmOf(chosen + 1) <= m_options.maxBpm && consistency[chosen] >= kOutOfRangeShare &&
           subdivided(chosen + 1))
        ++chosen;
    // 3d. Far below the preferred range, a level slower than the periodicity's own pick (which already leans
    // towards 120 BPM) is its half: without a backbeat nothing names the slower one.
    while (!backbeat && chosen + 1 < levels.size() && bpmOf(chosen) < kSlowestPlainBpm &&
           bpmOf(chosen + 1) <= bestBpm * 1.05 && subdivided(chosen + 1))
        ++chosen;
    const double period = levels[chosen];

    // 4. Beats, then the BPM from their spacing.
    std::vector<int> beatIndices = trackBeats(nov, period);
    trimWeakEnds(beatIndices, nov);
    if (beatIndices.size() < 2)
        return makeError("no steady beat found");
    std::vector<double> beats;
    beats.reserve(beatIndices.size());
    for (int b : beatIndices)
        beats.push_back(refineBeat(nov, b));
    GridFit fit = fitGrid(beats, period);
    // Steady music: the constant grid fitted to the whole envelope gives the BPM and the beats.
    ConstantGrid::Fit grid = ConstantGrid::fit(nov, fit.period, beats);
    const std::vector<float> low = novelty(envelope.lowFlux());
    BeatPhase::adoptWhereHarmonyChanges(grid, envelope, envelope.harmony());
    if (grid.steady) {
        ConstantGrid::preferLongShortSwing(grid, nov);
        ConstantGrid::preferLowBandBeats(grid, low, body);
        BeatPhase::preferHarmonicChange(grid, envelope, envelope.harmony());
        BeatPhase::preferKickAndSnare(grid, low, body, envelope.harmony());
        BeatPhase::settleOnsets(grid, nov, body);
        beats = ConstantGrid::soundingBeats(grid, envelope.energy(), beats.front(), beats.back());
        fit.period = grid.period;
        beatIndices.clear();
        for (double b : beats)
            beatIndices.push_back(static_cast<int>(std::lround(b)));
    } else if (grid.standsOut) {
        // Beats off the grid in places (tracked beats kept), but the pulse of the whole clip is its period:
        // the tracker's slope slips by 1-2 % where it jumps between beats and off-beats.
        fit.period = grid.period;
    }

    TempoResult result;
    result.bpm = 60.0 * fps / fit.period;
    for (double b : beats)
        result.beatFrames.push_back(std::max<int64_t>(0, std::llround(envelope.audioFrame(b))));

    // Confidence: how much stronger the envelope is on the beats than on average, how steady the beats are,
    // and how clear the choice between this tempo and its double or half was.
    double onBeats = 0.0;
    for (int b : beatIndices)
        onBeats += peakNear(nov, b);
    onBeats /= static_cast<double>(beatIndices.size());
    double average = 0.0;
    for (size_t t = 0; t < nov.size(); ++t)
        average += peakNear(nov, static_cast<double>(t));
    average /= static_cast<double>(nov.size());
    const double contrast = onBeats > 0.0 ? std::clamp(1.0 - average / onBeats, 0.0, 1.0) : 0.0;
    const double steadiness = std::exp(-std::pow(fit.residualRms / (0.08 * fit.period), 2.0));
    result.confidence = std::clamp(std::sqrt(contrast * steadiness) * octaveClarity, 0.0, 1.0);

    // 5. Downbeats: the phase (of beatsPerBar) with the most low-band onset energy; ties go to the phase
    // of the first beat, since music mostly starts on a downbeat.
    std::array<double, 4> phaseEnergy{};
    std::array<int, 4> phaseCount{};
    for (size_t i = 0; i < beatIndices.size(); ++i) {
        phaseEnergy[i % 4] += peakNear(low, beatIndices[i]) + 0.25 * peakNear(nov, beatIndices[i]);
        phaseCount[i % 4] += 1;
    }
    int bestPhase = 0;
    double bestPhaseEnergy = -1.0;
    for (int p = 0; p < 4; ++p) {
        const double mean = phaseCount[static_cast<size_t>(p)] > 0
                                ? phaseEnergy[static_cast<size_t>(p)] / phaseCount[static_cast<size_t>(p)]
                                : 0.0;
        if (mean > bestPhaseEnergy * 1.02) {
            bestPhaseEnergy = mean;
            bestPhase = p;
        }
    }
    for (size_t i = static_cast<size_t>(bestPhase); i < result.beatFrames.size(); i += 4)
        result.downbeatFrames.push_back(result.beatFrames[i]);
    return result;
}

} // namespace stemcrate::analysis
