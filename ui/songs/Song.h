#pragma once
// Song: one entry of the song list: its file, job state and results.
//
// Ownership: owned by SongList; the audio and stems are shared with views, mixer and jobs. Threads: GUI
// thread only (workers report through SongQueue's queued calls; their results are moved in there). Units:
// frames at 44.1 kHz, seconds where named.

#include "audio/Decoder.h"
#include "separation/StemCache.h"
#include "songs/SongLifecycle.h"
#include "songs/StemSet.h"

#include <QString>

#include <atomic>
#include <memory>

namespace stemcrate::analysis {
struct TrackAnalysis; // core/analysis/TrackAnalyzer.h
}

namespace stemcrate::ui {

struct Song
{
    int id = 0;
    QString path;
    // The state and the running job's token. Only SongQueue changes it, through lifecycle.apply().
    SongLifecycle lifecycle;
    double fraction = 0.0;    // of the current step, [0, 1]
    double etaSeconds = -1.0; // < 0 while unknown
    QString error;            // why it failed, for musicians
    bool fromCache = false;
    QString cacheKey; // of the stems for cacheModelIdentity, once computed (a worker hashes)
    std::string cacheModelIdentity;
    separation::SourceFingerprint source;         // the file as it was decoded (the cache's source index)
    std::shared_ptr<const audio::Track> track;    // set once decoded
    std::shared_ptr<StemSet> stems;               // set when separation starts or the cache hits
    std::shared_ptr<std::atomic<bool>> cancelled; // the flag of the current run's jobs
    // Tempo, beats, key, onsets once the stems are complete and analysed (null before, or without
    // core/analysis in this build).
    std::shared_ptr<const analysis::TrackAnalysis> analysis;

    // The decoded mix (shares ownership with track); null before decoding.
    std::shared_ptr<const AudioBuffer> mix() const
    {
        return track ? std::shared_ptr<const AudioBuffer>(track, &track->audio) : nullptr;
    }
    SongState state() const { return lifecycle.state(); }
    bool busy() const
    {
        const SongState s = state();
        return s == SongState::Queued || s == SongState::Decoding || s == SongState::Separating;
    }
};

} // namespace stemcrate::ui
