#include "analysis/BeatSubdivision.h"

#include "analysis/PulsePhase.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace stemcrate::analysis {

namespace {

float peakBetween(const std::vector<float>& x, double from, double to)
{
    const auto first = static_cast<long>(std::ceil(std::max(0.0, from)));
    const auto last = std::min(static_cast<long>(std::floor(to)), static_cast<long>(x.size()) - 1);
    float v = 0.0f;
    for (long i = first; i <= last; ++i)
        v = std::max(v, x[static_cast<size_t>(i)]);
    return v;
}

// The points of a pulse of `period`: per window (kWindowSeconds, at least four periods) the phase with the
// most onset energy. Each point is followed by a whole period inside the envelope.
std::vector<double> pulsePoints(const std::vector<float>& envelope, double period, double valuesPerSecond)
{
    std::vector<double> points;
    const int n = static_cast<int>(envelope.size());
    if (period < 2.0 || n < static_cast<int>(2 * period))
        return points;
    const int window = std::max(static_cast<int>(BeatSubdivision::kWindowSeconds * valuesPerSecond),
                                static_cast<int>(4 * period));
    for (int start = 0; start < n; start += window) {
        const int end = std::min(start + window, n);
        const int bestPhase = strongestPulsePhase(start, end, period,
                                                  [&envelope](double t) { return peakNear(envelope, t); });
        for (double t = start + bestPhase; t + period < end; t += period)
            points.push_back(t);
    }
    return points;
}

} // namespace

double BeatSubdivision::share(const std::vector<float>& envelope, double period, double valuesPerSecond)
{
    const std::vector<double> points = pulsePoints(envelope, period, valuesPerSecond);
    if (points.empty())
        return 0.0;
    std::vector<float> on;
    on.reserve(points.size());
    for (double t : points)
        on.push_back(peakNear(envelope, t));
    const double threshold = medianOf(std::move(on)) / 4.0;
    const auto hits = std::count_if(points.begin(), points.end(), [&](double t) {
        const float v = peakBetween(envelope, t + kFrom * period, t + kTo * period);
        return v >= threshold && v > 0.0f;
    });
    return static_cast<double>(hits) / static_cast<double>(points.size());
}

} // namespace stemcrate::analysis
