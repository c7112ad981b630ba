#pragma once
// LiveFitter: Rubber Band's real-time engine in a playback path, for previewing a sample fitted to the
// project's tempo and key while it plays. The ratios may change at any moment and take effect at the next
// render() without a gap (the engine runs with OptionPitchHighConsistency, so pitch changes are smooth).
//
// Pull model: render() asks the caller's source for exactly the input frames the engine needs
// (getSamplesRequired, at most maxBlockFrames per call) and returns exactly the frames asked for. After
// construction and reset() the engine's start pad is fed as silence and its start delay dropped, so the
// output lines up with the input (input frame i is heard at about i * timeRatio).
//
// Ownership: owns the engine and its scratch buffers. Threads: construct and destroy off the audio thread
// (they allocate); render() and reset() on the audio thread, or while render() cannot run (no allocation,
// locks or I/O: Rubber Band's real-time mode guarantees it when no call passes more than maxBlockFrames, and
// its reset() only clears what it holds); setRatios() from any thread.
// Units: frames; ratios as in SampleFitter.h.

#include "library/SampleFitter.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace RubberBand {
class RubberBandStretcher;
}

namespace stemcrate::library {

class LiveFitter
{
public:
    enum class Quality
    {
        Finer, // R3 with its short window: better for complex material; more CPU
        Faster // R2: a fraction of the CPU
    };

    // Fills in[0..channels)[0..frames) with the next source frames (planar). Audio thread; must not block.
    using PullFn = void (*)(void* context, float* const* in, int64_t frames);

    LiveFitter(int sampleRate, int channels, int maxBlockFrames, Quality quality = Quality::Finer);
    ~LiveFitter();
    LiveFitter(const LiveFitter&) = delete;
    LiveFitter& operator=(const LiveFitter&) = delete;

    // Any thread; applied at the start of the next render(). Out-of-range values are clamped.
    void setRatios(const FitRatios& ratios);
    FitRatios ratios() const;

    // Audio thread. Writes `frames` frames into out[0..channels) (planar).
    void render(float* const* out, int64_t frames, PullFn pull, void* context);

    // Forgets the engine's history (after a seek) and lines the next output up again.
    void reset();

    int channels() const { return m_channels; }
    int maxBlockFrames() const { return m_maxBlockFrames; }

private:
    void applyRatios();
    void feed(int64_t frames, PullFn pull, void* context); // pull is null: silence

    const int m_channels;
    const int m_maxBlockFrames;
    std::unique_ptr<RubberBand::RubberBandStretcher> m_engine;
    std::atomic<double> m_timeRatio{1.0};
    std::atomic<double> m_pitchScale{1.0};

    // Audio thread only (and reset()).
    double m_appliedTimeRatio = 1.0;
    double m_appliedPitchScale = 1.0;
    int64_t m_padFrames = 0;      // silence still to feed before the first real input
    int64_t m_dropFrames = 0;     // output still to discard (the engine's start delay)
    std::vector<float> m_input;   // channels * maxBlockFrames
    std::vector<float> m_discard; // channels * maxBlockFrames
    std::vector<float*> m_inputPlanes;
    std::vector<float*> m_discardPlanes;
    std::vector<float*> m_outPlanes;
};

} // namespace stemcrate::library
