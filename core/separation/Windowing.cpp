#include "separation/Windowing.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace stemcrate::separation {

WindowPlan planWindows(int64_t totalFrames, int64_t windowFrames, double overlap)
{
    WindowPlan plan;
    plan.totalFrames = std::max<int64_t>(totalFrames, 0);
    if (windowFrames <= 0) {
        plan.windowFrames = std::max<int64_t>(plan.totalFrames, 1);
        plan.starts = {0};
        return plan;
    }
    plan.windowFrames = windowFrames;
    plan.overlapFrames = static_cast<int64_t>(std::llround(std::clamp(overlap, 0.0, 0.5) * windowFrames));
    plan.rampIn.resize(static_cast<size_t>(plan.overlapFrames));
    for (int64_t j = 0; j < plan.overlapFrames; ++j) {
        const double x = (static_cast<double>(j) + 0.5) / static_cast<double>(plan.overlapFrames);
        const double s = std::sin(0.5 * std::numbers::pi * x);
        plan.rampIn[static_cast<size_t>(j)] = static_cast<float>(s * s);
    }
    const int64_t hop = plan.hopFrames();
    int64_t start = 0;
    plan.starts.push_back(0);
    while (start + windowFrames < plan.totalFrames) {
        start += hop;
        plan.starts.push_back(start);
    }
    return plan;
}

int64_t WindowPlan::finalUpTo(size_t k) const
{
    if (k + 1 >= starts.size())
        return totalFrames;
    return std::min(starts[k + 1], totalFrames);
}

float WindowPlan::weight(size_t k, int64_t i) const
{
    // The falling ramp of window k is 1 - the rising ramp of window k + 1 at the same frame.
    if (k > 0 && i < overlapFrames)
        return rampIn[static_cast<size_t>(i)];
    if (k + 1 < starts.size() && i >= windowFrames - overlapFrames)
        return 1.0f - rampIn[static_cast<size_t>(i - (windowFrames - overlapFrames))];
    return 1.0f;
}

} // namespace stemcrate::separation
