#pragma once
// LibraryIndex: every sample in a library folder (recursively), with its metadata and features, kept in a
// small on-disk index (IndexFile) so that reopening a library of 10 000 samples reads only what changed.
//
// update() fills records in three passes of rising cost (ReadStage), handing out batches as it goes, so a
// browser shows rows at once and completes them later:
//   1. the walk: each new or changed file is handed out as it is found (name and what the name says; no
//      file is opened); a file whose path, size and modification time match its record is kept as is;
//   2. tags: one header read per file, no audio decoded (tags, loop and tempo chunks, length);
//   3. analysis: each file decoded once (loudness, features, tempo and key of untagged loops), the files
//      that `takeWanted` names first (the rows a browser shows).
// Records of files that are gone are dropped after the walk. Records saved before a pass was done are
// completed by the next update().
// Audio files: wav, wave, aif, aiff, aifc, flac, mp3, ogg, oga, opus, m4a (any case); hidden files and
// folders (a leading '.') are skipped, as are AtomicFile's temporaries ("*.part-XXXXXX").
//
// Ownership: owns its records. Threads: not thread-safe; one thread uses an index at a time (a browser
// builds it on a worker and hands copies of the records to the GUI thread). update() and save() touch the
// disk: never on the GUI thread. Units: seconds, nanoseconds for file times.

#include "common/Result.h"
#include "library/SampleQuery.h"
#include "library/SampleReader.h"
#include "library/SampleRecord.h"

#include <cstddef>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace stemcrate::library {

struct LibraryScanOptions
{
    SampleReadOptions read; // the feature extractor, whether to analyse untagged samples
    // New and changed records, and each record again as a later pass completes it, at most maxBatch at a
    // time and at least every batchIntervalMs while files are found or read; the walk's first batch goes
    // out after firstBatchMs or maxBatch files, whichever comes first. Runs on update()'s thread.
    std::function<void(std::vector<SampleRecord> batch)> onBatch;
    size_t maxBatch = 64; // a browser inserts a batch of new rows into its sorted view in one go
    int batchIntervalMs = 100;
    int firstBatchMs = 10;
    // The paths of files that are gone, once the walk is complete. Runs on update()'s thread.
    std::function<void(std::vector<std::string> paths)> onRemoved;
    // Polled before each file of the analysis pass: paths to analyse before the others (e.g. the rows on
    // screen); paths not in the index or already analysed are ignored. Runs on update()'s thread.
    std::function<std::vector<std::string>()> takeWanted;
    std::function<bool()> isCancelled; // polled between files and while decoding
};

struct LibraryScanResult
{
    std::vector<std::string> removed; // paths whose files are gone
    std::vector<std::string> folders; // the folder and every sub-folder walked (for a file watcher)
    size_t kept = 0;                  // unchanged records
    size_t read = 0;                  // new or changed files found
    size_t tagged = 0;                // files whose tags were read (pass 2)
    size_t analysed = 0;              // files decoded and analysed (pass 3)
    size_t unreadable = 0;            // of those, how many could not be decoded (their record says why)
    bool cancelled = false;           // stopped early: what was read so far is kept
};

class LibraryIndex
{
public:
    explicit LibraryIndex(std::string folder = {});

    // The index of `folder` saved at `indexPath`, or an empty index of `folder` when there is none yet;
    // an error when the file is there but unusable (damaged, another version or folder or extractor):
    // the caller then starts afresh with LibraryIndex(folder).
    static Result<LibraryIndex> load(const std::string& indexPath, const std::string& folder,
                                     const FeatureExtractor& features);
    Result<void> save(const std::string& indexPath, const FeatureExtractor& features) const;

    // $XDG_CACHE_HOME/stemcrate/library/<hash of the folder's absolute path>.index (~/.cache without it).
    static std::string defaultIndexPath(const std::string& folder);
    static bool isAudioFileName(const std::string& fileName);

    LibraryScanResult update(const LibraryScanOptions& options);

    const std::string& folder() const { return m_folder; }
    const std::vector<SampleRecord>& records() const { return m_records; }
    size_t size() const { return m_records.size(); }
    const SampleRecord* find(const std::string& path) const;
    void upsert(SampleRecord record);
    bool remove(const std::string& path);

    // Rows (indexes into records()) that pass the filter, sorted by `column`.
    std::vector<size_t> query(const SampleFilter& filter, SampleColumn column = SampleColumn::Name,
                              bool ascending = true) const;
    std::vector<SimilarMatch> similarTo(const std::vector<float>& features, size_t count,
                                        const std::string& excludePath = {}) const;

private:
    std::string m_folder;
    std::vector<SampleRecord> m_records;
    std::unordered_map<std::string, size_t> m_rowOfPath;
};

} // namespace stemcrate::library
