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

} // namespace

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
        putU32(header, uint32_t(name.size()));
        header.insert(header.end(), name.begin(), name.end());
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
    if (limitBytes <= 0)
        return 0;
    int64_t total = 0;
    for (const CacheFile& file : files)
        total += file.bytes;
    int evicted = 0;
    for (const CacheFile& file : files) { // least recently used first
        if (total <= limitBytes)
            break;
        if (fs::remove(file.path, ec)) {
            total -= file.bytes;
            ++evicted;
        }
    }
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
}

} // namespace stemcrate::separation
