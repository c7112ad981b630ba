#include "views/WaveformSummary.h"

#include <algorithm>
#include <cmath>

namespace stemcrate::ui {

void WaveformSummary::reset(int64_t totalFrames)
{
    m_total = std::max<int64_t>(0, totalFrames);
    m_summarised = 0;
    m_levels.assign(1, {});
    m_levels[0].reserve(size_t((m_total + kBaseFrames - 1) / kBaseFrames));
}

bool WaveformSummary::extend(const float* left, const float* right, int64_t validFrames, int64_t budgetFrames)
{
    validFrames = std::min(validFrames, m_total);
    if (m_levels.empty() || !left || !right)
        return false;
    std::vector<Bin>& base = m_levels[0];
    const size_t firstNewBin = base.size();
    int64_t budget = budgetFrames;
    while (budget > 0 && m_summarised < validFrames) {
        const int64_t begin = m_summarised;
        const int64_t end = std::min(begin + kBaseFrames, m_total);
        if (end > validFrames)
            break; // an incomplete bin waits for more audio
        Bin bin{left[begin], left[begin], 0.0f};
        double sumSquares = 0.0;
        for (int64_t t = begin; t < end; ++t) {
            const float l = left[t], r = right[t];
            bin.min = std::min({bin.min, l, r});
            bin.max = std::max({bin.max, l, r});
            sumSquares += double(l) * l + double(r) * r;
        }
        bin.rms = float(std::sqrt(sumSquares / double(2 * (end - begin))));
        base.push_back(bin);
        m_summarised = end;
        budget -= end - begin;
    }
    if (base.size() > firstNewBin)
        rebuildUpperLevels(firstNewBin);
    const int64_t reachable = (validFrames >= m_total) ? m_total : validFrames - validFrames % kBaseFrames;
    return m_summarised < reachable;
}

void WaveformSummary::rebuildUpperLevels(size_t firstChangedBin)
{
    size_t changed = firstChangedBin;
    for (size_t level = 1;; ++level) {
        if (m_levels[level - 1].size() <= 1)
            break;
        if (m_levels.size() <= level)
            m_levels.emplace_back(); // before taking references: this may move the levels
        const std::vector<Bin>& below = m_levels[level - 1];
        std::vector<Bin>& here = m_levels[level];
        // A bin is (re)built from its children; the last may be partial and is rebuilt as they arrive.
        const size_t first = changed / kFactor;
        here.resize(std::min(here.size(), first));
        for (size_t bin = first; bin * kFactor < below.size(); ++bin) {
            const size_t from = bin * kFactor;
            const size_t to = std::min(below.size(), from + kFactor);
            Bin merged = below[from];
            double squares = 0.0;
            for (size_t i = from; i < to; ++i) {
                merged.min = std::min(merged.min, below[i].min);
                merged.max = std::max(merged.max, below[i].max);
                squares += double(below[i].rms) * below[i].rms;
            }
            merged.rms = float(std::sqrt(squares / double(to - from)));
            here.push_back(merged);
        }
        changed = first;
    }
}

WaveformSummary::Bin WaveformSummary::range(int64_t first, int64_t last, bool* valid) const
{
    Bin result;
    bool any = false;
    last = std::min(last, m_summarised);
    if (first < 0)
        first = 0;
    if (last > first && !m_levels.empty()) {
        // Coarsest level whose bins are no wider than the span.
        int level = 0;
        int64_t binFrames = kBaseFrames;
        while (level + 1 < levelCount() && binFrames * kFactor <= last - first) {
            ++level;
            binFrames *= kFactor;
        }
        const std::vector<Bin>& bins = m_levels[size_t(level)];
        const int64_t from = first / binFrames;
        const int64_t to = std::min<int64_t>(int64_t(bins.size()), (last + binFrames - 1) / binFrames);
        double squares = 0.0;
        for (int64_t i = from; i < to; ++i) {
            const Bin& b = bins[size_t(i)];
            if (!any) {
                result.min = b.min;
                result.max = b.max;
                any = true;
            }
            result.min = std::min(result.min, b.min);
            result.max = std::max(result.max, b.max);
            squares += double(b.rms) * b.rms;
        }
        if (to > from)
            result.rms = float(std::sqrt(squares / double(to - from)));
    }
    if (valid)
        *valid = any;
    return result;
}

} // namespace stemcrate::ui
