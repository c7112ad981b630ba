#pragma once
// OnsetStrength: the spectral pass that onset detection, tempo/beat/downbeat estimation and loop finding
// share: SuperFlux-style spectral flux (log-compressed magnitudes from aubio's FFT, each bin compared with
// the loudest of its neighbours two hops earlier) in three bands, one value per hop:
// full band (every onset), the "body" below kBodyBandHz (kick, snare, bass and chords, not hi-hats: used to
// tell beats from subdivisions) and below kLowBandHz (kick drums and bass notes: downbeats). Alongside,
// where the pitch-class content changes (HarmonicChange, its own spectra of the signal decimated to 5.5 kHz),
// which places beats in tonal music: only the tempo/beat analysis reads it (TempoEstimator), so callers that
// detect onsets or find loops pass HarmonyPass::Skip (it is 15 % of the pass), and TrackAnalyzer computes it
// on another worker and attaches it with setHarmony().
//
// Ownership: plain value, owns its vectors. Threads: compute() is reentrant (each call owns its aubio
// state), so any number of workers may compute at once. Units: one value per kHopFrames input frames;
// audioFrame() maps a (fractional) envelope index to the input frame where that onset begins.

#include "analysis/HarmonicChange.h"

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace stemcrate::analysis {

class OnsetStrength
{
public:
    static constexpr int kHopFrames = 256;     // 5.8 ms at 44.1 kHz
    static constexpr int kWindowFrames = 1024; // 23 ms
    static constexpr double kBodyBandHz = 2000.0;
    static constexpr double kLowBandHz = 150.0;

    // Whether compute() also fills harmony() (HarmonicChange::compute of the same samples).
    enum class HarmonyPass
    {
        Compute,
        Skip
    };

    // mono: `count` samples at sampleRate.
    static OnsetStrength compute(const float* mono, int64_t count, int sampleRate,
                                 HarmonyPass harmony = HarmonyPass::Compute);

    int sampleRate() const { return m_sampleRate; }
    double valuesPerSecond() const { return m_sampleRate > 0 ? double(m_sampleRate) / kHopFrames : 0.0; }
    size_t size() const { return m_flux.size(); }
    const std::vector<float>& flux() const { return m_flux; }
    const std::vector<float>& bodyFlux() const { return m_bodyFlux; }
    const std::vector<float>& lowFlux() const { return m_lowFlux; }
    // Mean-square level of the hop's input samples (linear), for silence gating.
    const std::vector<float>& energy() const { return m_energy; }
    // Spectral energy of each hop's window in kBands bands (edges kBandEdgesHz), for loop features.
    static constexpr int kBands = 6;
    static constexpr double kBandEdgesHz[kBands - 1] = {150.0, 400.0, 1000.0, 2500.0, 6000.0};
    const float* bandEnergy(size_t hop) const { return m_bandEnergy.data() + hop * kBands; }
    // Where the pitch-class content changes (beat placement: chords change on beats).
    // Empty after HarmonyPass::Skip until setHarmony().
    const HarmonicChange& harmony() const { return m_harmony; }
    // The profile of the same samples, computed apart (HarmonicChange::compute): the same value as
    // HarmonyPass::Compute gives.
    void setHarmony(HarmonicChange harmony) { m_harmony = std::move(harmony); }

    double audioFrame(double index) const;
    double indexOfAudioFrame(double frame) const;

private:
    int m_sampleRate = 0;
    std::vector<float> m_flux;
    std::vector<float> m_bodyFlux;
    std::vector<float> m_lowFlux;
    std::vector<float> m_energy;
    std::vector<float> m_bandEnergy; // kBands per hop
    HarmonicChange m_harmony;
};

} // namespace stemcrate::analysis
