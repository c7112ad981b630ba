#include "HatStageTraining.h"

#include <algorithm>
#include <cmath>

namespace stemcrate::testing {

double HatModel::openProbability(const HatInputs& x) const
{
    double logit = bias;
    for (size_t i = 0; i < x.size(); ++i)
        logit += weights[i] * (x[i] - mean[i]) / scale[i];
    return 1.0 / (1.0 + std::exp(-logit));
}

HatModel trainHatModel(const std::vector<HatSample>& samples, double l2, int iterations)
{
    HatModel m;
    const double n = static_cast<double>(std::max<size_t>(1, samples.size()));
    for (const HatSample& s : samples)
        for (size_t i = 0; i < m.mean.size(); ++i)
            m.mean[i] += s.x[i] / n;
    for (const HatSample& s : samples)
        for (size_t i = 0; i < m.mean.size(); ++i)
            m.scale[i] += std::pow(s.x[i] - m.mean[i], 2) / n;
    for (double& s : m.scale)
        s = std::max(1e-6, std::sqrt(s));
    double totalWeight = 0.0;
    for (const HatSample& s : samples)
        totalWeight += s.weight;
    std::array<double, mining::kHatModelInputs + 1> first{}, second{};
    const double rate = 0.05, beta1 = 0.9, beta2 = 0.999;
    for (int step = 1; step <= iterations; ++step) {
        std::array<double, mining::kHatModelInputs + 1> g{};
        for (const HatSample& s : samples) {
            const double d = s.weight / totalWeight * (m.openProbability(s.x) - (s.open ? 1.0 : 0.0));
            for (size_t i = 0; i < m.weights.size(); ++i)
                g[i] += d * (s.x[i] - m.mean[i]) / m.scale[i];
            g.back() += d;
        }
        for (size_t i = 0; i < g.size(); ++i) {
            double& param = i < m.weights.size() ? m.weights[i] : m.bias;
            const double gi = g[i] + (i < m.weights.size() ? 2.0 * l2 * param : 0.0);
            first[i] = beta1 * first[i] + (1 - beta1) * gi;
            second[i] = beta2 * second[i] + (1 - beta2) * gi * gi;
            const double mh = first[i] / (1 - std::pow(beta1, step)),
                         vh = second[i] / (1 - std::pow(beta2, step));
            param -= rate * mh / (std::sqrt(vh) + 1e-8);
        }
    }
    return m;
}

} // namespace stemcrate::testing
