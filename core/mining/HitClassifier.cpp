#include "mining/HitClassifier.h"

#include "mining/HitClassifierModel.h"

#include <algorithm>
#include <cmath>

namespace stemcrate::mining {

namespace {

constexpr double kLogFloor = 1e-4; // band fractions and flatness below this read as equal
constexpr double kShortestDecaySeconds = 0.005, kLongestDecaySeconds = 4.0;

static_assert(model::kInputs == kClassifierInputs, "regenerate HitClassifierModel.h (train_hit_classifier)");

// Time to fall 20 dB: measured when the sound got there, else extrapolated along its slope (a hit cut short
// by the next one says nothing about its length by itself).
double decay20Seconds(const SampleFeatures& f)
{
    const bool reached = f.decay20Seconds < f.durationSeconds - f.attackSeconds - 1e-9;
    const double seconds = reached                          ? f.decay20Seconds
                           : f.decaySlopeDbPerSecond < 0.0 ? -20.0 / f.decaySlopeDbPerSecond
                                                            : kLongestDecaySeconds;
    return std::clamp(seconds, kShortestDecaySeconds, kLongestDecaySeconds);
}

} // namespace

std::array<double, kClassifierInputs> classifierInputs(const SampleFeatures& f)
{
    std::array<double, kClassifierInputs> x{};
    size_t i = 0;
    x[i++] = std::log(std::max(f.centroidHz, 20.0));
    x[i++] = std::log(std::max(f.attackCentroidHz, 20.0));
    x[i++] = std::log(std::max(f.rolloffHz, 20.0));
    x[i++] = std::log(f.flatness + kLogFloor);
    x[i++] = f.tonality;
    x[i++] = f.zeroCrossingRate;
    for (double band : f.bands)
        x[i++] = std::log(band + kLogFloor);
    x[i++] = f.levelDbAt30ms / 20.0;
    x[i++] = f.levelDbAt80ms / 20.0;
    x[i++] = std::max(f.decaySlopeDbPerSecond, -2000.0) / 100.0;
    x[i++] = std::log(decay20Seconds(f));
    x[i++] = std::log(std::clamp(f.attackSeconds, 0.001, 0.1));
    return x;
}

bool looksTonal(const SampleFeatures& f)
{
    return f.tonality > 0.5 && f.decay40Seconds > 0.8 && f.flatness < 0.01 && f.centroidHz > 150.0 &&
           f.centroidHz < 2000.0;
}

HitClassification classifyHit(const SampleFeatures& f)
{
    if (looksTonal(f))
        return {HitClass::Tonal, 0.6};
    const std::array<double, kClassifierInputs> x = classifierInputs(f);
    std::array<double, model::kClasses.size()> logits{};
    for (size_t c = 0; c < logits.size(); ++c) {
        logits[c] = model::kBias[c];
        for (size_t i = 0; i < x.size(); ++i)
            logits[c] += model::kWeights[c][i] * (x[i] - model::kMean[i]) / model::kScale[i];
    }
    const double largest = *std::max_element(logits.begin(), logits.end());
    double total = 0.0;
    for (double& l : logits)
        total += (l = std::exp(l - largest));
    const auto best = static_cast<size_t>(std::max_element(logits.begin(), logits.end()) - logits.begin());
    return {model::kClasses[best], logits[best] / total};
}

} // namespace stemcrate::mining
