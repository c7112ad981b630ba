#pragma once
// SongBatch: `stemcrate-cli separate` over its songs, as core's three-stage SongPipeline (decode, the
// separator on this thread, encode/write; one set of workers for decode and write), with the batch bookkeeping of core/batch: songs whose
// completion record verifies are skipped, each song's stems and then its record appear atomically, and one
// manifest line per song goes to a shared manifest. A run killed at any moment is finished by running it
// again: nothing is duplicated, no half-written file is left under a final name.
//
// Main thread; prints "error: <file>: <reason>" lines on stderr and each finished song's folder on stdout.

#include "SeparateOutputs.h"

#include "audio/AudioFileWriter.h"
#include "audio/Decoder.h"
#include "common/Result.h"

#include <atomic>
#include <filesystem>
#include <optional>
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
    // Stem cache (core/separation/StemCache); empty folder: none. The worker that decodes a song hashes it
    // with the model's identity; a hit skips the separator, a miss is stored when the stems are written.
    std::string cacheFolder;
    std::string modelIdentity; // StemCache::modelIdentity of the loaded model
    SeparateOutputs outputs;   // which stems, mixes or stem file each song's folder gets
};

// One song decoded ahead, e.g. while the model loads (the cold start's decode off the critical path): the
// batch takes it instead of decoding `input` again, once. Filled by one thread before runSongBatch().
struct DecodedAhead
{
    std::string input;
    std::optional<Result<audio::Track>> track;
    std::atomic<bool> taken{false};

    // The song's decode: the one made ahead if it is `input`'s and not taken yet, else decodeFile().
    Result<audio::Track> takeOrDecode(const std::string& input, const audio::DecodeOptions& options);
};

// The song of `jobs` that a batch decodes first (skipping songs whose folder has a completion record when
// `skipComplete`), or nullptr.
const SongJob* firstSongToDecode(const std::vector<SongJob>& jobs, bool skipComplete);

enum class BatchOutcome
{
    AllDone,
    SomeFailed,
    Interrupted
};

// `ahead` (optional) is a song decoded ahead, borrowed.
BatchOutcome runSongBatch(separation::Separator& separator, const std::vector<SongJob>& jobs,
                          const SongBatchOptions& options, TerminalProgress& bar, DecodedAhead* ahead = nullptr);

} // namespace stemcrate::cli
