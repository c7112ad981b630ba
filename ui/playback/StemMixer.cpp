#include "playback/StemMixer.h"

#include <algorithm>
#include <cstring>

namespace stemcrate::ui {

StemMixer::StemMixer() = default;

void StemMixer::setSources(std::shared_ptr<const AudioBuffer> mix, std::shared_ptr<const StemSet> stems)
{
    m_mix = std::move(mix);
    m_stems = std::move(stems);
    m_frames = m_mix ? m_mix->frames : (m_stems ? m_stems->frames() : 0);
    settleGains();
    seek(0);
}

void StemMixer::settleGains()
{
    bool anySolo = false;
    for (const LaneState& lane : m_lanes)
        anySolo = anySolo || lane.soloed.load(std::memory_order_relaxed);
    for (int lane = 0; lane < kMaxLanes; ++lane)
        m_lanes[lane].appliedGain =
            audible(lane, anySolo) ? m_lanes[lane].gain.load(std::memory_order_relaxed) : 0.0f;
}

void StemMixer::copyLaneSettings(const StemMixer& other)
{
    for (int lane = 0; lane < kMaxLanes; ++lane) {
        setGain(lane, other.gain(lane));
        setMuted(lane, other.muted(lane));
        setSoloed(lane, other.soloed(lane));
    }
}

AudioBuffer StemMixer::bounce(int64_t startFrame, int64_t endFrame) const
{
    startFrame = std::clamp<int64_t>(startFrame, 0, m_frames);
    endFrame = std::clamp<int64_t>(endFrame, startFrame, m_frames);
    StemMixer copy;
    copy.copyLaneSettings(*this);
    copy.setSources(m_mix, m_stems); // gains start settled: no ramp at the start
    copy.seek(startFrame);
    AudioBuffer out(2, endFrame - startFrame, m_mix ? m_mix->sampleRate : kEngineSampleRate);
    float* planes[2] = {out.channel(0), out.channel(1)};
    copy.render(planes, 2, out.frames);
    return out;
}

void StemMixer::setGain(int lane, float linearGain)
{
    if (lane >= 0 && lane < kMaxLanes)
        m_lanes[lane].gain.store(std::max(0.0f, linearGain), std::memory_order_relaxed);
}

void StemMixer::setMuted(int lane, bool muted)
{
    if (lane >= 0 && lane < kMaxLanes)
        m_lanes[lane].muted.store(muted, std::memory_order_relaxed);
}

void StemMixer::setSoloed(int lane, bool soloed)
{
    if (lane >= 0 && lane < kMaxLanes)
        m_lanes[lane].soloed.store(soloed, std::memory_order_relaxed);
}

float StemMixer::gain(int lane) const
{
    return lane >= 0 && lane < kMaxLanes ? m_lanes[lane].gain.load(std::memory_order_relaxed) : 0.0f;
}

bool StemMixer::muted(int lane) const
{
    return lane >= 0 && lane < kMaxLanes && m_lanes[lane].muted.load(std::memory_order_relaxed);
}

bool StemMixer::soloed(int lane) const
{
    return lane >= 0 && lane < kMaxLanes && m_lanes[lane].soloed.load(std::memory_order_relaxed);
}

void StemMixer::setLoop(int64_t startFrame, int64_t endFrame, bool enabled)
{
    m_loopStart.store(startFrame, std::memory_order_relaxed);
    m_loopEnd.store(endFrame, std::memory_order_relaxed);
    m_loopEnabled.store(enabled && endFrame > startFrame, std::memory_order_relaxed);
}

void StemMixer::seek(int64_t frame)
{
    m_position.store(std::clamp<int64_t>(frame, 0, m_frames), std::memory_order_relaxed);
    m_atEnd.store(false, std::memory_order_relaxed);
}

bool StemMixer::audible(int lane, bool anySolo) const
{
    const LaneState& s = m_lanes[lane];
    if (s.muted.load(std::memory_order_relaxed))
        return false;
    return !anySolo || s.soloed.load(std::memory_order_relaxed);
}

void StemMixer::addLane(const AudioBuffer& source, int64_t from, float* const* out, int channels,
                        int64_t offset, int64_t frames, float g0, float g1)
{
    if ((g0 == 0.0f && g1 == 0.0f) || source.channels <= 0)
        return;
    const float step = frames > 0 ? (g1 - g0) / static_cast<float>(frames) : 0.0f;
    const float* left = source.channel(0) + from;
    const float* right = source.channel(std::min(1, source.channels - 1)) + from;
    if (channels == 1) {
        float* o = out[0] + offset;
        for (int64_t i = 0; i < frames; ++i)
            o[i] += (g0 + step * static_cast<float>(i)) * 0.5f * (left[i] + right[i]);
        return;
    }
    float* l = out[0] + offset;
    float* r = out[1] + offset;
    for (int64_t i = 0; i < frames; ++i) {
        const float g = g0 + step * static_cast<float>(i);
        l[i] += g * left[i];
        r[i] += g * right[i];
    }
}

int64_t StemMixer::render(float* const* out, int channels, int64_t frames)
{
    channels = std::clamp(channels, 1, 2);
    for (int c = 0; c < channels; ++c)
        std::memset(out[c], 0, static_cast<size_t>(frames) * sizeof(float));
    if (m_frames <= 0 || frames <= 0)
        return 0;

    const int64_t valid = m_stems ? std::min(m_stems->validFrames(), m_frames) : 0;
    const int stemCount = valid > 0 ? std::min(m_stems->count(), kMaxLanes - 1) : 0;
    const int laneCount = 1 + stemCount;

    bool anySolo = false;
    for (int lane = 0; lane < laneCount; ++lane)
        anySolo = anySolo || m_lanes[lane].soloed.load(std::memory_order_relaxed);

    // One linear ramp per lane over the whole call, from the last applied gain to the current target.
    std::array<float, kMaxLanes> rampFrom{}, rampTo{};
    for (int lane = 0; lane < laneCount; ++lane) {
        LaneState& s = m_lanes[lane];
        rampFrom[lane] = s.appliedGain;
        rampTo[lane] = audible(lane, anySolo) ? s.gain.load(std::memory_order_relaxed) : 0.0f;
        s.appliedGain = rampTo[lane];
    }
    const bool mixSoloed = m_lanes[kMixLane].soloed.load(std::memory_order_relaxed);
    auto gainAt = [&](int lane, int64_t i) {
        return rampFrom[lane] +
               (rampTo[lane] - rampFrom[lane]) * static_cast<float>(i) / static_cast<float>(frames);
    };

    const int64_t start = m_position.load(std::memory_order_relaxed);
    int64_t position = start;
    const bool loop = m_loopEnabled.load(std::memory_order_relaxed);
    const int64_t loopStart = std::clamp<int64_t>(m_loopStart.load(std::memory_order_relaxed), 0, m_frames);
    const int64_t loopEnd = std::clamp<int64_t>(m_loopEnd.load(std::memory_order_relaxed), 0, m_frames);
    const bool looping = loop && loopEnd > loopStart;
    if (looping && (position < loopStart || position >= loopEnd))
        position = loopStart;

    int64_t done = 0;
    bool reachedEnd = false;
    while (done < frames) {
        const int64_t limit = looping ? loopEnd : m_frames;
        if (position >= limit) {
            if (!looping) {
                reachedEnd = true;
                break;
            }
            position = loopStart;
        }
        // A segment lies wholly inside or wholly beyond the stems' valid range.
        int64_t end = std::min(limit, position + (frames - done));
        const bool inStems = position < valid;
        if (inStems)
            end = std::min(end, valid);
        const int64_t length = end - position;

        if (inStems) {
            for (int lane = 1; lane < laneCount; ++lane)
                addLane(m_stems->stems().audio[static_cast<size_t>(lane - 1)], position, out, channels, done,
                        length, gainAt(lane, done), gainAt(lane, done + length));
            if (mixSoloed && m_mix)
                addLane(*m_mix, position, out, channels, done, length, gainAt(kMixLane, done),
                        gainAt(kMixLane, done + length));
        } else if (m_mix) {
            addLane(*m_mix, position, out, channels, done, length, gainAt(kMixLane, done),
                    gainAt(kMixLane, done + length));
        }
        position += length;
        done += length;
    }

    // A seek() during this call wins over our advance.
    int64_t expected = start;
    m_position.compare_exchange_strong(expected, position, std::memory_order_relaxed);
    if (reachedEnd)
        m_atEnd.store(true, std::memory_order_relaxed);
    return done;
}

} // namespace stemcrate::ui
