#pragma once
// SampleQuery: what the library browser asks of the index: a text search, filters (BPM range, key or
// harmonically compatible keys, kind, stem), a sort column, and "most similar to this sample".
//
// Ownership: plain values. Threads: any; the functions only read their arguments. Units: BPM.

#include "library/SampleRecord.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace stemcrate::library {

// The browser's columns, in display order; also the sort keys.
enum class SampleColumn
{
    Name,
    Stem,
    Kind,
    Class,
    Bpm,
    Key,
    Bars,
    Length,
    Loudness,
    Source,
    Date,
};
inline constexpr int kSampleColumnCount = 11;

struct SampleFilter
{
    // Words that must all appear (case-insensitive) in the name, title, artist, album, stem, class, kind,
    // key or source song.
    std::string text;
    double minBpm = 0; // 0 = no lower bound
    double maxBpm = 0; // 0 = no upper bound
    // A key in any notation CamelotKey parses; "" = any. With compatibleKeys, its Camelot neighbours and
    // relative key match too. Samples of unknown key never match a key filter.
    std::string key;
    bool compatibleKeys = false;
    SampleKind kind = SampleKind::Unknown; // Unknown = any
    std::string stem;                      // "" = any

    bool isEmpty() const;
    // Folds the record's text on each call; a list searched again and again keeps each record's
    // searchKey() and calls the overload below.
    bool matches(const SampleRecord& record) const;
    // As above, with `foldedKey` = searchKey(record) and `words` = searchWords(text), both made beforehand:
    // the text search is then a plain substring scan, nothing allocated per record.
    bool matches(const SampleRecord& record, std::string_view foldedKey,
                 const std::vector<std::string>& words) const;
};

// The lower-cased (ASCII) text a search looks in: name, title, artist, album, stem, class, source song, key
// and kind, one per line. Made once when a record arrives or changes.
std::string searchKey(const SampleRecord& record);
// The lower-cased words of a search text (split at white space).
std::vector<std::string> searchWords(std::string_view text);

// <0, 0, >0 as a sorts before, with or after b in `column`, ascending; unknown values (no BPM, no key) sort
// last; ties fall back to the name.
int compareRecords(const SampleRecord& a, const SampleRecord& b, SampleColumn column);

struct SimilarMatch
{
    size_t index = 0; // into the records searched
    double distance = 0;
};

// The `count` records nearest to `features`, nearest first; records without features and the one at
// `excludePath` (the sample itself) are skipped.
std::vector<SimilarMatch> rankSimilar(const std::vector<SampleRecord>& records,
                                      const std::vector<float>& features, size_t count,
                                      std::string_view excludePath = {});

} // namespace stemcrate::library
