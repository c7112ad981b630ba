#pragma once
// WaveformFill: the waveform summary (core's WaveformSummary pyramid) of one lane's audio, built on a view
// worker as the audio becomes valid, and kept with the song (SongDisplay) so switching back to a song
// draws at once. The summary is allocated on the worker too (an hour-long stem's pyramid is tens of MB).
//
// Publication (Mixxx's waveform.h): the worker constructs the summary, then publishes the pointer with a
// release store; WaveformSummary publishes its own fill index the same way. Readers acquire both and never
// lock. Nothing on the GUI thread waits for the worker.
//
// Ownership: created and held by SongDisplay (shared_ptr); a running job holds the fill's state too, so
// whichever lets go last frees the summary (usually the worker). The destructor cancels the job (the next
// chunk boundary) without waiting. Threads: public functions on the GUI thread, except the readers
// (summary(), summarisedFrames()), which any thread may call. Units: frames.

#include "analysis/WaveformSummary.h"
#include "views/LaneAudio.h"

#include <atomic>
#include <memory>
#include <vector>

namespace stemcrate::ui {

class ViewWorkers;

class WaveformFill
{
public:
    // Frames summarised per step between cancel checks: about a millisecond of one core.
    static constexpr int64_t kChunkFrames = 1 << 18;

    WaveformFill(LaneAudio audio, ViewWorkers& workers);
    ~WaveformFill();
    WaveformFill(const WaveformFill&) = delete;
    WaveformFill& operator=(const WaveformFill&) = delete;

    // The audio is valid further now (or for the first time): the worker summarises up to it.
    void audioGrew();

    // Null until the worker allocated it; then summarised up to summarisedFrames().
    const analysis::WaveformSummary* summary() const;
    int64_t summarisedFrames() const;
    const LaneAudio& audio() const { return m_audio; }
    // For a fill no longer shown (SongSession): cancels its job and moves into `out` what it shares with the
    // worker and the audio it holds (the summary, allocated on a worker, and references that may be the
    // last to a song's buffers), for the caller to let go on a worker. This object, allocated on the GUI
    // thread, is then destroyed there; it is used for nothing else afterwards.
    void takeWorkerMemory(std::vector<std::shared_ptr<const void>>& out);

private:
    struct State;
    LaneAudio m_audio;
    ViewWorkers& m_workers;
    std::shared_ptr<State> m_state;
};

} // namespace stemcrate::ui
