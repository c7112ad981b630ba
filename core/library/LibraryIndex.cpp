#include "library/LibraryIndex.h"

#include "audio/Decoder.h"
#include "library/IndexFile.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <system_error>
#include <unordered_set>

namespace stemcrate::library {
namespace {

namespace fs = std::filesystem;

struct FoundFile
{
    std::string path;
    int64_t bytes = 0;
    int64_t modifiedNs = 0;
};

bool isHidden(const fs::path& path)
{
    const std::string name = path.filename().string();
    return !name.empty() && name.front() == '.';
}

// Calls `found` for each audio file under `folder` as the walk meets it (directory order). False when the
// walk was cancelled.
bool walkAudioFiles(const std::string& folder, const std::function<bool()>& isCancelled,
                    std::vector<std::string>& folders, const std::function<void(FoundFile)>& found)
{
    folders.push_back(folder);
    std::error_code ec;
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (isCancelled && isCancelled())
            return false;
        const fs::path& path = it->path();
        if (isHidden(path)) {
            if (it->is_directory(ec))
                it.disable_recursion_pending();
            continue;
        }
        if (it->is_directory(ec)) {
            folders.push_back(path.string());
            continue;
        }
        if (!LibraryIndex::isAudioFileName(path.filename().string()))
            continue;
        struct stat info
        {
        };
        if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode))
            continue;
        found({path.string(), static_cast<int64_t>(info.st_size),
               static_cast<int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec});
    }
    return true;
}

uint64_t fnv1a(const std::string& text)
{
    uint64_t hash = 1469598103934665603ull;
    for (const unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

std::string absoluteFolder(const std::string& folder)
{
    std::error_code ec;
    fs::path path = fs::absolute(folder, ec);
    return ec ? folder : path.lexically_normal().string();
}

} // namespace

LibraryIndex::LibraryIndex(std::string folder) : m_folder(folder.empty() ? folder : absoluteFolder(folder)) {}

Result<LibraryIndex> LibraryIndex::load(const std::string& indexPath, const std::string& folder,
                                        const FeatureExtractor& features)
{
    LibraryIndex index(folder);
    std::error_code ec;
    if (!fs::exists(indexPath, ec))
        return index;
    Result<std::vector<SampleRecord>> records = readIndexFile(indexPath, index.folder(), features);
    if (!records)
        return makeError(records.error());
    for (SampleRecord& record : records.value())
        index.upsert(std::move(record));
    return index;
}

Result<void> LibraryIndex::save(const std::string& indexPath, const FeatureExtractor& features) const
{
    return writeIndexFile(indexPath, m_folder, features, m_records);
}

std::string LibraryIndex::defaultIndexPath(const std::string& folder)
{
    std::string cache;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/')
        cache = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        cache = std::string(home) + "/.cache";
    else
        cache = "/tmp";
    char name[32];
    std::snprintf(name, sizeof(name), "%016llx.index",
                  static_cast<unsigned long long>(fnv1a(absoluteFolder(folder))));
    return cache + "/stemcrate/library/" + name;
}

bool LibraryIndex::isAudioFileName(const std::string& fileName)
{
    const size_t dot = fileName.find_last_of('.');
    if (dot == std::string::npos || dot == 0)
        return false;
    std::string extension = fileName.substr(dot + 1);
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const char* known :
         {"wav", "wave", "aif", "aiff", "aifc", "flac", "mp3", "ogg", "oga", "opus", "m4a"})
        if (extension == known)
            return true;
    return false;
}

LibraryScanResult LibraryIndex::update(const LibraryScanOptions& options)
{
    using Clock = std::chrono::steady_clock;
    LibraryScanResult result;
    const auto cancelled = [&] { return options.isCancelled && options.isCancelled(); };
    const auto started = Clock::now();
    std::vector<SampleRecord> batch;
    auto lastBatch = started;
    bool firstSent = false;
    const auto flush = [&] {
        if (!batch.empty() && options.onBatch)
            options.onBatch(std::move(batch));
        batch.clear();
        lastBatch = Clock::now();
        firstSent = true;
    };
    const auto hand = [&](const SampleRecord& record) {
        if (!options.onBatch)
            return;
        batch.push_back(record);
        const auto since = [](Clock::time_point t) {
            return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t).count();
        };
        if (batch.size() >= options.maxBatch ||
            (firstSent ? since(lastBatch) >= options.batchIntervalMs : since(started) >= options.firstBatchMs))
            flush();
    };

    // Pass 1: the walk. New and changed files become Listed records at once.
    std::unordered_set<std::string> present;
    std::vector<std::string> toTag, toAnalyse;
    const bool walked = walkAudioFiles(m_folder, options.isCancelled, result.folders, [&](FoundFile file) {
        present.insert(file.path);
        if (const SampleRecord* known = find(file.path);
            known && known->fileBytes == file.bytes && known->modifiedNs == file.modifiedNs) {
            ++result.kept;
            if (known->stage == ReadStage::Listed)
                toTag.push_back(file.path);
            else if (known->stage == ReadStage::Tagged)
                toAnalyse.push_back(file.path);
            return;
        }
        ++result.read;
        SampleRecord listed = listSample(file.path, file.bytes, file.modifiedNs);
        hand(listed);
        upsert(std::move(listed));
        toTag.push_back(file.path);
    });
    flush();
    if (!walked) {
        result.cancelled = true;
        return result;
    }
    // Gone: the listing is complete here, so every record without a file is stale.
    for (const SampleRecord& record : m_records)
        if (!present.count(record.path))
            result.removed.push_back(record.path);
    for (const std::string& path : result.removed)
        remove(path);
    if (!result.removed.empty() && options.onRemoved)
        options.onRemoved(result.removed);

    // Pass 2: tags, in the order found.
    for (const std::string& path : toTag) {
        if (cancelled()) {
            result.cancelled = true;
            flush();
            return result;
        }
        SampleRecord tagged = readSampleTags(*find(path));
        ++result.tagged;
        hand(tagged);
        upsert(std::move(tagged));
        toAnalyse.push_back(path);
    }
    flush();

    // Pass 3: analysis, wanted files first.
    SampleReadOptions read = options.read;
    read.isCancelled = options.isCancelled;
    std::unordered_set<std::string> pending(toAnalyse.begin(), toAnalyse.end());
    std::vector<std::string> wanted;
    size_t next = 0;
    while (!pending.empty()) {
        if (cancelled()) {
            result.cancelled = true;
            break;
        }
        if (options.takeWanted) {
            std::vector<std::string> fresh = options.takeWanted(); // most wanted first: kept at the back
            wanted.insert(wanted.end(), std::make_move_iterator(fresh.rbegin()),
                          std::make_move_iterator(fresh.rend()));
        }
        std::string path;
        while (path.empty() && !wanted.empty()) {
            if (pending.count(wanted.back()))
                path = wanted.back();
            wanted.pop_back();
        }
        while (path.empty() && next < toAnalyse.size())
            if (pending.count(toAnalyse[next++]))
                path = toAnalyse[next - 1];
        if (path.empty())
            break;
        pending.erase(path);
        Result<SampleRecord> record = analyseSample(*find(path), read);
        if (!record) { // cancelled while decoding: the record stays Tagged and is analysed next time
            result.cancelled = true;
            break;
        }
        ++result.analysed;
        if (!record->error.empty())
            ++result.unreadable;
        hand(record.value());
        upsert(std::move(record.value()));
    }
    flush();
    return result;
}

const SampleRecord* LibraryIndex::find(const std::string& path) const
{
    const auto it = m_rowOfPath.find(path);
    return it == m_rowOfPath.end() ? nullptr : &m_records[it->second];
}

void LibraryIndex::upsert(SampleRecord record)
{
    if (const auto it = m_rowOfPath.find(record.path); it != m_rowOfPath.end()) {
        m_records[it->second] = std::move(record);
        return;
    }
    m_rowOfPath.emplace(record.path, m_records.size());
    m_records.push_back(std::move(record));
}

bool LibraryIndex::remove(const std::string& path)
{
    const auto it = m_rowOfPath.find(path);
    if (it == m_rowOfPath.end())
        return false;
    // Swap with the last record: O(1), order is not kept (queries sort).
    const size_t row = it->second;
    m_rowOfPath.erase(it);
    if (row + 1 != m_records.size()) {
        m_records[row] = std::move(m_records.back());
        m_rowOfPath[m_records[row].path] = row;
    }
    m_records.pop_back();
    return true;
}

std::vector<size_t> LibraryIndex::query(const SampleFilter& filter, SampleColumn column, bool ascending) const
{
    std::vector<size_t> rows;
    for (size_t i = 0; i < m_records.size(); ++i)
        if (filter.matches(m_records[i]))
            rows.push_back(i);
    std::sort(rows.begin(), rows.end(), [&](size_t a, size_t b) {
        const int order = compareRecords(m_records[a], m_records[b], column);
        return ascending ? order < 0 : order > 0;
    });
    return rows;
}

std::vector<SimilarMatch> LibraryIndex::similarTo(const std::vector<float>& features, size_t count,
                                                  const std::string& excludePath) const
{
    return rankSimilar(m_records, features, count, excludePath);
}

} // namespace stemcrate::library
