#include "analysis/BeatPhase.h"

#include "analysis/HarmonicChange.h"
#include "analysis/OnsetStrength.h"

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

bool BeatPhase::preferKickAndSnare(ConstantGrid::Fit& fit, const std::vector<float>& low,
                                   const std::vector<float>& body, const HarmonicChange& harmony)
{
    if (harmony.empty() || harmony.tonality() >= kMinimumTonality)
        return false;
    return ConstantGrid::preferLowBandBeats(fit, body, low); // the roles of the two bands swapped
}

} // namespace stemcrate::analysis
