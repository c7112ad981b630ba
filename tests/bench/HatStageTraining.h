#pragma once
// HatStageTraining: fits HitClassifier's hat stage (open against closed hat over hatModelInputs) for
// train_hit_classifier: a binary logistic regression on standardised inputs by full-batch Adam on the
// weighted mean cross-entropy plus l2 * |w|^2.
// Ownership: plain values. Threads: any. Units: as hatModelInputs.

#include "mining/HitClassifier.h"

#include <array>
#include <vector>

namespace stemcrate::testing {

using HatInputs = std::array<double, mining::kHatModelInputs>;

struct HatSample
{
    HatInputs x{};
    bool open = false;
    double weight = 1.0;
};

struct HatModel
{
    HatInputs mean{}, scale{}, weights{};
    double bias = 0;

    double openProbability(const HatInputs& x) const;
};

HatModel trainHatModel(const std::vector<HatSample>& samples, double l2, int iterations);

} // namespace stemcrate::testing
