#pragma once
// CompletionRecord: proof that a song's stems are complete. Written last, atomically (AtomicFile), into the
// song's folder as ".stemcrate-complete.json" after every stem is in place; it lists each output's size and
// XXH3-64 hash. A song counts as done only when its record parses, names exactly the outputs this run would
// write, and every file still has that size and hash, so a run killed at any moment (a stem written, the
// record not yet) is redone on the next run, and a later run with another format redoes it too.
//
// Plain values and free functions; any thread, one writer per folder. Units: bytes, seconds.
// Errors name the file.

#include "common/Result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace stemcrate::batch {

inline constexpr const char* kCompletionRecordName = ".stemcrate-complete.json";

struct OutputFile
{
    std::string file; // name inside the song's folder, e.g. "vocals.wav"
    uint64_t bytes = 0;
    uint64_t xxh3 = 0;
};

struct CompletionRecord
{
    std::string input;
    std::vector<OutputFile> outputs;
    std::string device; // "cpu" or "cuda"
    double seconds = 0; // the song's decode + separate + write time
};

// Size and hash of a written file.
Result<OutputFile> describeOutput(const std::string& folder, const std::string& file);

Result<void> writeCompletionRecord(const std::string& folder, const CompletionRecord& record);
Result<CompletionRecord> readCompletionRecord(const std::string& folder);

// The record, when the song in `folder` is complete with exactly `expectedFiles`, each unchanged.
Result<CompletionRecord> verifiedCompletion(const std::string& folder,
                                            const std::vector<std::string>& expectedFiles);

// Removes what a killed writer left in `folder`: AtomicFile temporaries ("*.part-*"). Returns how many.
int removeStaleTemporaries(const std::string& folder);

// "0123456789abcdef"
std::string hashText(uint64_t hash);

} // namespace stemcrate::batch
