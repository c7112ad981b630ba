#pragma once
// SongPipeline: separates many songs in three stages joined by bounded queues, so one separation device is
// kept busy while other threads decode the next songs and encode and write the last ones:
//
//   decode workers --[queuedSongs mixes]--> separation (the calling thread) --[queuedSongs stem sets]--> writers
//
// Work around the separation that need not hold its thread moves to the other stages: an optional prepare()
// runs on the decode worker after decode() (e.g. the separator's normalisation and windows, or a GPU upload),
// and stems may come out of separate() with a landing (e.g. a GPU's download still to be unpacked) that a
// write worker runs before write().
//
// At most queuedSongs + decodeThreads mixes and queuedSongs + writeThreads + 1 stem sets exist at once,
// however long the list: memory stays bounded and the slowest stage sets the pace (report().limitingStage).
// Written stem sets go back to the separation stage for reuse (their pages stay resident and, on a GPU,
// pinned by the separator), so a long run stops allocating after its first songs.
//
// Ownership: run() owns the songs' audio while they travel; the stage callbacks borrow it. Threads:
// decode() runs on the decode workers, separate() on the thread that called run(), write() on the write
// workers, finished() on any of them but never two at once. isCancelled() from any. Nothing here throws;
// an exception from a stage fails that song. Units: seconds, songs. Qt-free and torch-free.

#include "common/AudioBuffer.h"
#include "common/Result.h"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace stemcrate::batch {

struct PipelineOptions
{
    int decodeThreads = 1;
    int writeThreads = 1;
    int queuedSongs = 2; // capacity of each of the two queues
};

// The stems of one song: `audio[i]` is stem `names[i]`, as long as the mix. On entry to separate() they may
// hold an earlier song's buffers, to be reused.
struct SongStems
{
    std::vector<std::string> names;
    std::vector<AudioBuffer> audio;
    // Set by separate() when the stems are not complete yet: what completes them (a Separator's
    // StemLanding). A write worker runs it once before write(); a song that is not written drops it.
    std::function<Result<void>()> landing;
};

struct SongTimes
{
    double decodeSeconds = 0;
    double prepareSeconds = 0; // on the decode worker
    double separateSeconds = 0;
    double landSeconds = 0; // on the write worker, before write()
    double writeSeconds = 0;
    double totalSeconds() const
    {
        return decodeSeconds + prepareSeconds + separateSeconds + landSeconds + writeSeconds;
    }
};

struct SongOutcome
{
    enum class Status
    {
        Done,
        Failed,
        Cancelled
    };
    Status status = Status::Done;
    std::string failedStage; // "decode", "separate" or "write" when Failed
    std::string error;
    SongTimes times;
};

struct PipelineStages
{
    std::function<Result<AudioBuffer>(std::size_t song)> decode;
    // Optional, on the decode worker right after decode(): host-side work of the separation done ahead
    // (Separator::prepare). What it makes, the caller keeps per song; it may free `mix`, and separate()
    // then gets what it left. Its failure fails the song in the "separate" stage.
    std::function<Result<void>(std::size_t song, AudioBuffer& mix)> prepare;
    std::function<Result<void>(std::size_t song, const AudioBuffer& mix, SongStems& stems)> separate;
    std::function<Result<void>(std::size_t song, const SongStems& stems, const SongTimes& times)> write;
    std::function<void(std::size_t song, const SongOutcome& outcome)> finished; // optional
    std::function<bool()> isCancelled;                                         // optional
};

struct PipelineReport
{
    std::size_t done = 0, failed = 0, cancelled = 0;
    double wallSeconds = 0;
    double decodeBusySeconds = 0;   // summed over the decode workers, prepare() not included
    double prepareBusySeconds = 0;  // summed over the decode workers
    double separateBusySeconds = 0; // the separation thread inside separate()
    double landBusySeconds = 0;     // summed over the write workers, running the stems' landings
    double writeBusySeconds = 0;    // summed over the write workers, inside write()
    double separateStarvedSeconds = 0; // the separation thread waiting for a decoded song
    double separateBlockedSeconds = 0; // the separation thread waiting for room in the writers' queue
    int decodeThreads = 0, writeThreads = 0;

    // "separate" when the separation thread was busy most of the time, else "decode" or "write", whichever
    // it waited on longer.
    std::string limitingStage() const;
};

class SongPipeline
{
public:
    // Runs songs [0, songs) through the stages; returns when every song has finished or, after a cancel,
    // when every started stage has returned.
    static PipelineReport run(std::size_t songs, const PipelineStages& stages, const PipelineOptions& options);
};

} // namespace stemcrate::batch
