#include "mining/HitClassifier.h"

#include "mining/HitClassifierModel.h"

#include <algorithm>
#include <cmath>

namespace stemcrate::mining {

namespace {

constexpr double kLogFloor = 1e-4; // band fractions and flatness below this read as equal
constexpr double kShortestDecaySeconds = 0.005, kLongestDecaySeconds = 4.0;

static_assert(model::kInputs == kModelInputs, "regenerate HitClassifierModel.h (train_hit_classifier)");

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
    for (const auto& segment : f.attackBands)
        for (double band : segment)
            x[i++] = std::log(band + kLogFloor);
    for (double slope : f.bandDecayDbPerSecond)
        x[i++] = slope / 1000.0;
    return x;
}

bool looksTonal(const SampleFeatures& f)
{
    return f.tonality > 0.5 && f.decay40Seconds > 0.8 && f.flatness < 0.01 && f.centroidHz > 150.0 &&
           f.centroidHz < 2000.0;
}

StemContext stemMedians(const std::vector<const SampleFeatures*>& stem)
{
    StemContext median{};
    if (stem.empty())
        return median;
    std::vector<StemContext> inputs;
    inputs.reserve(stem.size());
    for (const SampleFeatures* f : stem)
        inputs.push_back(classifierInputs(*f));
    std::vector<double> column(inputs.size());
    for (size_t i = 0; i < median.size(); ++i) {
        for (size_t h = 0; h < inputs.size(); ++h)
            column[h] = inputs[h][i];
        const auto middle = column.begin() + static_cast<std::ptrdiff_t>(column.size() / 2);
        std::nth_element(column.begin(), middle, column.end());
        median[i] = *middle;
        if (column.size() % 2 == 0) // the mean of the two middle values
            median[i] = 0.5 * (median[i] + *std::max_element(column.begin(), middle));
    }
    return median;
}

std::array<double, kModelInputs> modelInputs(const SampleFeatures& f, const StemContext& context)
{
    const StemContext own = classifierInputs(f);
    std::array<double, kModelInputs> x{};
    for (size_t i = 0; i < own.size(); ++i) {
        x[i] = own[i];
        x[own.size() + i] = own[i] - context[i];
    }
    return x;
}

namespace {

HitClassification classifyInContext(const SampleFeatures& f, const StemContext& context)
{
    if (looksTonal(f))
        return {HitClass::Tonal, 0.6};
    const std::array<double, kModelInputs> x = modelInputs(f, context);
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

} // namespace

HitClassification classifyHit(const SampleFeatures& f)
{
    return classifyInContext(f, model::kTypicalContext);
}

std::vector<HitClassification> classifyHits(const std::vector<const SampleFeatures*>& stem)
{
    const StemContext context = stem.size() >= kMinimumContextHits ? stemMedians(stem) : model::kTypicalContext;
    std::vector<HitClassification> classes;
    classes.reserve(stem.size());
    for (const SampleFeatures* f : stem)
        classes.push_back(classifyInContext(*f, context));
    return classes;
}

} // namespace stemcrate::mining
