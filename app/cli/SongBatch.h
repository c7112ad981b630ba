#pragma once
// SongBatch: `stemcrate-cli separate` over its songs, as core's three-stage SongPipeline (decode workers,
// the separator on this thread, encode/write workers), with the batch bookkeeping of core/batch: songs whose
// completion record verifies are skipped, each song's stems and then its record appear atomically, and one
// manifest line per song goes to a shared manifest. A run killed at any moment is finished by running it
// again: nothing is duplicated, no half-written file is left under a final name.
//
// Main thread; prints "error: <file>: <reason>" lines on stderr and each finished song's folder on stdout.

#include "SeparateOutputs.h"

#include "audio/AudioFileWriter.h"

#include <filesystem>
#include <string>
#include <vector>

namespace stemcrate::separation {
class Separator;
}

namespace stemcrate::cli {

class TerminalProgress;

struct SongJob
{
    std::string input;
    std::filesystem::path folder; // OUTDIR/<name>
};

struct SongBatchOptions
{
    audio::FileFormat format = audio::FileFormat::Wav;
    audio::SampleFormat sampleFormat = audio::SampleFormat::Float32;
    bool skipComplete = false;
    std::string manifestPath; // empty: no manifest
    std::string shard;        // "I/N" for the manifest
    // Stem cache (core/separation/StemCache); empty folder: none. Decode workers hash each song with the
    // model's identity; a hit skips the separator, a miss is stored by the write workers.
    std::string cacheFolder;
    std::string modelIdentity; // StemCache::modelIdentity of the loaded model
    SeparateOutputs outputs;   // which stems, mixes or stem file each song's folder gets
};

enum class BatchOutcome
{
    AllDone,
    SomeFailed,
    Interrupted
};

BatchOutcome runSongBatch(separation::Separator& separator, const std::vector<SongJob>& jobs,
                          const SongBatchOptions& options, TerminalProgress& bar);

} // namespace stemcrate::cli
