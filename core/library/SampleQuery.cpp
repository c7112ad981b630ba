#include "library/SampleQuery.h"

#include "library/CamelotKey.h"
#include "library/FeatureExtractor.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>

namespace stemcrate::library {
namespace {

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

template <class T> int threeWay(const T& a, const T& b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

// Known values first, then by value.
int compareKnown(bool aKnown, bool bKnown, double a, double b)
{
    if (aKnown != bKnown)
        return aKnown ? -1 : 1;
    return aKnown ? threeWay(a, b) : 0;
}

// Case-insensitive (ASCII), without allocating: sorting calls it O(n log n) times.
int compareNoCase(std::string_view a, std::string_view b)
{
    const size_t n = std::min(a.size(), b.size());
    for (size_t i = 0; i < n; ++i) {
        const int ca = std::tolower(static_cast<unsigned char>(a[i]));
        const int cb = std::tolower(static_cast<unsigned char>(b[i]));
        if (ca != cb)
            return ca < cb ? -1 : 1;
    }
    return threeWay(a.size(), b.size());
}

// Empty (unknown) values last.
int compareText(std::string_view a, std::string_view b)
{
    if (a.empty() != b.empty())
        return a.empty() ? 1 : -1;
    return compareNoCase(a, b);
}

int keyOrder(const std::string& key)
{
    // Around the Camelot wheel: 1A, 1B, 2A, ...
    const std::optional<CamelotKey> k = CamelotKey::parse(key);
    return k ? k->number * 2 + (k->minor ? 0 : 1) : -1;
}

bool equalNoCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && compareNoCase(a, b) == 0;
}

} // namespace

std::vector<std::string> searchWords(std::string_view text)
{
    std::vector<std::string> words;
    std::string word;
    for (const char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!word.empty())
                words.push_back(lower(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty())
        words.push_back(lower(word));
    return words;
}

std::string searchKey(const SampleRecord& r)
{
    std::string key;
    for (const std::string* field :
         {&r.name, &r.title, &r.artist, &r.album, &r.stem, &r.sampleClass, &r.sourceSong, &r.key})
        key += lower(*field) + '\n';
    key += kindName(r.kind);
    return key;
}

bool SampleFilter::isEmpty() const
{
    return searchWords(text).empty() && minBpm <= 0 && maxBpm <= 0 && key.empty() &&
           kind == SampleKind::Unknown && stem.empty();
}

bool SampleFilter::matches(const SampleRecord& r) const
{
    const std::vector<std::string> words = searchWords(text);
    return matches(r, words.empty() ? std::string() : searchKey(r), words);
}

bool SampleFilter::matches(const SampleRecord& r, std::string_view foldedKey,
                           const std::vector<std::string>& words) const
{
    if (kind != SampleKind::Unknown && r.kind != kind)
        return false;
    if (!stem.empty() && !equalNoCase(r.stem, stem))
        return false;
    if ((minBpm > 0 || maxBpm > 0) &&
        (r.bpm <= 0 || (minBpm > 0 && r.bpm < minBpm) || (maxBpm > 0 && r.bpm > maxBpm)))
        return false;
    if (!key.empty()) {
        const std::optional<CamelotKey> wanted = CamelotKey::parse(key);
        const std::optional<CamelotKey> actual = CamelotKey::parse(r.key);
        if (!wanted || !actual)
            return false;
        if (compatibleKeys ? !wanted->isCompatibleWith(*actual) : !(*wanted == *actual))
            return false;
    }
    return std::all_of(words.begin(), words.end(),
                       [&](const std::string& word) { return foldedKey.find(word) != std::string_view::npos; });
}

int compareRecords(const SampleRecord& a, const SampleRecord& b, SampleColumn column)
{
    int order = 0;
    switch (column) {
    case SampleColumn::Name:
        break;
    case SampleColumn::Stem:
        order = compareText(a.stem, b.stem);
        break;
    case SampleColumn::Kind:
        order = compareText(kindName(a.kind), kindName(b.kind));
        break;
    case SampleColumn::Class:
        order = compareText(a.sampleClass, b.sampleClass);
        break;
    case SampleColumn::Bpm:
        order = compareKnown(a.bpm > 0, b.bpm > 0, a.bpm, b.bpm);
        break;
    case SampleColumn::Key:
        order = compareKnown(keyOrder(a.key) >= 0, keyOrder(b.key) >= 0, keyOrder(a.key), keyOrder(b.key));
        break;
    case SampleColumn::Bars:
        order = compareKnown(a.bars() > 0, b.bars() > 0, a.bars(), b.bars());
        break;
    case SampleColumn::Length:
        order = threeWay(a.durationSeconds, b.durationSeconds);
        break;
    case SampleColumn::Loudness:
        order = compareKnown(std::isfinite(a.loudnessLufs), std::isfinite(b.loudnessLufs), a.loudnessLufs,
                             b.loudnessLufs);
        break;
    case SampleColumn::Source:
        order = compareText(a.sourceSong, b.sourceSong);
        break;
    case SampleColumn::Date:
        order = threeWay(a.modifiedNs, b.modifiedNs);
        break;
    }
    if (order != 0)
        return order;
    order = compareNoCase(a.name, b.name);
    return order != 0 ? order : threeWay(a.path, b.path);
}

std::vector<SimilarMatch> rankSimilar(const std::vector<SampleRecord>& records,
                                      const std::vector<float>& features, size_t count,
                                      std::string_view excludePath)
{
    std::vector<SimilarMatch> matches;
    for (size_t i = 0; i < records.size(); ++i) {
        if (records[i].path == excludePath)
            continue;
        const double distance = featureDistance(features, records[i].features);
        if (std::isfinite(distance))
            matches.push_back({i, distance});
    }
    const size_t keep = std::min(count, matches.size());
    std::partial_sort(matches.begin(), matches.begin() + static_cast<std::ptrdiff_t>(keep), matches.end(),
                      [&](const SimilarMatch& a, const SimilarMatch& b) {
                          return a.distance < b.distance ||
                                 (a.distance == b.distance && records[a.index].path < records[b.index].path);
                      });
    matches.resize(keep);
    return matches;
}

} // namespace stemcrate::library
