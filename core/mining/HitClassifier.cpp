#include "mining/HitClassifier.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace stemcrate::mining {

namespace {

// 0 below `from`, 1 above `to`, linear between (reversed when from > to).
double ramp(double value, double from, double to)
{
    return std::clamp((value - from) / (to - from), 0.0, 1.0);
}

double sum(const std::array<double, kFeatureBands>& bands, size_t from, size_t to)
{
    return std::accumulate(bands.begin() + static_cast<std::ptrdiff_t>(from),
                           bands.begin() + static_cast<std::ptrdiff_t>(to), 0.0);
}

} // namespace

HitClassification classifyHit(const SampleFeatures& f)
{
    const double low = sum(f.bands, 0, 2);     // below 120 Hz
    const double lowMid = sum(f.bands, 2, 4);  // 120-500 Hz
    const double mid = sum(f.bands, 4, 6);     // 500 Hz - 2 kHz
    const double high = sum(f.bands, 6, 10);   // above 2 kHz
    const double ring = f.decay40Seconds;
    const double noisy = ramp(f.flatness, 0.05, 0.3);
    const double pitched = ramp(f.tonality, 0.1, 0.4);

    std::array<double, kAllHitClasses.size()> score{};
    auto at = [&](HitClass c) -> double& { return score[static_cast<size_t>(c)]; };
    at(HitClass::Kick) = ramp(low, 0.3, 0.6) * ramp(f.centroidHz, 800.0, 300.0);
    at(HitClass::Tom) = ramp(lowMid + low, 0.4, 0.7) * ramp(low, 0.6, 0.3) * pitched;
    at(HitClass::Snare) = ramp(mid + high, 0.4, 0.7) * ramp(lowMid + low, 0.05, 0.2) * noisy;
    at(HitClass::Clap) = 0.5 * at(HitClass::Snare) * ramp(low + lowMid, 0.2, 0.05);
    const double metal = ramp(high, 0.6, 0.85) * ramp(low + lowMid, 0.15, 0.03);
    at(HitClass::HatClosed) = metal * ramp(ring, 0.25, 0.12);
    at(HitClass::HatOpen) = metal * ramp(ring, 0.12, 0.25) * ramp(ring, 1.2, 0.7);
    at(HitClass::Cymbal) = metal * ramp(ring, 0.7, 1.2);
    at(HitClass::Tonal) = pitched * ramp(ring, 0.5, 1.0) * ramp(f.centroidHz, 200.0, 400.0) * 0.8;
    at(HitClass::Perc) = 0.15;

    const auto best = std::max_element(score.begin(), score.end());
    const double total = std::accumulate(score.begin(), score.end(), 0.0);
    HitClassification result;
    result.hitClass = kAllHitClasses[static_cast<size_t>(best - score.begin())];
    result.confidence = total > 0.0 ? *best / total : 0.0;
    return result;
}

} // namespace stemcrate::mining
