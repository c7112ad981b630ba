#pragma once
// Chromagram: pitch-class energy over time (12 values per frame, C = 0), from KissFFT magnitude spectra of
// the signal decimated to ~11 kHz. Spectral peaks between kMinHz and kMaxHz, within kPeakFloor of each
// frame's strongest, are folded onto pitch classes after estimating the tuning (the deviation of the peaks
// from the 440 Hz grid), so a band a little off concert pitch still lands on the right notes.
//
// Ownership: plain value, owns its frames. Threads: compute() is reentrant. Units: frame f covers input
// frames around f * hopFrames(); chroma values are relative (each frame sums to its compressed energy).

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace stemcrate::analysis {

class Chromagram
{
public:
    static constexpr int kDecimation = 4;  // 44.1 kHz -> 11.025 kHz
    static constexpr int kFftSize = 4096;  // 0.37 s at 11 kHz: 2.7 Hz bins, enough for bass notes
    static constexpr int kHopSize = 2048;  // decimated samples
    static constexpr double kMinHz = 50.0; // G1
    static constexpr double kMaxHz = 2100.0;
    // Peaks weaker than this share of the frame's strongest (-20 dB) stay out of the chroma (issue 17: on the
    // corpus the pitch-class profile's correlation with the MIDI notes' rose from 0.79 to 0.89 on average;
    // -26 to -14 dB all gave 18-20 of 21 keys).
    static constexpr double kPeakFloor = 0.1;

    // mono: `count` samples at sampleRate.
    static Chromagram compute(const float* mono, int64_t count, int sampleRate);

    int64_t hopFrames() const { return static_cast<int64_t>(kHopSize) * kDecimation; } // input frames
    double framesPerSecond() const
    {
        return m_sampleRate > 0 ? double(m_sampleRate) / double(hopFrames()) : 0.0;
    }
    size_t size() const { return m_frames.size(); }
    const std::array<float, 12>& frame(size_t i) const { return m_frames[i]; }
    // Bass notes only (below ~260 Hz), for the tonic.
    const std::array<float, 12>& bassFrame(size_t i) const { return m_bassFrames[i]; }
    double tuningSemitones() const { return m_tuning; } // estimated offset from A = 440 Hz, in [-0.5, 0.5)
    // How much the spectral peaks sit on the tuned semitone grid: the weighted mean cosine of their offsets,
    // in [0, 1]. Notes of tuned instruments score high; drums and noise, whose peaks fall anywhere, near 0.
    double tonality() const { return m_tonality; }

private:
    std::vector<std::array<float, 12>> m_frames;
    std::vector<std::array<float, 12>> m_bassFrames;
    double m_tuning = 0.0;
    double m_tonality = 0.0;
    int m_sampleRate = 0;
};

} // namespace stemcrate::analysis
