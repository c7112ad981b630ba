#pragma once
// ManifestLog: one JSON line per song, appended to a file that every process of a batch may share
// (e.g. OUTDIR/manifest.jsonl). Each line is written by one write() on an O_APPEND descriptor under an
// exclusive flock and fsynced, so lines from concurrent processes never interleave and a killed process
// leaves whole lines only (a torn last line, should the machine itself fail, is ignored by the reader).
//
// A line: {"input", "folder", "status": "done"|"skipped"|"failed", "outputs": [{"file","bytes","xxh3"}],
// "seconds", "stage_seconds": {"decode","separate","write"}, "device", "shard", "host", "error"?}.
// "done" is written once per song, after its completion record; a rerun writes "skipped" for a song that
// is complete and has its "done" line, and the "done" line for a song whose record a killed run wrote but
// whose line it did not.
//
// Free functions; any thread, any number of processes. Errors name the manifest file.

#include "batch/CompletionRecord.h"
#include "common/Result.h"

#include <set>
#include <string>

namespace stemcrate::batch {

struct ManifestEntry
{
    std::string input;
    std::string folder;
    std::string status; // "done", "skipped", "failed"
    std::vector<OutputFile> outputs;
    double seconds = 0;
    double decodeSeconds = 0, separateSeconds = 0, writeSeconds = 0;
    std::string device;
    std::string shard; // "I/N"
    std::string error;
};

// The JSON text of one line, without the newline.
std::string manifestLine(const ManifestEntry& entry);

Result<void> appendManifestLine(const std::string& manifestPath, const ManifestEntry& entry);

// Inputs that have a "done" line. A manifest that does not exist yet has none.
Result<std::set<std::string>> inputsDoneInManifest(const std::string& manifestPath);

} // namespace stemcrate::batch
