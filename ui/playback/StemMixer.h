#pragma once
// StemMixer: renders the song for playback: the stems mixed live with per-lane gain, solo and mute, an
// optional loop region, and the original mix where the stems are not separated yet.
//
// Lanes: lane 0 is the original mix, lanes 1..N the stems in StemSet order. Where the stems are valid
// (frame < StemSet::validFrames()) the output is the sum of the audible stems, plus the mix only when its
// lane is soloed. Beyond that (still separating, or no stems) the mix plays unless muted or another lane is
// soloed, so listening never stops while separation runs. Audible = not muted, and soloed if any lane is.
//
// Threads: setSources() on the controlling (GUI) thread while render() is not running. The setters,
// position() and seek() are atomics, callable from any thread at any time. render() runs on the audio
// thread: it never locks, allocates or throws. Gains ramp linearly over one render() call, so changes do
// not click. Qt-free. Units: frames at the source sample rate, gains linear.

#include "common/AudioBuffer.h"
#include "songs/StemSet.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>

namespace stemcrate::ui {

class StemMixer
{
public:
    static constexpr int kMaxLanes = 9;
    static constexpr int kMixLane = 0;

    StemMixer();

    // Not real-time: call while render() cannot run. Either may be null. Resets the position to 0.
    void setSources(std::shared_ptr<const AudioBuffer> mix, std::shared_ptr<const StemSet> stems);

    // Not real-time: the next render() starts at the current gains instead of ramping to them (a lane
    // muted while stopped stays silent from the first frame). setSources() does it too.
    void settleGains();
    // Copies gains, mutes and solos (not sources, position or loop). Not real-time.
    void copyLaneSettings(const StemMixer& other);
    // Offline render ("as heard"): frames [startFrame, endFrame) of the sources with this mixer's lane
    // settings, into a new stereo buffer. Not real-time: a private copy renders, the live state is untouched.
    AudioBuffer bounce(int64_t startFrame, int64_t endFrame) const;

    void setGain(int lane, float linearGain);
    void setMuted(int lane, bool muted);
    void setSoloed(int lane, bool soloed);
    float gain(int lane) const;
    bool muted(int lane) const;
    bool soloed(int lane) const;

    // Loop [startFrame, endFrame) while enabled; an empty or inverted region disables looping.
    void setLoop(int64_t startFrame, int64_t endFrame, bool enabled);
    bool looping() const { return m_loopEnabled.load(std::memory_order_relaxed); }

    void seek(int64_t frame);
    int64_t position() const { return m_position.load(std::memory_order_relaxed); }
    // Song length in frames (of the mix, else of the stems); 0 without sources.
    int64_t frames() const { return m_frames; }
    // True once render() reached the end of the song without a loop; cleared by seek().
    bool atEnd() const { return m_atEnd.load(std::memory_order_relaxed); }

    // Audio thread. Writes `frames` frames into out[0..channels) (planar); channels 1 (downmix) or 2.
    // Returns the frames that carry the song; the rest (after its end) is silence.
    int64_t render(float* const* out, int channels, int64_t frames);

private:
    struct LaneState
    {
        std::atomic<float> gain{1.0f};
        std::atomic<bool> muted{false};
        std::atomic<bool> soloed{false};
        float appliedGain = 1.0f; // audio thread only: the gain reached by the last ramp
    };

    // Adds `frames` frames of one lane from `source` at `from` into out, with a gain ramp g0 -> g1.
    static void addLane(const AudioBuffer& source, int64_t from, float* const* out, int channels,
                        int64_t offset, int64_t frames, float g0, float g1);
    bool audible(int lane, bool anySolo) const;

    // Set by setSources only (not while rendering).
    std::shared_ptr<const AudioBuffer> m_mix;
    std::shared_ptr<const StemSet> m_stems;
    int64_t m_frames = 0;

    std::array<LaneState, kMaxLanes> m_lanes;
    std::atomic<int64_t> m_position{0};
    std::atomic<int64_t> m_loopStart{0};
    std::atomic<int64_t> m_loopEnd{0};
    std::atomic<bool> m_loopEnabled{false};
    std::atomic<bool> m_atEnd{false};
};

} // namespace stemcrate::ui
