#include "analysis/PulseEvidence.h"

#include "analysis/PulsePhase.h"

#include <algorithm>
#include <cmath>

namespace stemcrate::analysis {

namespace {

// The values of `envelope` on a pulse of `period` and half-way between its points: per window the phase
// with the most energy is the pulse's.
void pulseAndHalfWayValues(const std::vector<float>& envelope, double period, double valuesPerSecond,
                           std::vector<float>& onHits, std::vector<float>& offHits)
{
    const int window = std::max(static_cast<int>(PulseEvidence::kWindowSeconds * valuesPerSecond),
                                static_cast<int>(4 * period));
    const int n = static_cast<int>(envelope.size());
    for (int start = 0; start < n; start += window) {
        const int end = std::min(start + window, n);
        const int bestPhase =
            strongestPulsePhase(start, end, period, [&envelope](double t) { return peakNear(envelope, t); });
        for (double t = start + bestPhase; t + period / 2.0 < end; t += period) {
            onHits.push_back(peakNear(envelope, t));
            offHits.push_back(peakNear(envelope, t + period / 2.0));
        }
    }
}

} // namespace

// Per window the phase with the most energy is "the beat"; a half-way point counts when its strongest value
// nearby reaches a quarter of the beats' median. Near 1 (a snare on every "and"): the half-way points are
// beats too. Counting hits rather than summing energy keeps loud chords on the one and syncopated kicks
// from deciding.
double PulseEvidence::offBeatConsistency(const std::vector<float>& envelope, double period, double valuesPerSecond)
{
    std::vector<float> onHits, offHits;
    pulseAndHalfWayValues(envelope, period, valuesPerSecond, onHits, offHits);
    if (onHits.empty())
        return 1.0;
    const float threshold = medianOf(onHits) / 4.0f;
    const auto hits =
        std::count_if(offHits.begin(), offHits.end(), [&](float v) { return v >= threshold && v > 0.0f; });
    return static_cast<double>(hits) / static_cast<double>(offHits.size());
}

// Near 1, the faster pulse through both is even (a kick on every beat): a pulse of its own, not the
// subdivision of the slower one, whatever sounds between its points.
double PulseEvidence::halfWayStrength(const std::vector<float>& envelope, double period, double valuesPerSecond)
{
    std::vector<float> onHits, offHits;
    pulseAndHalfWayValues(envelope, period, valuesPerSecond, onHits, offHits);
    if (onHits.empty())
        return 0.0;
    const float on = medianOf(onHits);
    return on > 0.0f ? medianOf(offHits) / on : 0.0;
}

// The backbeat convention ("snare on 2 and 4"): at a period of two beats, the grid points and the half
// period between them both carry strong body-band hits in almost every period, of different character:
// one kick-like (mostly low band), the other snare-like (little low band). Then the beat is half that
// period. The in-between hit may sit anywhere in the middle half of the period (syncopated kicks).
bool PulseEvidence::isBackbeat(const Bands& bands, double period)
{
    const int n = static_cast<int>(bands.body.size());
    const int bestPhase =
        strongestPulsePhase(0, n, period, [&bands](double t) { return peakNear(bands.body, t); });
    struct Hit
    {
        float strength;
        float lowShare;
    };
    const auto hitAt = [&](int t) {
        const float body = bands.bodyFlux[static_cast<size_t>(t)];
        return Hit{bands.body[static_cast<size_t>(t)],
                   body > 0.0f ? bands.lowFlux[static_cast<size_t>(t)] / body : 0.0f};
    };
    std::vector<Hit> onHits, offHits;
    for (double t = bestPhase; t + period < n; t += period) {
        int on = static_cast<int>(std::lround(t));
        for (int d = -1; d <= 1; ++d)
            if (on + d >= 0 && on + d < n &&
                bands.body[static_cast<size_t>(on + d)] > bands.body[static_cast<size_t>(on)])
                on += d;
        int off = static_cast<int>(std::lround(t + period * 0.25));
        for (int u = off; u <= static_cast<int>(std::lround(t + period * 0.75)) && u < n; ++u)
            if (bands.body[static_cast<size_t>(u)] > bands.body[static_cast<size_t>(off)])
                off = u;
        onHits.push_back(hitAt(on));
        offHits.push_back(hitAt(off));
    }
    if (onHits.size() < 4)
        return false;
    double onStrength = 0.0, onShare = 0.0, offStrength = 0.0, offShare = 0.0;
    for (const Hit& h : onHits) {
        onStrength += h.strength;
        onShare += h.lowShare;
    }
    onStrength /= static_cast<double>(onHits.size());
    onShare /= static_cast<double>(onHits.size());
    int consistent = 0;
    for (const Hit& h : offHits) {
        consistent += h.strength >= 0.5 * onStrength;
        offStrength += h.strength;
        offShare += h.lowShare;
    }
    offShare /= static_cast<double>(offHits.size());
    offStrength /= static_cast<double>(offHits.size());
    const bool strong = onStrength > 1.0 && offStrength >= 0.6 * onStrength &&
                        consistent >= 0.75 * static_cast<double>(offHits.size());
    const bool differ = onShare > 1.8 * offShare || offShare > 1.8 * onShare;
    return strong && differ;
}

} // namespace stemcrate::analysis
