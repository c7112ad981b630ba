#include "analysis/LoopFinder.h"

#include "analysis/Chromagram.h"
#include "analysis/MonoMix.h"
#include "analysis/OnsetStrength.h"
#include "analysis/TempoEstimator.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace stemcrate::analysis {

namespace {

constexpr int kCellsPerBeat = 4;
constexpr int kBeatsPerBar = 4;
constexpr double kFloorDb = -60.0;      // band levels below this count as silence
constexpr double kEnergyRangeDb = 24.0; // a bar this much below the loudest bar has energy 0
constexpr double kSilenceDb = -55.0;    // and a bar quieter than this (mean power, dBFS) has none at all

// One bar as a feature vector: per beat, kCellsPerBeat x kBands band levels and 12 chroma values.
struct Bar
{
    int64_t startFrame = 0;
    int64_t endFrame = 0;
    double levelDb = kFloorDb; // mean power over the bar
    std::vector<float> features;
};

double cosine(const std::vector<float>& a, const std::vector<float>& b)
{
    double ab = 0.0, aa = 0.0, bb = 0.0;
    for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
        ab += static_cast<double>(a[i]) * b[i];
        aa += static_cast<double>(a[i]) * a[i];
        bb += static_cast<double>(b[i]) * b[i];
    }
    return aa > 0.0 && bb > 0.0 ? ab / std::sqrt(aa * bb) : 0.0;
}

std::vector<Bar> describeBars(const OnsetStrength& envelope, const Chromagram& chroma,
                              const std::vector<int64_t>& beats, const std::vector<int64_t>& downbeats,
                              int64_t totalFrames)
{
    std::vector<Bar> bars;
    if (beats.size() < 2 || downbeats.empty())
        return bars;
    const double beatFrames =
        static_cast<double>(beats.back() - beats.front()) / static_cast<double>(beats.size() - 1);
    const auto beatIndex = [&](int64_t frame) {
        return static_cast<size_t>(std::lower_bound(beats.begin(), beats.end(), frame) - beats.begin());
    };
    const auto beatStart = [&](size_t i) {
        return i < beats.size() ? static_cast<double>(beats[i])
                                : static_cast<double>(beats.back()) +
                                      static_cast<double>(i - beats.size() + 1) * beatFrames;
    };
    const size_t hops = envelope.size();
    for (int64_t downbeat : downbeats) {
        const size_t first = beatIndex(downbeat);
        Bar bar;
        bar.startFrame = downbeat;
        bar.endFrame = static_cast<int64_t>(std::llround(beatStart(first + kBeatsPerBar)));
        if (bar.endFrame > totalFrames)
            break; // an incomplete last bar
        double power = 0.0;
        size_t powerCount = 0;
        for (int b = 0; b < kBeatsPerBar; ++b) {
            const double from = beatStart(first + static_cast<size_t>(b));
            const double to = beatStart(first + static_cast<size_t>(b) + 1);
            for (int cell = 0; cell < kCellsPerBeat; ++cell) {
                const double cellFrom = from + (to - from) * cell / kCellsPerBeat;
                const double cellTo = from + (to - from) * (cell + 1) / kCellsPerBeat;
                const auto hopFrom = static_cast<size_t>(std::max(0.0, cellFrom / OnsetStrength::kHopFrames));
                const auto hopTo = std::min(
                    hops, std::max(hopFrom + 1, static_cast<size_t>(cellTo / OnsetStrength::kHopFrames)));
                std::array<double, OnsetStrength::kBands> sum{};
                for (size_t h = hopFrom; h < hopTo; ++h) {
                    const float* bands = envelope.bandEnergy(h);
                    for (int k = 0; k < OnsetStrength::kBands; ++k)
                        sum[static_cast<size_t>(k)] += bands[k];
                    power += envelope.energy()[h];
                    ++powerCount;
                }
                for (int k = 0; k < OnsetStrength::kBands; ++k) {
                    const double mean =
                        hopTo > hopFrom ? sum[static_cast<size_t>(k)] / double(hopTo - hopFrom) : 0.0;
                    const double db = mean > 0.0 ? 10.0 * std::log10(mean) : kFloorDb;
                    bar.features.push_back(static_cast<float>(std::max(0.0, db - kFloorDb) / -kFloorDb));
                }
            }
            // Chroma of the beat: the chromagram frames whose centres fall inside it.
            std::array<double, 12> notes{};
            const double hop = static_cast<double>(chroma.hopFrames());
            const auto chromaFrom = static_cast<size_t>(std::max(0.0, std::floor(from / hop)));
            const auto chromaTo =
                std::min(chroma.size(), std::max(chromaFrom + 1, static_cast<size_t>(std::ceil(to / hop))));
            for (size_t f = chromaFrom; f < chromaTo; ++f)
                for (size_t i = 0; i < 12; ++i)
                    notes[i] += chroma.frame(f)[i];
            const double total = std::accumulate(notes.begin(), notes.end(), 0.0);
            for (double n : notes)
                bar.features.push_back(total > 0.0 ? static_cast<float>(n / total) : 0.0f);
        }
        const double meanPower = powerCount > 0 ? power / static_cast<double>(powerCount) : 0.0;
        bar.levelDb = meanPower > 0.0 ? std::max(kFloorDb, 10.0 * std::log10(meanPower)) : kFloorDb;
        bars.push_back(std::move(bar));
    }
    return bars;
}

// Similarity of the `length`-bar spans starting at bars a and b: the mean of their bars' similarities.
double spanSimilarity(const std::vector<Bar>& bars, size_t a, size_t b, size_t length)
{
    double sum = 0.0;
    for (size_t i = 0; i < length; ++i)
        sum += cosine(bars[a + i].features, bars[b + i].features);
    return sum / static_cast<double>(length);
}

} // namespace

std::vector<LoopCandidate> LoopFinder::find(const AudioBuffer& audio, const TempoResult& tempo) const
{
    const std::vector<float> mono = monoMix(audio);
    const auto count = static_cast<int64_t>(mono.size());
    return find(OnsetStrength::compute(mono.data(), count, audio.sampleRate, OnsetStrength::HarmonyPass::Skip),
                Chromagram::compute(mono.data(), count, audio.sampleRate), tempo, audio.frames);
}

std::vector<LoopCandidate> LoopFinder::find(const OnsetStrength& envelope, const Chromagram& chroma,
                                            const TempoResult& tempo, int64_t totalFrames) const
{
    const std::vector<Bar> bars =
        describeBars(envelope, chroma, tempo.beatFrames, tempo.downbeatFrames, totalFrames);
    std::vector<LoopCandidate> chosen;
    if (bars.empty())
        return chosen;
    double loudestDb = kFloorDb;
    for (const Bar& bar : bars)
        loudestDb = std::max(loudestDb, bar.levelDb);
    const auto barEnergy = [&](const Bar& bar) {
        if (bar.levelDb < kSilenceDb)
            return 0.0;
        return std::clamp(1.0 + (bar.levelDb - loudestDb) / kEnergyRangeDb, 0.0, 1.0);
    };

    struct Scored
    {
        LoopCandidate loop;
        size_t firstBar;
        double relevance;
    };
    for (int length : m_options.barCounts) {
        const auto span = static_cast<size_t>(length);
        if (length <= 0 || span > bars.size())
            continue;
        std::vector<Scored> pool;
        for (size_t start = 0; start + span <= bars.size(); ++start) {
            double meanEnergy = 0.0, minEnergy = 1.0;
            for (size_t i = start; i < start + span; ++i) {
                meanEnergy += barEnergy(bars[i]);
                minEnergy = std::min(minEnergy, barEnergy(bars[i]));
            }
            meanEnergy /= static_cast<double>(span);
            const double energy = 0.5 * meanEnergy + 0.5 * minEnergy;
            if (energy < m_options.minimumEnergy)
                continue;
            // Seamless looping: the same material right after (or before) this span.
            double local = 0.0;
            if (start + 2 * span <= bars.size())
                local = std::max(local, spanSimilarity(bars, start, start + span, span));
            if (start >= span)
                local = std::max(local, spanSimilarity(bars, start, start - span, span));
            // Recurrence: bar-aligned spans elsewhere (not overlapping) that sound alike.
            int recurrences = 0, others = 0;
            for (size_t other = 0; other + span <= bars.size(); other += span) {
                if (other + span > start && other < start + span)
                    continue;
                ++others;
                recurrences += spanSimilarity(bars, start, other, span) >= 0.9;
            }
            const double recurrence = others > 0 ? std::min(1.0, 4.0 * recurrences / others) : 0.0;
            const double repetition = std::clamp(0.75 * local + 0.25 * recurrence, 0.0, 1.0);
            LoopCandidate loop;
            loop.startFrame = bars[start].startFrame;
            loop.endFrame = bars[start + span - 1].endFrame;
            loop.bars = length;
            loop.energy = energy;
            loop.repetition = repetition;
            pool.push_back({loop, start, 0.4 * energy + 0.6 * repetition});
        }
        // Maximal marginal relevance: take the best, penalise what resembles it, repeat.
        std::vector<Scored> picked;
        while (static_cast<int>(picked.size()) < m_options.maxPerLength) {
            const Scored* best = nullptr;
            double bestScore = -1.0, bestDistinctness = 1.0;
            for (const Scored& candidate : pool) {
                bool overlaps = false;
                double similarity = 0.0;
                for (const Scored& p : picked) {
                    overlaps |=
                        candidate.firstBar < p.firstBar + span && p.firstBar < candidate.firstBar + span;
                    similarity =
                        std::max(similarity, spanSimilarity(bars, candidate.firstBar, p.firstBar, span));
                }
                if (overlaps)
                    continue;
                const double distinctness = std::clamp(1.0 - similarity, 0.0, 1.0);
                const double score = candidate.relevance - 0.5 * (1.0 - distinctness);
                if (score > bestScore) {
                    bestScore = score;
                    best = &candidate;
                    bestDistinctness = distinctness;
                }
            }
            if (!best)
                break;
            Scored taken = *best;
            taken.loop.distinctness = bestDistinctness;
            taken.loop.score = std::clamp(bestScore, 0.0, 1.0);
            picked.push_back(taken);
        }
        for (const Scored& p : picked)
            chosen.push_back(p.loop);
    }
    std::stable_sort(chosen.begin(), chosen.end(),
                     [](const LoopCandidate& a, const LoopCandidate& b) { return a.score > b.score; });
    return chosen;
}

} // namespace stemcrate::analysis
