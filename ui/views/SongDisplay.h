#pragma once
// SongDisplay: what the timeline draws for one song, kept with the song while it is in the list: one
// LaneDisplay per lane (the mix, then each stem once the first stem frames are published), each with its
// waveform summary (filled on a worker) and its spectrogram tiles. Switching back to a song reuses them: no
// summary or tile is computed twice for the same audio.
//
// When the song's stems are replaced (a retry allocates new ones), the stem lanes are rebuilt; the old
// lanes' jobs are cancelled and their audio is released by whoever holds it last (a worker, or the free
// job the session starts).
//
// Ownership: held by shared_ptr (SongSession, the TimelineView showing it); shares the audio; ViewWorkers
// must outlive it. Threads: GUI thread. Units: frames.

#include "views/LaneAudio.h"

#include <QString>

#include <memory>
#include <vector>

namespace stemcrate::ui {

class SpectrogramRenderer;
class ViewWorkers;
class WaveformFill;

struct LaneDisplay
{
    QString name; // "mix", "drums", ...
    LaneAudio audio;
    std::shared_ptr<WaveformFill> waveform;
    std::shared_ptr<SpectrogramRenderer> spectrogram;

    // Moves into `out` what a worker must let go (WaveformFill's and SpectrogramRenderer's
    // takeWorkerMemory(), the audio); what is left, the GUI thread's allocations, is freed where the lane is
    // destroyed: on the GUI thread, so that no worker frees them under the GUI thread's malloc arena lock
    // (issue 16, BENCHMARKS.md s14-holder).
    void takeWorkerMemory(std::vector<std::shared_ptr<const void>>& out);
};

class SongDisplay
{
public:
    SongDisplay(std::shared_ptr<const AudioBuffer> mix, ViewWorkers& workers);
    ~SongDisplay();
    SongDisplay(const SongDisplay&) = delete;
    SongDisplay& operator=(const SongDisplay&) = delete;

    const std::shared_ptr<const AudioBuffer>& mix() const { return m_mix; }
    const std::shared_ptr<const StemSet>& stems() const { return m_stems; }

    // New stems (or none): the stem lanes are dropped and follow the new set from its first publication.
    void setStems(std::shared_ptr<const StemSet> stems);
    // The stems are valid further: creates the stem lanes at the first publication and lets every lane's
    // summary catch up. Returns true when lanes were added.
    bool stemsGrew();

    int laneCount() const { return int(m_lanes.size()); }
    const LaneDisplay& lane(int index) const { return m_lanes[size_t(index)]; }
    // For a display no longer shown (SongSession): every lane's takeWorkerMemory() and the song's audio, for
    // the caller to let go on a worker; this object is then destroyed on the GUI thread.
    void takeWorkerMemory(std::vector<std::shared_ptr<const void>>& out);
    // The lanes dropped by setStems() since the last call: the caller decides where their memory is freed.
    std::vector<LaneDisplay> takeDropped();

private:
    LaneDisplay makeLane(const QString& name, LaneAudio audio);

    ViewWorkers& m_workers;
    std::shared_ptr<const AudioBuffer> m_mix;
    std::shared_ptr<const StemSet> m_stems;
    std::vector<LaneDisplay> m_lanes;
    std::vector<LaneDisplay> m_dropped;
};

} // namespace stemcrate::ui
