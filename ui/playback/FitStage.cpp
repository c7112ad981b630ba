#include "playback/FitStage.h"

#include "playback/StemMixer.h"

#include <algorithm>

namespace stemcrate::ui {

FitStage::FitStage(int maxBlockFrames)
    : m_maxBlockFrames(maxBlockFrames), m_stereo(size_t(2) * size_t(maxBlockFrames))
{
}

FitStage::~FitStage() = default;

void FitStage::prepare()
{
    if (m_fitter)
        return;
    m_fitter = std::make_unique<library::LiveFitter>(kEngineSampleRate, 2, m_maxBlockFrames);
    m_published.store(m_fitter.get(), std::memory_order_release);
}

void FitStage::setRatios(const library::FitRatios& ratios)
{
    m_timeRatio.store(ratios.timeRatio, std::memory_order_relaxed);
    m_pitchScale.store(ratios.pitchScale, std::memory_order_relaxed);
}

library::FitRatios FitStage::ratios() const
{
    return {m_timeRatio.load(std::memory_order_relaxed), m_pitchScale.load(std::memory_order_relaxed)};
}

void FitStage::pullFromMixer(void* context, float* const* in, int64_t frames)
{
    static_cast<FitStage*>(context)->m_mixer->render(in, 2, frames);
}

void FitStage::render(StemMixer& mixer, float* const* out, int channels, int64_t frames)
{
    library::LiveFitter* fitter = m_published.load(std::memory_order_acquire);
    const bool active = fitter && m_active.load(std::memory_order_relaxed);
    frames = std::min<int64_t>(frames, m_maxBlockFrames);
    if (!active) {
        m_wasActive = false;
        mixer.render(out, channels, frames);
        return;
    }
    if (!m_wasActive || m_resetRequested.exchange(false, std::memory_order_relaxed))
        fitter->reset();
    m_wasActive = true;
    fitter->setRatios(ratios());
    m_mixer = &mixer;
    float* stereo[2] = {m_stereo.data(), m_stereo.data() + m_maxBlockFrames};
    float* const* target = channels >= 2 ? out : stereo;
    fitter->render(target, frames, &FitStage::pullFromMixer, this);
    if (channels < 2)
        for (int64_t i = 0; i < frames; ++i)
            out[0][i] = 0.5f * (stereo[0][i] + stereo[1][i]);
}

} // namespace stemcrate::ui
