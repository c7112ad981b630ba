#pragma once
// SongPipeline: separates many songs in three stages joined by bounded queues, so one separation device is
// kept busy while other threads decode the next songs and encode and write the last ones:
//
//   stage workers: decode --[mixes]--> separation (the calling thread) --[stem sets]--> stage workers: write
//
// One set of stage workers serves both sides (batch/StageBoard.h): a worker writes a stem set whenever one is
// waiting (that frees memory), otherwise decodes the next song while the mixes ahead of the separation have
// room, otherwise waits. So the workers move to whichever side is slow, and the separation is the limit
// whenever the workers together can keep up with it. (PipelineOptions::fixedDecodeWorkers keeps the fixed
// split of before, for benchmarks to compare.)
//
// Work around the separation that need not hold its thread moves to the workers: an optional prepare()
// runs right after decode() (e.g. the separator's normalisation and windows, or a GPU upload), and stems may
// come out of separate() with a landing (e.g. a GPU's download still to be unpacked) that a worker runs
// before write().
//
// Memory, however long the list, with W workers (D of them decode and W - D write in a fixed split; D = W
// otherwise): at most queuedSongs + D + 1 mixes (queued or being decoded, plus the one being separated) and
// queuedSongs + (W - D or W) + 1 stem sets exist at once. Written stem sets go back to the separation stage
// for reuse (their pages stay resident and, on a GPU, pinned by the separator), so a long run stops
// allocating after its first songs.
//
// Ownership: run() owns the songs' audio while they travel; the stage callbacks borrow it. Threads:
// decode(), prepare() and write() run on the stage workers, separate() on the thread that called run(),
// finished() on any of them but never two at once. isCancelled() from any, also under the pipeline's lock
// (it must not call back into run()'s callbacks). Nothing here throws; an exception from a stage fails that
// song. Units: seconds, songs. Qt-free and torch-free.

#include "common/AudioBuffer.h"
#include "common/Result.h"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace stemcrate::batch {

struct PipelineOptions
{
    int workers = 2;     // stage workers, shared by the decode and write sides (ThreadBudget::pipelineWorkers)
    int queuedSongs = 2; // stem sets waiting for the workers; mixes ahead of the separation: this + decoders
    // > 0: the fixed split of before, to measure against: this many workers only decode, the rest only write.
    int fixedDecodeWorkers = 0;
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
    double decodeBusySeconds = 0;   // summed over the workers, prepare() not included
    double prepareBusySeconds = 0;  // summed over the workers
    double separateBusySeconds = 0; // the separation thread inside separate()
    double landBusySeconds = 0;     // summed over the workers, running the stems' landings
    double writeBusySeconds = 0;    // summed over the workers, inside write()
    double separateStarvedSeconds = 0; // the separation thread waiting for a decoded song, the first included
    double separateFirstWaitSeconds = 0; // of which waiting for the first song (the pipeline filling)
    double separateBlockedSeconds = 0;   // the separation thread waiting for room in the writers' queue
    double separateActiveSeconds = 0;    // from the first decoded song to the separation thread's end
    int workers = 0;            // stage workers started
    int fixedDecodeWorkers = 0; // as in the options: 0 = shared
    int decodeWorkersPeak = 0;  // the most workers decoding (decode + prepare) at once
    int writeWorkersPeak = 0;   // the most workers writing (landing + write) at once

    // Workers busy on each side, on average over the run.
    double decodeWorkersMean() const;
    double writeWorkersMean() const;
    // "separate" when the separation thread waited for the other stages at most a tenth of its active time
    // (its wait for the first song, and the writers finishing after it, not counted). Else the workers are
    // the limit: with shared workers (they were all busy whenever it waited), "decode" or "write", whichever
    // side kept them busier; with a fixed split, the side it waited on longer.
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
