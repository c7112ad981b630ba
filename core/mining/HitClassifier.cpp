#include "mining/HitClassifier.h"

#include "mining/HitClassifierModel.h"

#include <algorithm>
#include <cmath>

namespace stemcrate::mining {

namespace {

constexpr double kLogFloor = 1e-4; // band fractions and flatness below this read as equal
constexpr double kShortestDecaySeconds = 0.005, kLongestDecaySeconds = 4.0;

static_assert(model::kInputs == kModelInputs && model::kHatInputs == kHatModelInputs,
              "regenerate HitClassifierModel.h (train_hit_classifier)");

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

namespace {

// The median of each column (the mean of the two middle values for an even count); zeros when empty.
template <size_t N> std::array<double, N> columnMedians(const std::vector<std::array<double, N>>& rows)
{
    std::array<double, N> median{};
    if (rows.empty())
        return median;
    std::vector<double> column(rows.size());
    for (size_t i = 0; i < N; ++i) {
        for (size_t h = 0; h < rows.size(); ++h)
            column[h] = rows[h][i];
        const auto middle = column.begin() + static_cast<std::ptrdiff_t>(column.size() / 2);
        std::nth_element(column.begin(), middle, column.end());
        median[i] = *middle;
        if (column.size() % 2 == 0)
            median[i] = 0.5 * (median[i] + *std::max_element(column.begin(), middle));
    }
    return median;
}

// The inputs as measured, then the same less the context.
template <size_t N>
std::array<double, 2 * N> ownThenRelative(const std::array<double, N>& own,
                                          const std::array<double, N>& context)
{
    std::array<double, 2 * N> x{};
    for (size_t i = 0; i < N; ++i) {
        x[i] = own[i];
        x[N + i] = own[i] - context[i];
    }
    return x;
}

} // namespace

StemContext stemMedians(const std::vector<const SampleFeatures*>& stem)
{
    std::vector<StemContext> inputs;
    inputs.reserve(stem.size());
    for (const SampleFeatures* f : stem)
        inputs.push_back(classifierInputs(*f));
    return columnMedians(inputs);
}

std::array<double, kHatDecayInputs> hatDecayInputs(const std::array<double, kClassifierInputs>& inputs)
{
    std::array<double, kHatDecayInputs> x{};
    for (size_t i = 0; i < 4; ++i)
        x[i] = inputs[kDecayInputsFrom + i];
    for (size_t g = 0; g < kDecayBandGroups; ++g)
        x[4 + g] = inputs[kClassifierInputs - kDecayBandGroups + g];
    return x;
}

HatContext hatMedians(const std::vector<std::array<double, kClassifierInputs>>& hats)
{
    std::vector<HatContext> decay;
    decay.reserve(hats.size());
    for (const auto& inputs : hats)
        decay.push_back(hatDecayInputs(inputs));
    return columnMedians(decay);
}

std::array<double, kHatModelInputs> hatModelInputs(const std::array<double, kClassifierInputs>& inputs,
                                                   const HatContext& hats)
{
    return ownThenRelative(hatDecayInputs(inputs), hats);
}

double blendedOpenProbability(double regression, double hatStage)
{
    const auto logOdds = [](double p) {
        p = std::clamp(p, 1e-9, 1.0 - 1e-9);
        return std::log(p / (1.0 - p));
    };
    return 1.0 / (1.0 + std::exp(-0.5 * (logOdds(regression) + logOdds(hatStage))));
}

double openHatProbability(const std::array<double, kHatModelInputs>& x)
{
    double logit = model::kHatBias;
    for (size_t i = 0; i < x.size(); ++i)
        logit += model::kHatWeights[i] * (x[i] - model::kHatMean[i]) / model::kHatScale[i];
    return 1.0 / (1.0 + std::exp(-logit));
}

std::array<double, kModelInputs> modelInputs(const SampleFeatures& f, const StemContext& context)
{
    return ownThenRelative(classifierInputs(f), context);
}

namespace {

using Probabilities = std::array<double, model::kClasses.size()>;

// The regression's class probabilities; empty (all zero) for a tonal sound.
Probabilities classProbabilities(const SampleFeatures& f, const StemContext& context)
{
    Probabilities p{};
    if (looksTonal(f))
        return p;
    const std::array<double, kModelInputs> x = modelInputs(f, context);
    for (size_t c = 0; c < p.size(); ++c) {
        p[c] = model::kBias[c];
        for (size_t i = 0; i < x.size(); ++i)
            p[c] += model::kWeights[c][i] * (x[i] - model::kMean[i]) / model::kScale[i];
    }
    const double largest = *std::max_element(p.begin(), p.end());
    double total = 0.0;
    for (double& l : p)
        total += (l = std::exp(l - largest));
    for (double& l : p)
        l /= total;
    return p;
}

HitClassification classificationOf(const Probabilities& p)
{
    if (*std::max_element(p.begin(), p.end()) <= 0.0)
        return {HitClass::Tonal, 0.6};
    const auto best = static_cast<size_t>(std::max_element(p.begin(), p.end()) - p.begin());
    return {model::kClasses[best], p[best]};
}

constexpr size_t classIndex(HitClass c)
{
    for (size_t i = 0; i < model::kClasses.size(); ++i)
        if (model::kClasses[i] == c)
            return i;
    return model::kClasses.size();
}

} // namespace

HitClassification classifyHit(const SampleFeatures& f)
{
    return classificationOf(classProbabilities(f, model::kTypicalContext));
}

std::vector<HitClassification> classifyHits(const std::vector<const SampleFeatures*>& stem, bool hatStage)
{
    const bool inContext = stem.size() >= kMinimumContextHits;
    const StemContext context = inContext ? stemMedians(stem) : model::kTypicalContext;
    std::vector<HitClassification> classes;
    std::vector<Probabilities> probabilities;
    classes.reserve(stem.size());
    probabilities.reserve(stem.size());
    for (const SampleFeatures* f : stem) {
        probabilities.push_back(classProbabilities(*f, context));
        classes.push_back(classificationOf(probabilities.back()));
    }
    // The hat's kind against the stem's hats.
    const auto isHat = [](HitClass c) { return c == HitClass::HatClosed || c == HitClass::HatOpen; };
    std::vector<std::array<double, kClassifierInputs>> hats;
    for (size_t h = 0; h < stem.size() && inContext && hatStage; ++h)
        if (isHat(classes[h].hitClass))
            hats.push_back(classifierInputs(*stem[h]));
    if (hats.size() < kMinimumHats)
        return classes;
    const HatContext hatContext = hatMedians(hats);
    static_assert(classIndex(HitClass::HatClosed) < model::kClasses.size() &&
                  classIndex(HitClass::HatOpen) < model::kClasses.size());
    for (size_t h = 0; h < stem.size(); ++h) {
        if (!isHat(classes[h].hitClass))
            continue;
        const double hat = probabilities[h][classIndex(HitClass::HatClosed)] +
                           probabilities[h][classIndex(HitClass::HatOpen)];
        const double open = blendedOpenProbability(
            probabilities[h][classIndex(HitClass::HatOpen)] / hat,
            openHatProbability(hatModelInputs(classifierInputs(*stem[h]), hatContext)));
        classes[h] = open > 0.5 ? HitClassification{HitClass::HatOpen, hat * open}
                                : HitClassification{HitClass::HatClosed, hat * (1.0 - open)};
    }
    return classes;
}

} // namespace stemcrate::mining
