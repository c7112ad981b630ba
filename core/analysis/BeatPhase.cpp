#include "analysis/BeatPhase.h"

#include "analysis/HarmonicChange.h"
#include "analysis/OnsetStrength.h"

#include <algorithm>
#include <cmath>

namespace stemcrate::analysis {

double BeatPhase::meanChange(const ConstantGrid::Fit& fit, const OnsetStrength& envelope,
                             const HarmonicChange& harmony)
{
    if (fit.period <= 0.0 || envelope.sampleRate() <= 0 || harmony.empty())
        return 0.0;
    const double secondsPerValue = 1.0 / envelope.valuesPerSecond();
    const double span = fit.period * secondsPerValue;
    double sum = 0.0;
    int points = 0;
    for (double t = fit.phase; t < static_cast<double>(envelope.size()); t += fit.period, ++points)
        sum += harmony.change(envelope.audioFrame(t) / envelope.sampleRate(), span);
    return points > 0 ? sum / points : 0.0;
}

bool BeatPhase::preferHarmonicChange(ConstantGrid::Fit& fit, const OnsetStrength& envelope,
                                     const HarmonicChange& harmony)
{
    if (fit.period <= 0.0 || harmony.tonality() < kMinimumTonality)
        return false;
    ConstantGrid::Fit half = fit;
    half.phase = std::fmod(fit.phase + 0.5 * fit.period, fit.period);
    const double onGrid = meanChange(fit, envelope, harmony);
    const double halfWay = meanChange(half, envelope, harmony);
    const bool move = halfWay >= kMinimumChange && halfWay >= kChangeRatio * onGrid;
    if (move)
        fit.phase = half.phase;
    return move;
}

bool BeatPhase::adoptWhereHarmonyChanges(ConstantGrid::Fit& fit, const OnsetStrength& envelope,
                                         const HarmonicChange& harmony)
{
    if (fit.steady || !fit.standsOut || fit.period <= 0.0 || harmony.tonality() < kMinimumTonality)
        return false;
    double best = -1.0, second = -1.0, bestPhase = fit.phase;
    for (int quarter = 0; quarter < 4; ++quarter) {
        ConstantGrid::Fit moved = fit;
        moved.phase = std::fmod(fit.phase + 0.25 * quarter * fit.period, fit.period);
        const double change = meanChange(moved, envelope, harmony);
        if (change > best) {
            second = best;
            best = change;
            bestPhase = moved.phase;
        } else if (change > second) {
            second = change;
        }
    }
    const bool adopt = best >= kMinimumChange && best >= kAdoptClarity * second;
    if (adopt) {
        fit.phase = bestPhase;
        fit.steady = true;
    }
    return adopt;
}

bool BeatPhase::preferKickAndSnare(ConstantGrid::Fit& fit, const std::vector<float>& low,
                                   const std::vector<float>& body, const HarmonicChange& harmony)
{
    if (harmony.empty() || harmony.tonality() >= kMinimumTonality)
        return false;
    return ConstantGrid::preferLowBandBeats(fit, body, low); // the roles of the two bands swapped
}

bool BeatPhase::preferSwungAnd(ConstantGrid::Fit& fit, const std::vector<float>& envelope)
{
    if (fit.period <= 8.0 || static_cast<double>(envelope.size()) < 4.0 * fit.period)
        return false;
    // Offsets from the grid's points; the half-way points' swung "and" lies past the next grid point.
    double at = 0.0;
    const double onGrid = ConstantGrid::strongestFolded(envelope, fit, 0.0, 0.03, at);
    const double halfWay = ConstantGrid::strongestFolded(envelope, fit, 0.47, 0.53, at);
    const double halfWaySwung = ConstantGrid::strongestFolded(envelope, fit, kSwungAndFrom - 0.5, kSwungAndTo - 0.5, at);
    const double halfWayTriplet = ConstantGrid::strongestFolded(envelope, fit, 0.5 + (1.0 - kSwungAndTo),
                                                                0.5 + (1.0 - kSwungAndFrom), at);
    const double gridSwung = ConstantGrid::strongestFolded(envelope, fit, kSwungAndFrom, kSwungAndTo, at);
    const bool move = halfWaySwung >= kSwungAndStrength * std::max(onGrid, halfWay) &&
                      halfWaySwung >= kSwungAndRatio * gridSwung &&
                      halfWaySwung >= kSwungAndRatio * halfWayTriplet;
    if (move)
        fit.phase = std::fmod(fit.phase + 0.5 * fit.period, fit.period);
    return move;
}

bool BeatPhase::preferBodyOnsets(ConstantGrid::Fit& fit, const std::vector<float>& body)
{
    if (fit.period <= 8.0 || static_cast<double>(body.size()) < 4.0 * fit.period)
        return false;
    double onGridAt = 0.0, laterAt = 0.0, earlierAt = 0.0;
    const double onGrid = ConstantGrid::strongestFolded(body, fit, 0.0, 0.03, onGridAt);
    // Offsets kept within [0, period) so that every grid point counts.
    const double later = ConstantGrid::strongestFolded(body, fit, 0.05, kBodyReach, laterAt);
    const double earlier = ConstantGrid::strongestFolded(body, fit, 1.0 - kBodyReach, 0.95, earlierAt);
    const double lastGrid = ConstantGrid::strongestFolded(body, fit, 0.97, 1.0, onGridAt);
    const double best = std::max(later, earlier);
    const bool move = best >= kBodyShare * std::max(onGrid, lastGrid);
    if (move)
        fit.phase = std::fmod(fit.phase + (later >= earlier ? laterAt : earlierAt), fit.period);
    return move;
}

void BeatPhase::settleOnsets(ConstantGrid::Fit& fit, const std::vector<float>& envelope,
                             const std::vector<float>& body)
{
    preferSwungAnd(fit, envelope);
    preferBodyOnsets(fit, body);
}

} // namespace stemcrate::analysis
