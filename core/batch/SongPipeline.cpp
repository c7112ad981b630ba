#include "batch/SongPipeline.h"

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

std::string PipelineReport::limitingStage() const
{
    if (wallSeconds <= 0)
        return "none";
    if (separateBusySeconds >= 0.8 * wallSeconds ||
        separateBusySeconds >= std::max(separateStarvedSeconds, separateBlockedSeconds))
        return "separate";
    return separateStarvedSeconds >= separateBlockedSeconds ? "decode" : "write";
}

PipelineReport SongPipeline::run(std::size_t songs, const PipelineStages& stages, const PipelineOptions& options)
{
    PipelineReport report;
    report.decodeThreads = std::max(1, options.decodeThreads);
    report.writeThreads = std::max(1, options.writeThreads);
    const std::size_t queued = static_cast<std::size_t>(std::max(1, options.queuedSongs));
    const auto started = Clock::now();

    BoundedQueue<Decoded> decoded(queued);
    BoundedQueue<Separated> separated(queued);
    // Written stem sets come back here for the next songs; never more than exist, so never full.
    BoundedQueue<SongStems> spare(queued + static_cast<std::size_t>(report.writeThreads) + 1);

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

    std::atomic<std::size_t> nextSong{0};
    std::atomic<int> decodersLeft{report.decodeThreads};
    auto decodeWorker = [&] {
        for (std::size_t song = nextSong++; song < songs && !cancelled(); song = nextSong++) {
            const auto t0 = Clock::now();
            Result<AudioBuffer> mix = guarded<Result<AudioBuffer>>([&] { return stages.decode(song); });
            Decoded item;
            item.song = song;
            item.times.decodeSeconds = secondsSince(t0);
            {
                std::lock_guard lock(reportMutex);
                report.decodeBusySeconds += item.times.decodeSeconds;
            }
            if (!mix) {
                fail(song, "decode", mix.error(), item.times);
                continue;
            }
            item.mix = std::move(mix).value();
            if (stages.prepare) {
                const auto t1 = Clock::now();
                Result<void> prepared =
                    guarded<Result<void>>([&] { return stages.prepare(song, item.mix); });
                item.times.prepareSeconds = secondsSince(t1);
                {
                    std::lock_guard lock(reportMutex);
                    report.prepareBusySeconds += item.times.prepareSeconds;
                }
                if (!prepared) {
                    fail(song, "separate", prepared.error(), item.times);
                    continue;
                }
            }
            if (!decoded.push(std::move(item)))
                break;
        }
        if (--decodersLeft == 0)
            decoded.close();
    };
    auto writeWorker = [&] {
        while (std::optional<Separated> item = separated.pop()) {
            if (cancelled()) {
                item->stems.landing = nullptr; // dropped: waits for what it would have unpacked
                fail(item->song, "write", "cancelled", item->times);
                spare.push(std::move(item->stems));
                continue;
            }
            if (item->stems.landing) {
                const std::function<Result<void>()> landing = std::move(item->stems.landing);
                item->stems.landing = nullptr;
                const auto t1 = Clock::now();
                Result<void> landed = guarded<Result<void>>([&] { return landing(); });
                item->times.landSeconds = secondsSince(t1);
                {
                    std::lock_guard lock(reportMutex);
                    report.landBusySeconds += item->times.landSeconds;
                }
                if (!landed) {
                    fail(item->song, "separate", landed.error(), item->times);
                    spare.push(std::move(item->stems));
                    continue;
                }
            }
            const auto t0 = Clock::now();
            Result<void> written =
                guarded<Result<void>>([&] { return stages.write(item->song, item->stems, item->times); });
            item->times.writeSeconds = secondsSince(t0);
            {
                std::lock_guard lock(reportMutex);
                report.writeBusySeconds += item->times.writeSeconds;
            }
            if (written) {
                SongOutcome outcome;
                outcome.times = item->times;
                finish(item->song, std::move(outcome));
            } else {
                fail(item->song, "write", written.error(), item->times);
            }
            spare.push(std::move(item->stems));
        }
    };

    std::vector<std::thread> threads;
    auto start = [&](int count, const std::function<void()>& worker) {
        for (int i = 0; i < count; ++i) {
            try {
                threads.emplace_back(worker);
            } catch (const std::system_error&) {
                if (i == 0) // not one thread: run the stage's work on this one is impossible here, so fail
                    return false;
                break;
            }
        }
        return true;
    };
    bool threadsStarted = start(report.decodeThreads, decodeWorker);
    if (!threadsStarted)
        decoded.close();
    threadsStarted = start(report.writeThreads, writeWorker) && threadsStarted;

    // Separation, on this thread.
    while (true) {
        double starved = 0;
        std::optional<Decoded> item = decoded.pop(&starved);
        report.separateStarvedSeconds += starved;
        if (!item)
            break;
        if (cancelled() || !threadsStarted) {
            fail(item->song, "separate", threadsStarted ? "cancelled" : "no threads to run the pipeline",
                 item->times);
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
        const std::size_t song = out.song;
        const SongTimes times = out.times;
        if (!separated.push(std::move(out), &blocked)) // closed: `out` and its landing are dropped
            fail(song, "write", "cancelled", times);
        report.separateBlockedSeconds += blocked;
    }
    separated.close();
    spare.close();
    for (std::thread& t : threads)
        t.join();
    report.wallSeconds = secondsSince(started);
    return report;
}

} // namespace stemcrate::batch
