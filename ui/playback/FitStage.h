#pragma once
// FitStage: the project-fit step of the playback path. While active, what the StemMixer renders goes
// through core's LiveFitter (Rubber Band's real-time engine), so every selection, loop and preview is heard
// stretched to the project's tempo and shifted to its key; inactive, the mixer's output passes unchanged.
//
// The engine is built once, off the GUI and audio threads (prepare(), e.g. on a QThreadPool worker), and
// published with an atomic; until then playback passes unfitted. Ratio changes, activation and the reset
// after a seek are atomics the audio thread picks up at its next block: nothing in render() locks or
// allocates (the engine's blocks never exceed maxBlockFrames), and a change of ratio takes effect without a
// gap in the output.
//
// Ownership: owns the engine; does not own the mixer passed to render(). Threads: prepare() on one worker,
// once; setRatios/setActive/requestReset from any thread; render() on the audio thread only. Destroy after
// the audio output stopped pulling. Units: frames (44.1 kHz).

#include "library/LiveFitter.h"

#include <atomic>
#include <memory>
#include <vector>

namespace stemcrate::ui {

class StemMixer;

class FitStage
{
public:
    explicit FitStage(int maxBlockFrames);
    ~FitStage();
    FitStage(const FitStage&) = delete;
    FitStage& operator=(const FitStage&) = delete;

    // Builds the engine (allocates; tens of milliseconds). Call once, on a worker thread.
    void prepare();
    bool prepared() const { return m_published.load(std::memory_order_acquire) != nullptr; }

    void setRatios(const library::FitRatios& ratios);
    library::FitRatios ratios() const;
    void setActive(bool active) { m_active.store(active, std::memory_order_relaxed); }
    bool active() const { return m_active.load(std::memory_order_relaxed); }
    // After a seek: the engine forgets what it holds, so the old position is not heard after the new one.
    void requestReset() { m_resetRequested.store(true, std::memory_order_relaxed); }

    // Audio thread. Renders `frames` (<= maxBlockFrames) into out[0..channels) (channels 1 or 2), through
    // the engine when active and prepared, else straight from the mixer.
    void render(StemMixer& mixer, float* const* out, int channels, int64_t frames);

private:
    static void pullFromMixer(void* context, float* const* in, int64_t frames);

    const int m_maxBlockFrames;
    std::unique_ptr<library::LiveFitter> m_fitter; // written by prepare() before publishing
    std::atomic<library::LiveFitter*> m_published{nullptr};
    std::atomic<double> m_timeRatio{1.0};
    std::atomic<double> m_pitchScale{1.0};
    std::atomic<bool> m_active{false};
    std::atomic<bool> m_resetRequested{false};
    bool m_wasActive = false;     // audio thread: a fresh activation starts from a clean engine
    std::vector<float> m_stereo;  // audio thread: 2 * maxBlockFrames, for a mono output
    StemMixer* m_mixer = nullptr; // audio thread: the mixer of the current render() (the pull's context)
};

} // namespace stemcrate::ui
