#include "library/LiveFitter.h"

#include <rubberband/RubberBandStretcher.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace stemcrate::library {
namespace {

using RubberBand::RubberBandStretcher;

RubberBandStretcher::Options engineOptions(LiveFitter::Quality quality)
{
    RubberBandStretcher::Options options =
        RubberBandStretcher::OptionProcessRealTime | RubberBandStretcher::OptionThreadingNever |
        RubberBandStretcher::OptionPitchHighConsistency | RubberBandStretcher::OptionChannelsTogether;
    if (quality == LiveFitter::Quality::Finer)
        options |= RubberBandStretcher::OptionEngineFiner | RubberBandStretcher::OptionWindowShort;
    return options;
}

std::vector<float*> planes(std::vector<float>& samples, int channels, int frames)
{
    std::vector<float*> out(static_cast<size_t>(channels));
    for (int c = 0; c < channels; ++c)
        out[size_t(c)] = samples.data() + size_t(c) * size_t(frames);
    return out;
}

} // namespace

LiveFitter::LiveFitter(int sampleRate, int channels, int maxBlockFrames, Quality quality)
    : m_channels(std::max(1, channels)), m_maxBlockFrames(std::max(64, maxBlockFrames)),
      m_engine(std::make_unique<RubberBandStretcher>(
          static_cast<size_t>(sampleRate), static_cast<size_t>(m_channels), engineOptions(quality))),
      m_input(size_t(m_channels) * size_t(m_maxBlockFrames)),
      m_discard(size_t(m_channels) * size_t(m_maxBlockFrames)),
      m_inputPlanes(planes(m_input, m_channels, m_maxBlockFrames)),
      m_discardPlanes(planes(m_discard, m_channels, m_maxBlockFrames)),
      m_outPlanes(static_cast<size_t>(m_channels))
{
    m_engine->setMaxProcessSize(static_cast<size_t>(m_maxBlockFrames));
    reset();
}

LiveFitter::~LiveFitter() = default;

void LiveFitter::setRatios(const FitRatios& ratios)
{
    const double maxPitch = std::exp2(kMaxShiftSemitones / 12.0);
    m_timeRatio.store(std::clamp(ratios.timeRatio, kMinTimeRatio, kMaxTimeRatio), std::memory_order_relaxed);
    m_pitchScale.store(std::clamp(ratios.pitchScale, 1.0 / maxPitch, maxPitch), std::memory_order_relaxed);
}

FitRatios LiveFitter::ratios() const
{
    return {m_timeRatio.load(std::memory_order_relaxed), m_pitchScale.load(std::memory_order_relaxed)};
}

void LiveFitter::applyRatios()
{
    const double time = m_timeRatio.load(std::memory_order_relaxed);
    const double pitch = m_pitchScale.load(std::memory_order_relaxed);
    if (time != m_appliedTimeRatio) {
        m_engine->setTimeRatio(time);
        m_appliedTimeRatio = time;
    }
    if (pitch != m_appliedPitchScale) {
        m_engine->setPitchScale(pitch);
        m_appliedPitchScale = pitch;
    }
}

void LiveFitter::reset()
{
    m_engine->reset();
    m_appliedTimeRatio = m_appliedPitchScale = 0.0; // forces both setters
    applyRatios();
    m_padFrames = static_cast<int64_t>(m_engine->getPreferredStartPad());
    m_dropFrames = static_cast<int64_t>(m_engine->getStartDelay());
}

void LiveFitter::feed(int64_t frames, PullFn pull, void* context)
{
    if (pull) {
        pull(context, m_inputPlanes.data(), frames);
    } else {
        for (float* plane : m_inputPlanes)
            std::memset(plane, 0, size_t(frames) * sizeof(float));
    }
    m_engine->process(m_inputPlanes.data(), static_cast<size_t>(frames), false);
}

void LiveFitter::render(float* const* out, int64_t frames, PullFn pull, void* context)
{
    applyRatios();
    int64_t produced = 0;
    // Each pass either retrieves output or feeds at least one frame; the bound only guards against an engine
    // that stops producing (never seen), in which case the rest is silence rather than a hang.
    const int64_t maxPasses = 64 + 4 * (frames + m_padFrames + m_dropFrames);
    for (int64_t pass = 0; produced < frames && pass < maxPasses; ++pass) {
        const int available = m_engine->available();
        if (available > 0) {
            if (m_dropFrames > 0) {
                const int64_t n = std::min<int64_t>({available, m_dropFrames, m_maxBlockFrames});
                m_dropFrames -= int64_t(m_engine->retrieve(m_discardPlanes.data(), size_t(n)));
                continue;
            }
            const int64_t n = std::min<int64_t>(available, frames - produced);
            for (int c = 0; c < m_channels; ++c)
                m_outPlanes[size_t(c)] = out[c] + produced;
            produced += int64_t(m_engine->retrieve(m_outPlanes.data(), size_t(n)));
            continue;
        }
        int64_t needed = static_cast<int64_t>(m_engine->getSamplesRequired());
        needed = std::clamp<int64_t>(needed, 1, m_maxBlockFrames);
        if (m_padFrames > 0) {
            needed = std::min(needed, m_padFrames);
            feed(needed, nullptr, nullptr);
            m_padFrames -= needed;
        } else {
            feed(needed, pull, context);
        }
    }
    for (int c = 0; c < m_channels && produced < frames; ++c)
        std::memset(out[c] + produced, 0, size_t(frames - produced) * sizeof(float));
}

} // namespace stemcrate::library
