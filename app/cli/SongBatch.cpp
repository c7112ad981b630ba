#include "SongBatch.h"

#include "CliOutput.h"
#include "Interrupt.h"
#include "TerminalProgress.h"

#include "audio/Decoder.h"
#include "batch/CompletionRecord.h"
#include "batch/ManifestLog.h"
#include "batch/SongPipeline.h"
#include "common/AudioBufferPool.h"
#include "common/ThreadBudget.h"
#include "separation/Separator.h"
#include "separation/StemCache.h"

#include <chrono>
#include <cstdio>
#include <set>
#include <mutex>
#include <system_error>

namespace stemcrate::cli {

namespace fs = std::filesystem;

namespace {

const char* deviceName(const separation::Separator& separator)
{
    return separator.options().device == separation::Device::Cuda ? "cuda" : "cpu";
}

} // namespace

Result<audio::Track> DecodedAhead::takeOrDecode(const std::string& song, const audio::DecodeOptions& options)
{
    if (song == input && track && !taken.exchange(true))
        return std::move(*track);
    return audio::decodeFile(song, options);
}

const SongJob* firstSongToDecode(const std::vector<SongJob>& jobs, bool skipComplete)
{
    for (const SongJob& job : jobs) {
        std::error_code ec;
        if (!skipComplete || !fs::exists(job.folder / batch::kCompletionRecordName, ec))
            return &job;
    }
    return nullptr;
}

BatchOutcome runSongBatch(separation::Separator& separator, const std::vector<SongJob>& jobs,
                          const SongBatchOptions& options, TerminalProgress& bar, DecodedAhead* ahead)
{
    std::mutex outputMutex; // stdout, stderr, the progress bar and the manifest's order
    int failures = 0;
    auto manifest = [&](batch::ManifestEntry entry) {
        if (options.manifestPath.empty())
            return;
        entry.device = deviceName(separator);
        entry.shard = options.shard;
        if (Result<void> r = batch::appendManifestLine(options.manifestPath, entry); !r) {
            printError(options.manifestPath, reasonOnly(r.error(), options.manifestPath));
            ++failures;
        }
    };
    auto doneEntry = [&](const SongJob& job, const batch::CompletionRecord& record, const char* status) {
        batch::ManifestEntry entry;
        entry.input = job.input;
        entry.folder = job.folder.string();
        entry.status = status;
        entry.outputs = record.outputs;
        entry.seconds = record.seconds;
        return entry;
    };

    // Songs already complete are skipped; one whose record a killed run wrote before its manifest line gets
    // its "done" line now, so that every complete song has exactly one.
    std::vector<const SongJob*> todo;
    std::set<std::string> doneInManifest;
    if (options.skipComplete && !options.manifestPath.empty()) {
        Result<std::set<std::string>> done = batch::inputsDoneInManifest(options.manifestPath);
        if (!done) {
            printError(options.manifestPath, reasonOnly(done.error(), options.manifestPath));
            return BatchOutcome::SomeFailed;
        }
        doneInManifest = std::move(done).value();
    }
    for (const SongJob& job : jobs) {
        if (options.skipComplete) {
            const std::vector<std::string> expected =
                separateOutputFiles(options.outputs, separator.sourceNames(), job.folder);
            if (Result<batch::CompletionRecord> record = batch::verifiedCompletion(job.folder.string(), expected)) {
                manifest(doneEntry(job, record.value(), doneInManifest.count(job.input) ? "skipped" : "done"));
                std::printf("%s\n", job.folder.string().c_str());
                continue;
            }
        }
        todo.push_back(&job);
    }
    std::fflush(stdout);

    const ThreadBudget budget = ThreadBudget::forThisMachine(separator.options().device == separation::Device::Cuda);
    batch::PipelineOptions pipelineOptions;
    pipelineOptions.workers = budget.pipelineWorkers;
    pipelineOptions.queuedSongs = 2;

    // Per song k: its stem cache key (the worker that decoded it) and whether its stems came from the cache
    // (separator).
    const bool caching = !options.cacheFolder.empty() && !options.modelIdentity.empty();
    const separation::StemCache cache(options.cacheFolder);
    std::vector<std::string> cacheKeys(todo.size());
    std::vector<char> fromCache(todo.size(), 0);
    // Per song k: the separator's host-side preparation, made by the worker that decoded it (SongPipeline's
    // prepare).
    std::vector<separation::PreparedSong> prepared(todo.size());
    std::vector<char> isPrepared(todo.size(), 0);
    // Mixes decode into the storage of earlier songs' mixes, given back once prepared: as many as can exist
    // at once (SongPipeline.h), and the decoder's scratch.
    AudioBufferPool mixes(static_cast<size_t>(pipelineOptions.queuedSongs + pipelineOptions.workers + 2));

    batch::PipelineStages stages;
    stages.isCancelled = interrupted;
    stages.decode = [&](size_t k) -> Result<AudioBuffer> {
        const SongJob& job = *todo[k];
        audio::DecodeOptions decodeOptions;
        decodeOptions.isCancelled = interrupted;
        decodeOptions.buffers = &mixes;
        Result<audio::Track> track =
            ahead ? ahead->takeOrDecode(job.input, decodeOptions) : audio::decodeFile(job.input, decodeOptions);
        if (!track)
            return Error{reasonOnly(track.error(), job.input)};
        if (caching)
            cacheKeys[k] = separation::StemCache::key(track->audio, options.modelIdentity);
        return std::move(track->audio);
    };
    // A song whose stems the cache has is not prepared; the others give up their mix here (what the
    // separator needs of it is in prepared[k]).
    stages.prepare = [&](size_t k, AudioBuffer& mix) -> Result<void> {
        if (!cacheKeys[k].empty() && cache.contains(cacheKeys[k]))
            return {};
        Result<separation::PreparedSong> song = separator.prepare(mix);
        if (!song)
            return Error{song.error()};
        prepared[k] = std::move(song).value();
        isPrepared[k] = 1;
        mixes.give(std::move(mix));
        mix = AudioBuffer();
        return {};
    };
    stages.separate = [&](size_t k, const AudioBuffer& mix, batch::SongStems& stems) -> Result<void> {
        const std::string label = fs::path(todo[k]->input).filename().string();
        separation::Stems out;
        const int64_t frames = isPrepared[k] ? prepared[k].frames() : mix.frames;
        if (!cacheKeys[k].empty() && cache.contains(cacheKeys[k])) {
            Result<void> loaded = cache.load(cacheKeys[k], frames, out);
            std::lock_guard lock(outputMutex);
            if (loaded) {
                fromCache[k] = 1;
                prepared[k] = separation::PreparedSong(); // not needed after all
                std::fprintf(stderr, "%s\n",
                             substitute(translate("stemcrate-cli", "%1: stems from the cache"), {todo[k]->input})
                                 .c_str());
                stems.names = std::move(out.names);
                stems.audio = std::move(out.audio);
                return {};
            }
            std::fprintf(stderr, "warning: %s\n", loaded.error().c_str()); // separated again below
        }
        out.audio = std::move(stems.audio); // an earlier song's buffers, reused
        separation::SeparationCallbacks callbacks;
        callbacks.isCancelled = interrupted;
        callbacks.progress = [&](const separation::Progress& p) {
            std::lock_guard lock(outputMutex);
            bar.update(label, p.fraction, p.etaSeconds);
        };
        if (!isPrepared[k]) { // its stems were in the cache when it was decoded, and are not now
            Result<separation::PreparedSong> song = separator.prepare(mix);
            if (!song)
                return Error{song.error()};
            prepared[k] = std::move(song).value();
        }
        // The callbacks borrow this call's locals: the landing calls none of them.
        Result<separation::StemLanding> launched = separator.launch(std::move(prepared[k]), out, callbacks);
        stems.names = std::move(out.names);
        stems.audio = std::move(out.audio);
        if (!launched)
            return Error{launched.error()};
        stems.landing = std::move(launched).value();
        return {};
    };
    stages.write = [&](size_t k, const batch::SongStems& stems, const batch::SongTimes& times) -> Result<void> {
        const auto started = std::chrono::steady_clock::now();
        const SongJob& job = *todo[k];
        const std::string folder = job.folder.string();
        std::error_code ec;
        fs::create_directories(job.folder, ec);
        if (ec)
            return makeError("cannot create output folder '" + folder + "': " + ec.message());
        batch::removeStaleTemporaries(folder); // what a killed run of this song left
        if (!cacheKeys[k].empty() && !fromCache[k]) {
            if (Result<void> stored = cache.store(cacheKeys[k], stems.names, stems.audio, {interrupted});
                !stored && !interrupted()) {
                std::lock_guard lock(outputMutex);
                std::fprintf(stderr, "warning: %s\n", stored.error().c_str()); // the stems are written anyway
            }
        }
        batch::CompletionRecord record;
        record.input = job.input;
        record.device = deviceName(separator);
        if (Result<void> written = writeSeparateOutputs(options.outputs, stems.names, stems.audio, job.folder);
            !written)
            return written;
        for (const std::string& file : separateOutputFiles(options.outputs, stems.names, job.folder)) {
            Result<batch::OutputFile> described = batch::describeOutput(folder, file);
            if (!described)
                return Error{described.error()};
            record.outputs.push_back(described.value());
        }
        const double writeSeconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        record.seconds = times.decodeSeconds + times.separateSeconds + writeSeconds;
        if (Result<void> r = batch::writeCompletionRecord(folder, record); !r)
            return r;
        batch::ManifestEntry entry = doneEntry(job, record, "done");
        entry.decodeSeconds = times.decodeSeconds;
        entry.separateSeconds = times.separateSeconds;
        entry.writeSeconds = writeSeconds;
        std::lock_guard lock(outputMutex);
        manifest(entry);
        return {};
    };
    stages.finished = [&](size_t k, const batch::SongOutcome& outcome) {
        const SongJob& job = *todo[k];
        std::lock_guard lock(outputMutex);
        bar.finish();
        if (outcome.status == batch::SongOutcome::Status::Done) {
            std::printf("%s\n", job.folder.string().c_str());
            std::fflush(stdout);
        } else if (outcome.status == batch::SongOutcome::Status::Failed) {
            ++failures;
            printError(job.input, outcome.error);
            batch::ManifestEntry entry;
            entry.input = job.input;
            entry.folder = job.folder.string();
            entry.status = "failed";
            entry.error = outcome.failedStage + ": " + outcome.error;
            entry.seconds = outcome.times.totalSeconds();
            manifest(entry);
        }
    };

    batch::SongPipeline::run(todo.size(), stages, pipelineOptions);
    bar.finish();
    if (interrupted())
        return BatchOutcome::Interrupted;
    return failures ? BatchOutcome::SomeFailed : BatchOutcome::AllDone;
}

} // namespace stemcrate::cli
