#include "mining/HitExtractor.h"

#include "analysis/MonoMix.h"
#include "analysis/OnsetDetector.h"
#include "analysis/OnsetStrength.h"
#include "library/RegionProcessing.h"

#include <algorithm>
#include <cmath>

namespace stemcrate::mining {

namespace {

constexpr double kLevelBlockSeconds = 0.005;
// The onset detector's estimate is good to a few ms; the attack is looked for close to it (tuned on the
// tuning kits: 12 ms back, peak within 6 ms after).
constexpr double kSearchBackMs = 12.0;
constexpr double kPeakAheadMs = 6.0;

// RMS per block of `block` samples.
std::vector<float> blockLevels(const std::vector<float>& mono, int64_t block)
{
    const auto count = static_cast<int64_t>(mono.size());
    std::vector<float> levels(static_cast<size_t>((count + block - 1) / block));
    for (size_t b = 0; b < levels.size(); ++b) {
        const int64_t from = static_cast<int64_t>(b) * block, to = std::min(count, from + block);
        double sum = 0.0;
        for (int64_t i = from; i < to; ++i)
            sum += static_cast<double>(mono[static_cast<size_t>(i)]) * mono[static_cast<size_t>(i)];
        levels[b] = static_cast<float>(std::sqrt(sum / static_cast<double>(to - from)));
    }
    return levels;
}

// A level most quiet passages reach: the 10th percentile of the non-silent blocks.
float noiseFloor(std::vector<float> levels)
{
    levels.erase(std::remove_if(levels.begin(), levels.end(), [](float v) { return v <= 1e-7f; }), levels.end());
    if (levels.empty())
        return 0.0f;
    const auto k = levels.size() / 10;
    std::nth_element(levels.begin(), levels.begin() + static_cast<std::ptrdiff_t>(k), levels.end());
    return levels[k];
}

// Whether some band gets louder by at least riseDb across the onset: the two hops after it against the
// three before.
bool bringsNewEnergy(const analysis::OnsetStrength& envelope, int64_t frame, double riseDb)
{
    const auto at = static_cast<int64_t>(std::llround(envelope.indexOfAudioFrame(static_cast<double>(frame))));
    const auto hops = static_cast<int64_t>(envelope.size());
    if (at - 3 < 0 || at + 2 >= hops)
        return true;
    const double ratio = std::pow(10.0, riseDb / 10.0);
    for (int band = 0; band < analysis::OnsetStrength::kBands; ++band) {
        double before = 0.0, after = 0.0;
        for (int64_t h = at - 3; h < at; ++h)
            before = std::max(before, static_cast<double>(envelope.bandEnergy(static_cast<size_t>(h))[band]));
        for (int64_t h = at + 1; h <= at + 2; ++h)
            after = std::max(after, static_cast<double>(envelope.bandEnergy(static_cast<size_t>(h))[band]));
        if (after > ratio * before)
            return true;
    }
    return false;
}

} // namespace

int64_t findAttackStart(const float* mono, int64_t count, int64_t roughFrame, int sampleRate, int64_t notBefore)
{
    if (count <= 0)
        return 0;
    const auto ms = [&](double value) { return static_cast<int64_t>(value * sampleRate / 1000.0); };
    notBefore = std::clamp<int64_t>(notBefore, 0, count - 1);
    const int64_t searchFrom = std::clamp<int64_t>(roughFrame - ms(kSearchBackMs), notBefore, count - 1);
    const int64_t peakFrom = std::max(searchFrom, roughFrame - ms(3.0));
    const int64_t peakTo = std::min(count, std::max(peakFrom + 1, roughFrame + ms(kPeakAheadMs)));
    int64_t peakAt = peakFrom;
    float peak = 0.0f;
    for (int64_t i = peakFrom; i < peakTo; ++i)
        if (std::fabs(mono[i]) > peak) {
            peak = std::fabs(mono[i]);
            peakAt = i;
        }
    // What precedes the attack: the quietest 1 ms (its largest |sample|) between the search start and the
    // peak - the previous sound's tail or the noise floor. A low-frequency tail crosses zero often, so the
    // 1 ms maxima, not single samples, say how loud it is.
    const int64_t block = std::max<int64_t>(1, ms(1.0));
    float valley = peak;
    int64_t valleyAt = searchFrom;
    // (the last of equally quiet blocks)
    for (int64_t from = searchFrom; from + block <= peakAt; from += block) {
        float level = 0.0f;
        for (int64_t i = from; i < from + block; ++i)
            level = std::max(level, std::fabs(mono[i]));
        if (level <= valley) {
            valley = level;
            valleyAt = from;
        }
    }
    const float threshold = std::min(0.5f * peak, std::max(0.02f * peak, 3.0f * valley));
    // Walk back from the peak through the attack, across short dips (a clap's bursts, a hat's grains);
    // 3 ms below the threshold, or the valley, ends it.
    const int64_t gap = 3 * block;
    int64_t start = peakAt, quiet = 0;
    for (int64_t i = peakAt; i >= std::max(searchFrom, valleyAt); --i) {
        if (std::fabs(mono[i]) >= threshold) {
            start = i;
            quiet = 0;
        } else if (++quiet >= gap) {
            break;
        }
    }
    return start;
}

Result<std::vector<Hit>> HitExtractor::detect(const AudioBuffer& audio) const
{
    std::vector<Hit> hits;
    if (audio.frames <= 0 || audio.channels <= 0)
        return hits;
    const std::vector<float> mono = analysis::monoMix(audio);
    const auto count = static_cast<int64_t>(mono.size());
    const analysis::OnsetStrength envelope = analysis::OnsetStrength::compute(
        mono.data(), count, audio.sampleRate, analysis::OnsetStrength::HarmonyPass::Skip);
    if (m_options.isCancelled && m_options.isCancelled())
        return makeError(kMiningCancelled);
    analysis::OnsetOptions onsetOptions;
    onsetOptions.sensitivity = m_options.sensitivity;
    onsetOptions.minimumGapSeconds = m_options.minimumGapSeconds;
    const std::vector<analysis::Onset> onsets = analysis::OnsetDetector(onsetOptions).detect(envelope);

    std::vector<int64_t> attacks;
    for (const analysis::Onset& onset : onsets) {
        if (!bringsNewEnergy(envelope, onset.frame, m_options.minimumRiseDb))
            continue; // a wobble in a ringing tail (an open hat, a cymbal), not a new hit
        const int64_t notBefore =
            attacks.empty() ? 0 : attacks.back() + static_cast<int64_t>(0.01 * audio.sampleRate);
        const int64_t attack = findAttackStart(mono.data(), count, onset.frame, audio.sampleRate, notBefore);
        if (attacks.empty() || attack > attacks.back())
            attacks.push_back(attack);
    }
    if (m_options.isCancelled && m_options.isCancelled())
        return makeError(kMiningCancelled);

    const auto block = std::max<int64_t>(1, static_cast<int64_t>(kLevelBlockSeconds * audio.sampleRate));
    const std::vector<float> levels = blockLevels(mono, block);
    const float floor = noiseFloor(levels);
    const int64_t preRoll = library::msToFrames(m_options.preRollMs, audio.sampleRate);
    const auto maxFrames = static_cast<int64_t>(m_options.maxSeconds * audio.sampleRate);
    const double tail = std::pow(10.0, m_options.tailDb / 20.0);
    for (size_t i = 0; i < attacks.size(); ++i) {
        Hit hit;
        hit.attackFrame = attacks[i];
        const int64_t previousEnd = i > 0 ? attacks[i - 1] : 0;
        hit.startFrame = std::max(previousEnd, hit.attackFrame - preRoll);
        const int64_t limit = std::min({count, i + 1 < attacks.size() ? attacks[i + 1] : count,
                                        hit.attackFrame + maxFrames});
        // Peak level and where the decay falls under the tail threshold (or near the floor).
        const auto firstBlock = static_cast<size_t>(hit.attackFrame / block);
        const auto lastBlock = static_cast<size_t>((limit + block - 1) / block);
        float peakLevel = 0.0f;
        size_t peakBlock = firstBlock;
        for (size_t b = firstBlock; b < lastBlock && b < firstBlock + 20 && b < levels.size(); ++b)
            if (levels[b] > peakLevel) {
                peakLevel = levels[b];
                peakBlock = b;
            }
        const float endLevel = std::max(static_cast<float>(peakLevel * tail), 2.0f * floor);
        int64_t end = limit;
        hit.truncated = true;
        for (size_t b = peakBlock + 1; b < lastBlock && b < levels.size(); ++b) {
            if (levels[b] < endLevel) {
                end = std::min(limit, static_cast<int64_t>(b + 1) * block);
                hit.truncated = false;
                break;
            }
        }
        if (hit.truncated && limit < count) {
            // Cut by the next hit: did it at least decay by 40 dB?
            const size_t at = std::min(levels.size() - 1, static_cast<size_t>(std::max<int64_t>(0, limit - 1) / block));
            hit.truncated = levels[at] > peakLevel * 0.01f;
        }
        hit.endFrame = std::max(end, std::min(count, hit.attackFrame + block));
        for (int64_t f = hit.attackFrame; f < hit.endFrame; ++f)
            hit.peak = std::max(hit.peak, static_cast<double>(std::fabs(mono[static_cast<size_t>(f)])));
        // Cleanliness: how far the previous sound lies below this one, and how completely this one decays.
        float before = 0.0f;
        for (int64_t f = std::max<int64_t>(0, hit.attackFrame - block * 2); f < hit.attackFrame; ++f)
            before = std::max(before, std::fabs(mono[static_cast<size_t>(f)]));
        const double bleedDb = hit.peak > 0 ? 20.0 * std::log10(std::max(1e-6, before / hit.peak)) : 0.0;
        const size_t lastOwn = std::min(levels.size() - 1, static_cast<size_t>((hit.endFrame - 1) / block));
        const double endDb =
            peakLevel > 0 ? 20.0 * std::log10(std::max(1e-6f, levels[lastOwn]) / peakLevel) : 0.0;
        hit.cleanliness = 0.5 * std::clamp(-bleedDb / 40.0, 0.0, 1.0) + 0.5 * std::clamp(-endDb / 40.0, 0.0, 1.0);
        hits.push_back(hit);
    }
    return hits;
}

AudioBuffer HitExtractor::render(const AudioBuffer& audio, const Hit& hit) const
{
    const int64_t from = std::clamp<int64_t>(hit.startFrame, 0, audio.frames);
    const int64_t to = std::clamp<int64_t>(hit.endFrame, from, audio.frames);
    AudioBuffer out(audio.channels, to - from, audio.sampleRate);
    for (int c = 0; c < audio.channels; ++c)
        std::copy(audio.channel(c) + from, audio.channel(c) + to, out.channel(c));
    const int64_t fadeIn = std::max<int64_t>(1, hit.attackFrame - from);
    const int64_t fadeOut = std::min(library::msToFrames(m_options.fadeOutMs, audio.sampleRate), out.frames / 4);
    library::applyFades(out, fadeIn, std::max<int64_t>(1, fadeOut), library::FadeCurve::Linear);
    return out;
}

} // namespace stemcrate::mining
