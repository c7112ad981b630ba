#include "separation/StemCache.h"

#include "audio/AtomicFile.h"
#include "audio/Sha1.h"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <system_error>
#include <vector>

namespace stemcrate::separation {

namespace fs = std::filesystem;

namespace {

constexpr std::array<char, 8> kMagic = {'S', 'T', 'E', 'M', 'C', 'R', 'T', '1'};
constexpr uint32_t kVersion = 1;
constexpr uint32_t kMaxNameBytes = 256;
constexpr uint32_t kMaxChannels = 8;
constexpr uint32_t kMaxStems = 16;
constexpr const char* kSuffix = ".stems";
constexpr const char* kPartInfix = ".stems.part-";
// Samples are written in pieces of this size, so that a cancel is noticed within one piece.
constexpr size_t kWritePieceBytes = size_t(8) << 20;
// A temporary this old belongs to a write that was killed (a live one touches its file continuously).
constexpr auto kStaleTemporaryAge = std::chrono::hours(1);
// The source index: a subfolder of small records (see StemCache.h).
constexpr std::array<char, 8> kSourceMagic = {'S', 'T', 'E', 'M', 'S', 'R', 'C', '1'};
constexpr const char* kSourcesFolder = "sources";
constexpr const char* kSourceSuffix = ".source";
constexpr const char* kSourcePartInfix = ".source.part-";
// A record is a few hundred bytes; anything longer is not one.
constexpr uint32_t kMaxSourceStringBytes = 16 << 10;
constexpr int64_t kMaxSourceRecordBytes = 64 << 10;

Error cacheError(const std::string& path, const std::string& reason)
{
    return makeError("stem cache '" + path + "': " + reason);
}

void putU32(std::vector<uint8_t>& out, uint32_t value)
{
    for (int i = 0; i < 4; ++i)
        out.push_back(uint8_t(value >> (8 * i)));
}

void putI64(std::vector<uint8_t>& out, int64_t value)
{
    for (int i = 0; i < 8; ++i)
        out.push_back(uint8_t(uint64_t(value) >> (8 * i)));
}

bool getU32(std::istream& in, uint32_t& value)
{
    uint8_t bytes[4];
    if (!in.read(reinterpret_cast<char*>(bytes), 4))
        return false;
    value =
        uint32_t(bytes[0]) | uint32_t(bytes[1]) << 8 | uint32_t(bytes[2]) << 16 | uint32_t(bytes[3]) << 24;
    return true;
}

bool getI64(std::istream& in, int64_t& value)
{
    uint8_t bytes[8];
    if (!in.read(reinterpret_cast<char*>(bytes), 8))
        return false;
    uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = v << 8 | bytes[i];
    value = int64_t(v);
    return true;
}

bool endsWith(const std::string& text, const std::string& suffix)
{
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

struct CacheFile
{
    fs::path path;
    int64_t bytes = 0;
    fs::file_time_type modified;
};

// The folder's cache files, least recently used first; stale temporaries go to `stale`.
std::vector<CacheFile> listCacheFiles(const std::string& folder, std::vector<fs::path>* stale = nullptr)
{
    std::vector<CacheFile> files;
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    if (ec)
        return files;
    const auto staleBefore = fs::file_time_type::clock::now() - kStaleTemporaryAge;
    for (const fs::directory_entry& entry : it) {
        std::error_code entryError;
        if (!entry.is_regular_file(entryError))
            continue;
        const std::string name = entry.path().filename().string();
        const fs::file_time_type modified = entry.last_write_time(entryError);
        if (entryError)
            continue;
        if (endsWith(name, kSuffix)) {
            const auto bytes = entry.file_size(entryError);
            if (!entryError)
                files.push_back({entry.path(), int64_t(bytes), modified});
        } else if (stale && name.find(kPartInfix) != std::string::npos && modified < staleBefore) {
            stale->push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end(),
              [](const CacheFile& a, const CacheFile& b) { return a.modified < b.modified; });
    return files;
}

// A string as its u32 length, then its bytes.
void putString(std::vector<uint8_t>& out, const std::string& text)
{
    putU32(out, uint32_t(text.size()));
    out.insert(out.end(), text.begin(), text.end());
}

bool getString(std::istream& in, std::string& text)
{
    uint32_t length = 0;
    if (!getU32(in, length) || length > kMaxSourceStringBytes)
        return false;
    text.assign(length, '\0');
    return bool(in.read(text.data(), std::streamsize(length)));
}

std::vector<uint8_t> encodeSourceRecord(const SourceRecord& record)
{
    std::vector<uint8_t> bytes(kSourceMagic.begin(), kSourceMagic.end());
    putString(bytes, record.source.path);
    putI64(bytes, record.source.bytes);
    putI64(bytes, record.source.modifiedNs);
    putString(bytes, record.modelIdentity);
    putString(bytes, record.key);
    return bytes;
}

// A key names a file in the cache folder: nothing that could reach outside it.
bool plausibleKey(const std::string& key)
{
    return !key.empty() && key.size() <= 256 && key.find('/') == std::string::npos &&
           key.find('\0') == std::string::npos && key != "." && key != "..";
}

// The record in `path`; nullopt when there is none, or it is damaged or not a record.
std::optional<SourceRecord> readSourceRecord(const fs::path& path)
{
    std::error_code ec;
    const auto fileBytes = fs::file_size(path, ec);
    if (ec || fileBytes > uint64_t(kMaxSourceRecordBytes))
        return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    std::array<char, 8> magic{};
    if (!in || !in.read(magic.data(), magic.size()) || magic != kSourceMagic)
        return std::nullopt;
    SourceRecord record;
    if (!getString(in, record.source.path) || !getI64(in, record.source.bytes) ||
        !getI64(in, record.source.modifiedNs) || !getString(in, record.modelIdentity) ||
        !getString(in, record.key))
        return std::nullopt;
    if (in.peek() != std::char_traits<char>::eof() || !record.source.valid() || !plausibleKey(record.key))
        return std::nullopt; // trailing bytes: not what was written
    return record;
}

std::string sourcesFolder(const std::string& cacheFolder)
{
    return cacheFolder + '/' + kSourcesFolder;
}

std::string sourceRecordPath(const std::string& cacheFolder, const std::string& canonicalPath,
                             const std::string& modelIdentity)
{
    audio::Sha1 hash;
    hash.add(canonicalPath.data(), canonicalPath.size());
    hash.add("", 1); // a separator that no path contains
    hash.add(modelIdentity.data(), modelIdentity.size());
    return sourcesFolder(cacheFolder) + '/' + hash.hexDigest() + kSourceSuffix;
}

enum class Prune
{
    StaleTemporaries, // of records killed mid-write
    Orphans,          // and the records that cannot be read or whose key is not cached
    All,              // and every record
};

void pruneSources(const StemCache& cache, Prune what)
{
    std::error_code ec;
    fs::directory_iterator it(sourcesFolder(cache.folder()), ec);
    if (ec)
        return;
    const auto staleBefore = fs::file_time_type::clock::now() - kStaleTemporaryAge;
    std::vector<fs::path> doomed;
    for (const fs::directory_entry& entry : it) {
        std::error_code entryError;
        if (!entry.is_regular_file(entryError))
            continue;
        const std::string name = entry.path().filename().string();
        if (endsWith(name, kSourceSuffix)) {
            if (what == Prune::All)
                doomed.push_back(entry.path());
            else if (what == Prune::Orphans) {
                const std::optional<SourceRecord> record = readSourceRecord(entry.path());
                if (!record || !cache.contains(record->key))
                    doomed.push_back(entry.path());
            }
        } else if (name.find(kSourcePartInfix) != std::string::npos) {
            const fs::file_time_type modified = entry.last_write_time(entryError);
            if (!entryError && modified < staleBefore)
                doomed.push_back(entry.path());
        }
    }
    for (const fs::path& path : doomed)
        fs::remove(path, ec);
}

} // namespace

SourceFingerprint StemCache::sourceFingerprint(const std::string& path)
{
    std::error_code ec;
    const fs::path canonical = fs::canonical(path, ec);
    struct stat info = {};
    if (ec || ::stat(canonical.c_str(), &info) != 0 || !S_ISREG(info.st_mode))
        return {};
    return {canonical.string(), int64_t(info.st_size),
            int64_t(info.st_mtim.tv_sec) * 1000000000 + int64_t(info.st_mtim.tv_nsec)};
}

std::string StemCache::modelIdentity(const std::string& modelPath)
{
    std::error_code ec;
    const fs::path absolute = fs::absolute(modelPath, ec);
    struct stat info = {};
    if (ec || ::stat(absolute.c_str(), &info) != 0)
        return {};
    const int64_t modifiedMs = int64_t(info.st_mtim.tv_sec) * 1000 + info.st_mtim.tv_nsec / 1000000;
    return absolute.string() + '|' + std::to_string(int64_t(info.st_size)) + '|' + std::to_string(modifiedMs);
}

std::string StemCache::key(const AudioBuffer& audio, const std::string& modelIdentity)
{
    audio::Sha1 hash;
    const int64_t shape[3] = {audio.sampleRate, audio.channels, audio.frames};
    hash.add(shape, sizeof shape);
    hash.add(audio.samples.data(), audio.samples.size() * sizeof(float));
    hash.add(modelIdentity.data(), modelIdentity.size());
    return hash.hexDigest();
}

StemCache::StemCache(std::string folder) : m_folder(std::move(folder)) {}

std::string StemCache::pathFor(const std::string& key) const
{
    return m_folder + '/' + key + kSuffix;
}

bool StemCache::contains(const std::string& key) const
{
    std::error_code ec;
    return fs::is_regular_file(pathFor(key), ec);
}

Result<void> StemCache::load(const std::string& key, int64_t expectedFrames, Stems& into) const
{
    const std::string path = pathFor(key);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return cacheError(path, std::string("cannot open: ") + std::strerror(errno));
    std::array<char, 8> magic{};
    if (!in.read(magic.data(), magic.size()) || magic != kMagic)
        return cacheError(path, "not a stem cache file");
    uint32_t version = 0, sampleRate = 0, channels = 0, stemCount = 0;
    int64_t frames = 0;
    if (!getU32(in, version) || !getU32(in, sampleRate) || !getU32(in, channels) || !getU32(in, stemCount) ||
        !getI64(in, frames))
        return cacheError(path, "truncated");
    if (version != kVersion || channels == 0 || channels > kMaxChannels || stemCount == 0 ||
        stemCount > kMaxStems || frames != expectedFrames || sampleRate == 0)
        return cacheError(path, "unexpected header");
    std::error_code ec;
    const auto fileBytes = fs::file_size(path, ec);
    const uint64_t sampleBytes = uint64_t(stemCount) * channels * uint64_t(frames) * sizeof(float);
    if (ec || fileBytes < sampleBytes)
        return cacheError(path, "truncated");

    Stems loaded;
    for (uint32_t s = 0; s < stemCount; ++s) {
        uint32_t length = 0;
        if (!getU32(in, length))
            return cacheError(path, "truncated");
        if (length > kMaxNameBytes)
            return cacheError(path, "bad stem name");
        std::string name(length, '\0');
        if (!in.read(name.data(), std::streamsize(length)))
            return cacheError(path, "truncated");
        loaded.names.push_back(std::move(name));
    }
    loaded.audio.reserve(stemCount);
    for (uint32_t s = 0; s < stemCount; ++s) {
        AudioBuffer& buffer = loaded.audio.emplace_back(int(channels), frames, int(sampleRate));
        const auto bytes = std::streamsize(buffer.samples.size() * sizeof(float));
        if (!in.read(reinterpret_cast<char*>(buffer.samples.data()), bytes))
            return cacheError(path, "truncated");
    }
    // Least recently *used* goes first when evicting.
    fs::last_write_time(path, fs::file_time_type::clock::now(), ec);
    into = std::move(loaded);
    return {};
}

Result<void> StemCache::store(const std::string& key, const std::vector<std::string>& names,
                              const std::vector<AudioBuffer>& buffers,
                              const StemCacheStoreOptions& options) const
{
    if (buffers.empty() || buffers.size() != names.size() || buffers.size() > kMaxStems)
        return cacheError(m_folder, "nothing to store");
    const AudioBuffer& first = buffers.front();
    for (const AudioBuffer& buffer : buffers)
        if (buffer.channels != first.channels || buffer.frames != first.frames ||
            buffer.sampleRate != first.sampleRate ||
            buffer.samples.size() != size_t(first.channels * first.frames))
            return cacheError(m_folder, "stems of different shapes");
    std::error_code ec;
    fs::create_directories(m_folder, ec);
    if (ec)
        return cacheError(m_folder, "cannot create the folder: " + ec.message());

    Result<audio::AtomicFile> created = audio::AtomicFile::create(pathFor(key));
    if (!created)
        return Error{created.error()};
    audio::AtomicFile& file = created.value();

    std::vector<uint8_t> header(kMagic.begin(), kMagic.end());
    putU32(header, kVersion);
    putU32(header, uint32_t(first.sampleRate));
    putU32(header, uint32_t(first.channels));
    putU32(header, uint32_t(buffers.size()));
    putI64(header, first.frames);
    for (const std::string& name : names) {
        if (name.size() > kMaxNameBytes)
            return cacheError(file.finalPath(), "bad stem name");
        putString(header, name);
    }
    if (Result<void> written = file.write(header.data(), header.size()); !written)
        return Error{written.error()};
    for (const AudioBuffer& buffer : buffers) {
        const auto* bytes = reinterpret_cast<const uint8_t*>(buffer.samples.data());
        size_t left = buffer.samples.size() * sizeof(float);
        while (left > 0) {
            if (options.isCancelled && options.isCancelled())
                return cacheError(file.finalPath(), "cancelled"); // ~AtomicFile removes the temporary
            const size_t piece = std::min(left, kWritePieceBytes);
            if (Result<void> written = file.write(bytes, piece); !written)
                return Error{written.error()};
            bytes += piece;
            left -= piece;
        }
    }
    return file.commit();
}

Result<void> StemCache::rememberSource(const SourceRecord& record) const
{
    if (!record.source.valid() || record.modelIdentity.empty() || !plausibleKey(record.key))
        return {};
    const std::string path = sourceRecordPath(m_folder, record.source.path, record.modelIdentity);
    if (readSourceRecord(path) == record)
        return {};
    std::error_code ec;
    fs::create_directories(sourcesFolder(m_folder), ec);
    if (ec)
        return cacheError(sourcesFolder(m_folder), "cannot create the folder: " + ec.message());
    Result<audio::AtomicFile> created = audio::AtomicFile::create(path);
    if (!created)
        return Error{created.error()};
    const std::vector<uint8_t> bytes = encodeSourceRecord(record);
    if (Result<void> written = created.value().write(bytes.data(), bytes.size()); !written)
        return Error{written.error()};
    return created.value().commit();
}

bool StemCache::likelyCached(const std::string& sourcePath, const std::string& modelIdentity) const
{
    if (modelIdentity.empty())
        return false;
    const SourceFingerprint now = sourceFingerprint(sourcePath);
    if (!now.valid())
        return false;
    const std::optional<SourceRecord> record =
        readSourceRecord(sourceRecordPath(m_folder, now.path, modelIdentity));
    return record && record->source == now && record->modelIdentity == modelIdentity && contains(record->key);
}

int64_t StemCache::sizeBytes() const
{
    int64_t total = 0;
    for (const CacheFile& file : listCacheFiles(m_folder))
        total += file.bytes;
    return total;
}

int StemCache::evictToLimit(int64_t limitBytes) const
{
    std::vector<fs::path> stale;
    const std::vector<CacheFile> files = listCacheFiles(m_folder, &stale);
    std::error_code ec;
    for (const fs::path& temporary : stale)
        fs::remove(temporary, ec);
    int64_t total = 0;
    for (const CacheFile& file : files)
        total += file.bytes;
    int evicted = 0;
    for (const CacheFile& file : files) { // least recently used first
        if (limitBytes <= 0 || total <= limitBytes)
            break;
        if (fs::remove(file.path, ec)) {
            total -= file.bytes;
            ++evicted;
        }
    }
    // The records of what it evicted. Only then: reading every record after every store would cost more
    // than the few orphans of stems deleted by hand, which the next eviction removes.
    pruneSources(*this, evicted > 0 ? Prune::Orphans : Prune::StaleTemporaries);
    return evicted;
}

void StemCache::clear() const
{
    std::vector<fs::path> stale;
    std::error_code ec;
    for (const CacheFile& file : listCacheFiles(m_folder, &stale))
        fs::remove(file.path, ec);
    for (const fs::path& temporary : stale)
        fs::remove(temporary, ec);
    pruneSources(*this, Prune::All);
}

} // namespace stemcrate::separation
