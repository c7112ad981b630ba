#pragma once
// HarmonicChange: how much the pitch-class content (a chroma) changes across a point in time, for placing
// beats. Chords and bass notes change on beats and bar lines far more than between them (Goto & Muraoka's
// chord-change cue), even where the notes between the beats are the louder or more numerous onsets
// (off-beat chords, anticipations, a bass on every "and"), which is where onset strength alone misplaces
// the beat by half a period.
//
// How: power spectra (KissFFT) of the signal decimated to ~5.5 kHz, a kFftSize window every kHopSize,
// folded onto 12 pitch classes between kMinHz and kMaxHz (square-root compressed, each frame scaled to sum
// 1, near-silent frames left at zero); prefix sums give the mean profile of any span in constant time.
// change(t, span) is the cosine distance between the mean profiles of [t - span, t) and [t, t + span).
//
// Ownership: plain value, owns its prefix sums. Threads: compute() is reentrant; the const members may be
// called from any thread at once. Units: seconds of the analysed audio.

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace stemcrate::analysis {

class HarmonicChange
{
public:
    static constexpr int kDecimation = 8;  // 44.1 kHz -> 5.5 kHz
    static constexpr int kFftSize = 1024;  // 186 ms at 5.5 kHz: 5.4 Hz bins, a semitone apart above ~95 Hz
    static constexpr int kHopSize = 256;   // 46 ms
    static constexpr double kMinHz = 65.0; // C2
    static constexpr double kMaxHz = 2000.0;

    // mono: `count` samples at sampleRate.
    static HarmonicChange compute(const float* mono, int64_t count, int sampleRate);

    bool empty() const { return m_prefix.size() < 2; }
    // How much the spectral peaks sit on one semitone grid (whatever its tuning): the resultant length of
    // their positions between semitones, weighted by log magnitude, in [0, 1]. Notes of tuned instruments
    // score high; drums (even pitched ones, off the grid) and noise low.
    double tonality() const { return m_tonality; }
    // Cosine distance in [0, 1] between the mean pitch-class profiles of the spanSeconds before and after
    // `seconds`; 0 where either side is silent or outside the audio.
    double change(double seconds, double spanSeconds) const;

private:
    using Profile = std::array<double, 12>;
    Profile meanProfile(double fromSeconds, double toSeconds) const;

    double m_framesPerSecond = 0.0;
    double m_firstFrameSeconds = 0.0; // the centre of frame 0
    double m_tonality = 0.0;
    std::vector<Profile> m_prefix; // m_prefix[f]: sum of frames [0, f)
};

} // namespace stemcrate::analysis
