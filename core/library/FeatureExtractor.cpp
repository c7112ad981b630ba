#include "library/FeatureExtractor.h"

#include "mining/SampleFeatures.h"

#include <cmath>
#include <limits>

namespace stemcrate::library {
namespace {

std::vector<float> embedding(const AudioBuffer& audio)
{
    return mining::computeSampleFeatures(audio).embedding;
}

} // namespace

FeatureExtractor defaultFeatureExtractor()
{
    return FeatureExtractor{"stemcrate-embedding", mining::kFeaturesVersion, &embedding};
}

double featureDistance(const std::vector<float>& a, const std::vector<float>& b)
{
    if (a.empty() || a.size() != b.size())
        return std::numeric_limits<double>::infinity();
    double sum = 0;
    for (size_t i = 0; i < a.size(); ++i)
        sum += (double(a[i]) - b[i]) * (double(a[i]) - b[i]);
    return std::sqrt(sum);
}

} // namespace stemcrate::library
