#include "analysis/ConstantGrid.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <numbers>

namespace stemcrate::analysis {

namespace {

constexpr size_t kHarmonics = 4;

// Strength of a pulse train of `period` in the envelope: magnitudes of its first Fourier harmonics,
// weighted 1, 1/2, 1/3, ... (onset peaks a few values wide have most of their energy in the first ones).
// Goertzel's recursion, the harmonics side by side (independent chains, so the loop is not bound by one
// chain's latency): one multiply and two adds per value and harmonic.
double pulseStrength(const std::vector<float>& envelope, double period)
{
    std::array<double, kHarmonics> coefficient{}, s1{}, s2{};
    for (size_t h = 0; h < kHarmonics; ++h)
        coefficient[h] = 2.0 * std::cos(2.0 * std::numbers::pi * static_cast<double>(h + 1) / period);
    for (float v : envelope) {
        for (size_t h = 0; h < kHarmonics; ++h) {
            const double s0 = v + coefficient[h] * s1[h] - s2[h];
            s2[h] = s1[h];
            s1[h] = s0;
        }
    }
    double strength = 0.0;
    for (size_t h = 0; h < kHarmonics; ++h) {
        const double power = s1[h] * s1[h] + s2[h] * s2[h] - coefficient[h] * s1[h] * s2[h];
        strength += std::sqrt(std::max(0.0, power)) / static_cast<double>(h + 1);
    }
    return strength;
}

double envelopeAt(const std::vector<float>& envelope, double position)
{
    if (position < 0.0 || position > static_cast<double>(envelope.size() - 1))
        return 0.0;
    const auto i = static_cast<size_t>(position);
    const double f = position - static_cast<double>(i);
    const double next = i + 1 < envelope.size() ? envelope[i + 1] : envelope[i];
    return envelope[i] * (1.0 - f) + next * f;
}

} // namespace

ConstantGrid::Fit ConstantGrid::fit(const std::vector<float>& envelope, double period,
                                    const std::vector<double>& trackedBeats)
{
    Fit out;
    out.period = period;
    const double n = static_cast<double>(envelope.size());
    if (period <= 1.0 || n < 4.0 * period)
        return out;
    // Coarse: relative steps that move the clip's last beat by about one value (at most 1e-4: three values
    // over three minutes), then ten times finer around the best.
    double best = period, bestStrength = -1.0;
    const double coarse = std::max(1.0 / n, 1e-4);
    for (double p = period * (1.0 - kSearchSpan); p <= period * (1.0 + kSearchSpan); p += coarse * period) {
        const double s = pulseStrength(envelope, p);
        if (s > bestStrength) {
            bestStrength = s;
            best = p;
        }
    }
    const double centre = best;
    for (double p = centre - coarse * period; p <= centre + coarse * period; p += 0.1 * coarse * period) {
        const double s = pulseStrength(envelope, p);
        if (s > bestStrength) {
            bestStrength = s;
            best = p;
        }
    }
    out.period = best;
    // Phase: the tracked beats' (circular mean), refined to the offset (quarter-value steps) nearby whose
    // grid points carry the most envelope. The tracker has already chosen between the beat and off-beats
    // (swung off-beats may be the louder ones).
    std::complex<double> direction = 0.0;
    for (double b : trackedBeats)
        direction += std::polar(1.0, 2.0 * std::numbers::pi * b / best);
    const double tracked = trackedBeats.empty() ? 0.0 : std::arg(direction) / (2.0 * std::numbers::pi) * best;
    double bestSum = -1.0;
    const double reach = trackedBeats.empty() ? 0.5 * best : kOnGridShare * best;
    for (double phase = tracked - reach; phase < tracked + reach; phase += 0.25) {
        double sum = 0.0;
        for (double t = phase - std::floor(phase / best) * best; t < n; t += best)
            sum += envelopeAt(envelope, t);
        if (sum > bestSum) {
            bestSum = sum;
            out.phase = phase - std::floor(phase / best) * best;
        }
    }
    int shared = 0;
    for (double b : trackedBeats) {
        const double offset = std::remainder(b - out.phase, best);
        shared += std::abs(offset) <= kOnGridShare * best;
    }
    out.sharedShare = trackedBeats.empty() ? 0.0 : static_cast<double>(shared) / trackedBeats.size();
    // Steady: most tracked beats on the grid, or the grid's points as strong as the tracked beats (the
    // tracker drifted off a steady pulse: swing, pickups, sparse bars).
    double onGrid = 0.0, onTracked = 0.0;
    int gridPoints = 0;
    for (double t = out.phase; t < n; t += best, ++gridPoints)
        onGrid += envelopeAt(envelope, t);
    for (double b : trackedBeats)
        onTracked += envelopeAt(envelope, b);
    out.strengthRatio = gridPoints > 0 && onTracked > 0.0
                            ? (onGrid / gridPoints) / (onTracked / static_cast<double>(trackedBeats.size()))
                            : 0.0;
    double average = 0.0;
    for (float v : envelope)
        average += v;
    average /= n;
    out.standsOut = gridPoints > 0 && onGrid / gridPoints >= kMinimumContrast * average;
    out.steady = out.standsOut && (out.sharedShare >= kSteadyShare || out.strengthRatio >= kSteadyStrength);
    return out;
}

bool ConstantGrid::preferLowBandBeats(Fit& fit, const std::vector<float>& low, const std::vector<float>& body)
{
    if (fit.period <= 0.0)
        return false;
    const double half = 0.5 * fit.period;
    const bool move = foldedStrength(low, fit, half) > kLowShare * foldedStrength(low, fit, 0.0) &&
                      foldedStrength(body, fit, half) >= foldedStrength(body, fit, 0.0);
    if (move)
        fit.phase = std::fmod(fit.phase + half, fit.period);
    return move;
}

bool ConstantGrid::preferLongShortSwing(Fit& fit, const std::vector<float>& envelope)
{
    const double n = static_cast<double>(envelope.size());
    if (fit.period <= 8.0 || n < 4.0 * fit.period)
        return false;
    double early = 0.0, late = 0.0, onGrid = 0.0;
    const double earlyStrength = strongestFolded(envelope, fit, kSwingEarlyFrom, kSwingEarlyTo, early);
    const double lateStrength = strongestFolded(envelope, fit, 1.0 - kSwingEarlyTo, 1.0 - kSwingEarlyFrom, late);
    const double gridStrength = strongestFolded(envelope, fit, -0.05, 0.05, onGrid);
    const bool move = earlyStrength >= kSwingStrength * gridStrength && earlyStrength >= kSwingRatio * lateStrength;
    if (move) {
        const double phase = fit.phase + early;
        fit.phase = phase - std::floor(phase / fit.period) * fit.period;
    }
    return move;
}

double ConstantGrid::foldedStrength(const std::vector<float>& envelope, const Fit& fit, double offset)
{
    if (fit.period <= 0.0)
        return 0.0;
    double sum = 0.0;
    int points = 0;
    for (double t = fit.phase + offset; t < static_cast<double>(envelope.size()); t += fit.period, ++points)
        sum += std::max({envelopeAt(envelope, t - 1.0), envelopeAt(envelope, t), envelopeAt(envelope, t + 1.0)});
    return points > 0 ? sum / points : 0.0;
}

double ConstantGrid::strongestFolded(const std::vector<float>& envelope, const Fit& fit, double from, double to,
                                     double& at)
{
    double best = -1.0;
    for (double x = from * fit.period; x <= to * fit.period; x += 0.5) {
        const double v = foldedStrength(envelope, fit, x);
        if (v > best) {
            best = v;
            at = x;
        }
    }
    return best;
}

std::vector<double> ConstantGrid::beats(const Fit& fit, double first, double last)
{
    std::vector<double> out;
    if (fit.period <= 0.0)
        return out;
    const double start = fit.phase + std::ceil((first - 0.5 * fit.period - fit.phase) / fit.period) * fit.period;
    for (double t = start; t <= last + 0.5 * fit.period; t += fit.period)
        if (t >= 0.0)
            out.push_back(t);
    return out;
}

std::vector<double> ConstantGrid::soundingBeats(const Fit& fit, const std::vector<float>& energy, double first,
                                                double last)
{
    if (fit.period <= 0.0 || energy.empty())
        return beats(fit, first, last);
    std::vector<float> sorted(energy);
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2), sorted.end());
    const double floor = kSoundingLevel * sorted[sorted.size() / 2];
    size_t from = 0, to = energy.size();
    while (from < energy.size() && !(energy[from] > floor))
        ++from;
    while (to > from && !(energy[to - 1] > floor))
        --to;
    if (from >= to)
        return beats(fit, first, last);
    std::vector<double> out;
    const double soundFrom = static_cast<double>(from) - kLeadShare * fit.period;
    const double soundTo = static_cast<double>(to - 1);
    const double start = fit.phase + std::ceil((std::min(soundFrom, first - 0.5 * fit.period) - fit.phase) / fit.period) * fit.period;
    const double end = std::min(std::max(soundTo, last + 0.5 * fit.period), static_cast<double>(energy.size() - 1));
    for (double t = start; t <= end; t += fit.period)
        if (t >= 0.0)
            out.push_back(t);
    return out;
}

} // namespace stemcrate::analysis
