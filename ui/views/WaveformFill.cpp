#include "views/WaveformFill.h"

#include "views/ViewWorkers.h"

#include <algorithm>

namespace stemcrate::ui {

// Shared by the fill (GUI thread) and its running job (a worker).
struct WaveformFill::State
{
    LaneAudio audio;
    std::unique_ptr<analysis::WaveformSummary> owned; // worker writes once, before publishing `summary`
    std::atomic<const analysis::WaveformSummary*> summary{nullptr};
    std::atomic<bool> running{false};
    std::atomic<bool> cancelled{false};

    // Worker: summarises until it has caught up with the audio, then lets a later audioGrew() start again.
    void run()
    {
        do {
            while (!cancelled.load(std::memory_order_relaxed)) {
                const int64_t valid = audio.validFrames(); // acquire: those frames are final
                const AudioBuffer* buffer = audio.buffer();
                if (!buffer || valid <= 0)
                    break;
                if (!owned) {
                    const int channels = audio.mix ? audio.mix->channels : buffer->channels;
                    owned = std::make_unique<analysis::WaveformSummary>(channels, audio.totalFrames());
                    summary.store(owned.get(), std::memory_order_release);
                }
                const int64_t done = owned->validFrames();
                if (done >= std::min(valid, buffer->frames))
                    break;
                owned->append(*buffer, std::min({valid, buffer->frames, done + kChunkFrames}));
            }
            running.store(false, std::memory_order_release);
            // Frames published between the last check and clearing `running` would otherwise wait for the
            // next audioGrew(): take them now unless another job has started meanwhile.
        } while (!cancelled.load(std::memory_order_relaxed) && behind() && !running.exchange(true));
    }

    bool behind() const
    {
        const analysis::WaveformSummary* s = summary.load(std::memory_order_acquire);
        const int64_t valid = audio.validFrames();
        return valid > 0 && (!s || s->validFrames() < std::min(valid, audio.totalFrames()));
    }
};

WaveformFill::WaveformFill(LaneAudio audio, ViewWorkers& workers)
    : m_audio(audio), m_workers(workers), m_state(std::make_shared<State>())
{
    m_state->audio = std::move(audio);
    audioGrew();
}

WaveformFill::~WaveformFill()
{
    if (m_state)
        m_state->cancelled.store(true, std::memory_order_relaxed);
}

void WaveformFill::takeWorkerMemory(std::vector<std::shared_ptr<const void>>& out)
{
    if (m_state) {
        m_state->cancelled.store(true, std::memory_order_relaxed);
        out.push_back(std::move(m_state));
    }
    out.push_back(std::move(m_audio.mix));
    out.push_back(std::move(m_audio.stems));
}

void WaveformFill::audioGrew()
{
    if (m_audio.isNull() || !m_state || !m_state->behind() || m_state->running.exchange(true))
        return;
    m_workers.startSummary([state = m_state] { state->run(); });
}

const analysis::WaveformSummary* WaveformFill::summary() const
{
    return m_state ? m_state->summary.load(std::memory_order_acquire) : nullptr; // null once taken
}

int64_t WaveformFill::summarisedFrames() const
{
    const analysis::WaveformSummary* s = summary();
    return s ? s->validFrames() : 0;
}

} // namespace stemcrate::ui
