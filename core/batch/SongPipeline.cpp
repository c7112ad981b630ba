#include "batch/SongPipeline.h"

#include "batch/StageBoard.h"
#include "common/BoundedQueue.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>

namespace stemcrate::batch {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point since)
{
    return std::chrono::duration<double>(Clock::now() - since).count();
}

struct Decoded
{
    std::size_t song = 0;
    AudioBuffer mix;
    SongTimes times;
};

struct Separated
{
    std::size_t song = 0;
    SongStems stems;
    SongTimes times;
};

// Runs `stage`, turning an exception into an error.
template <class R, class F> R guarded(F&& stage)
{
    try {
        return stage();
    } catch (const std::exception& e) {
        return makeError(std::string("unexpected failure: ") + e.what());
    } catch (...) {
        return makeError("unexpected failure");
    }
}

} // namespace

double PipelineReport::decodeWorkersMean() const
{
    return wallSeconds > 0 ? (decodeBusySeconds + prepareBusySeconds) / wallSeconds : 0;
}

double PipelineReport::writeWorkersMean() const
{
    return wallSeconds > 0 ? (landBusySeconds + writeBusySeconds) / wallSeconds : 0;
}

std::string PipelineReport::limitingStage() const
{
    if (wallSeconds <= 0 || separateActiveSeconds <= 0)
        return "none";
    const double starved = std::max(0.0, separateStarvedSeconds - separateFirstWaitSeconds);
    if (starved + separateBlockedSeconds <= 0.1 * separateActiveSeconds)
        return "separate";
    if (fixedDecodeWorkers > 0) // each side has its own workers: the one it waited on
        return starved >= separateBlockedSeconds ? "decode" : "write";
    // Shared workers: the separation only waits when every worker is busy (a decode always has room while
    // no mix is waiting; a waiting stem set is always taken first), so the side that kept them busier.
    return decodeBusySeconds + prepareBusySeconds >= landBusySeconds + writeBusySeconds ? "decode" : "write";
}

PipelineReport SongPipeline::run(std::size_t songs, const PipelineStages& stages, const PipelineOptions& options)
{
    PipelineReport report;
    const int workers = std::max(1, options.workers);
    const int fixedDecoders = options.fixedDecodeWorkers > 0 && workers >= 2
                                  ? std::min(options.fixedDecodeWorkers, workers - 1)
                                  : 0;
    report.fixedDecodeWorkers = fixedDecoders;
    const std::size_t queued = static_cast<std::size_t>(std::max(1, options.queuedSongs));
    const int decoders = fixedDecoders > 0 ? fixedDecoders : workers;
    const int writers = fixedDecoders > 0 ? workers - fixedDecoders : workers;
    const auto started = Clock::now();

    StageBoard<Decoded, Separated> board(songs, queued, queued + static_cast<std::size_t>(decoders),
                                         fixedDecoders);
    // Written stem sets come back here for the next songs; never more than exist, so never full.
    BoundedQueue<SongStems> spare(queued + static_cast<std::size_t>(writers) + 1);

    std::mutex reportMutex; // report's sums and finished()
    auto cancelled = [&] { return stages.isCancelled && stages.isCancelled(); };
    auto finish = [&](std::size_t song, SongOutcome outcome) {
        std::lock_guard lock(reportMutex);
        switch (outcome.status) {
        case SongOutcome::Status::Done:
            ++report.done;
            break;
        case SongOutcome::Status::Failed:
            ++report.failed;
            break;
        case SongOutcome::Status::Cancelled:
            ++report.cancelled;
            break;
        }
        if (stages.finished)
            stages.finished(song, outcome);
    };
    auto fail = [&](std::size_t song, const char* stage, std::string error, const SongTimes& times) {
        SongOutcome outcome;
        outcome.status = cancelled() ? SongOutcome::Status::Cancelled : SongOutcome::Status::Failed;
        outcome.failedStage = stage;
        outcome.error = std::move(error);
        outcome.times = times;
        finish(song, std::move(outcome));
    };
    auto addBusy = [&](double& sum, double seconds) {
        std::lock_guard lock(reportMutex);
        sum += seconds;
    };

    // Decode work: decode() and prepare(); the mix goes to the separation, or the song fails here.
    auto decodeSong = [&](std::size_t song) -> std::optional<Decoded> {
        const auto t0 = Clock::now();
        Result<AudioBuffer> mix = guarded<Result<AudioBuffer>>([&] { return stages.decode(song); });
        Decoded item;
        item.song = song;
        item.times.decodeSeconds = secondsSince(t0);
        addBusy(report.decodeBusySeconds, item.times.decodeSeconds);
        if (!mix) {
            fail(song, "decode", mix.error(), item.times);
            return std::nullopt;
        }
        item.mix = std::move(mix).value();
        if (stages.prepare) {
            const auto t1 = Clock::now();
            Result<void> prepared = guarded<Result<void>>([&] { return stages.prepare(song, item.mix); });
            item.times.prepareSeconds = secondsSince(t1);
            addBusy(report.prepareBusySeconds, item.times.prepareSeconds);
            if (!prepared) {
                fail(song, "separate", prepared.error(), item.times);
                return std::nullopt;
            }
        }
        return item;
    };
    // Write work: the landing, then write(); the stem set goes back for reuse either way.
    auto writeSong = [&](Separated& item) {
        if (cancelled()) {
            item.stems.landing = nullptr; // dropped: waits for what it would have unpacked
            fail(item.song, "write", "cancelled", item.times);
            return;
        }
        if (item.stems.landing) {
            const std::function<Result<void>()> landing = std::move(item.stems.landing);
            item.stems.landing = nullptr;
            const auto t1 = Clock::now();
            Result<void> landed = guarded<Result<void>>([&] { return landing(); });
            item.times.landSeconds = secondsSince(t1);
            addBusy(report.landBusySeconds, item.times.landSeconds);
            if (!landed) {
                fail(item.song, "separate", landed.error(), item.times);
                return;
            }
        }
        const auto t0 = Clock::now();
        Result<void> written =
            guarded<Result<void>>([&] { return stages.write(item.song, item.stems, item.times); });
        item.times.writeSeconds = secondsSince(t0);
        addBusy(report.writeBusySeconds, item.times.writeSeconds);
        if (written) {
            SongOutcome outcome;
            outcome.times = item.times;
            finish(item.song, std::move(outcome));
        } else {
            fail(item.song, "write", written.error(), item.times);
        }
    };
    auto worker = [&](int index) {
        while (std::optional<StageBoard<Decoded, Separated>::Work> work = board.next(index, stages.isCancelled)) {
            if (work->write) {
                writeSong(*work->stems);
                SongStems stems = std::move(work->stems->stems);
                work.reset();
                board.writeDone();
                spare.push(std::move(stems));
            } else {
                board.mixDone(decodeSong(work->song));
            }
        }
    };

    std::vector<std::thread> threads;
    for (int i = 0; i < workers; ++i) {
        try {
            threads.emplace_back(worker, i);
        } catch (const std::system_error&) {
            if (fixedDecoders > 0) // a fixed split short of threads: let those started do both sides
                board.dropFixedSplit();
            break;
        }
    }
    report.workers = static_cast<int>(threads.size());
    if (threads.empty()) // not one worker: no song can start
        for (std::size_t song = board.stopDecoding(); song < songs; ++song)
            fail(song, "decode", "no threads to run the pipeline", SongTimes());

    // Separation, on this thread.
    std::optional<Clock::time_point> firstSong;
    while (true) {
        double starved = 0;
        std::optional<Decoded> item = board.takeMix(&starved);
        report.separateStarvedSeconds += starved;
        if (!firstSong) {
            firstSong = Clock::now();
            report.separateFirstWaitSeconds = starved;
        }
        if (!item)
            break;
        if (cancelled()) {
            fail(item->song, "separate", "cancelled", item->times);
            continue;
        }
        Separated out;
        out.song = item->song;
        out.times = item->times;
        if (std::optional<SongStems> reused = spare.tryPop())
            out.stems = std::move(*reused);
        const auto t0 = Clock::now();
        Result<void> r =
            guarded<Result<void>>([&] { return stages.separate(item->song, item->mix, out.stems); });
        out.times.separateSeconds = secondsSince(t0);
        report.separateBusySeconds += out.times.separateSeconds;
        item.reset(); // the mix is no longer needed: free it before waiting for the writers
        if (!r) {
            out.stems.landing = nullptr;
            fail(out.song, "separate", r.error(), out.times);
            spare.push(std::move(out.stems));
            continue;
        }
        double blocked = 0;
        board.putStems(std::move(out), &blocked);
        report.separateBlockedSeconds += blocked;
    }
    report.separateActiveSeconds = firstSong ? secondsSince(*firstSong) : 0;
    board.separationFinished();
    for (std::thread& t : threads)
        t.join();
    spare.close();
    report.decodeWorkersPeak = board.decodingPeak();
    report.writeWorkersPeak = board.writingPeak();
    report.wallSeconds = secondsSince(started);
    return report;
}

} // namespace stemcrate::batch
