#include "library/IndexFile.h"

#include "audio/AtomicFile.h"
#include "audio/ByteWriter.h"

#include <bit>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string_view>
#include <system_error>

namespace stemcrate::library {
namespace {

constexpr std::string_view kMagic{"STEMCRATE-LIBRARY-INDEX\0", 24};
constexpr uint32_t kMaxStringBytes = 1 << 16;
constexpr uint32_t kMaxFeatures = 4096;
constexpr uintmax_t kMaxIndexBytes = uintmax_t(1) << 31;

class IndexWriter
{
public:
    explicit IndexWriter(std::vector<uint8_t>& bytes) : m_out(bytes) {}
    void u8(uint8_t v) { m_out.u8(v); }
    void u32(uint32_t v) { m_out.u32(v); }
    void u64(uint64_t v)
    {
        m_out.u32(static_cast<uint32_t>(v));
        m_out.u32(static_cast<uint32_t>(v >> 32));
    }
    void f64(double v) { u64(std::bit_cast<uint64_t>(v)); }
    void text(const std::string& s)
    {
        const std::string_view clipped = std::string_view(s).substr(0, kMaxStringBytes);
        u32(static_cast<uint32_t>(clipped.size()));
        m_out.bytes(clipped);
    }

private:
    audio::ByteWriter m_out;
};

// Reads fields with bounds checks; after the first overrun every read returns zero and ok() is false.
class IndexReader
{
public:
    explicit IndexReader(const std::vector<uint8_t>& bytes) : m_bytes(bytes) {}
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_at == m_bytes.size(); }
    uint8_t u8() { return take(1) ? m_bytes[m_at - 1] : 0; }
    uint32_t u32()
    {
        if (!take(4))
            return 0;
        const uint8_t* p = m_bytes.data() + m_at - 4;
        return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
    }
    uint64_t u64()
    {
        const uint64_t low = u32();
        return low | uint64_t(u32()) << 32;
    }
    double f64() { return std::bit_cast<double>(u64()); }
    std::string text()
    {
        const uint32_t size = u32();
        if (size > kMaxStringBytes || !take(size)) {
            m_ok = false;
            return {};
        }
        return std::string(reinterpret_cast<const char*>(m_bytes.data() + m_at - size), size);
    }
    std::string_view raw(size_t size)
    {
        if (!take(size))
            return {};
        return {reinterpret_cast<const char*>(m_bytes.data() + m_at - size), size};
    }

private:
    bool take(size_t size)
    {
        if (!m_ok || m_bytes.size() - m_at < size) {
            m_ok = false;
            return false;
        }
        m_at += size;
        return true;
    }
    const std::vector<uint8_t>& m_bytes;
    size_t m_at = 0;
    bool m_ok = true;
};

void writeRecord(IndexWriter& out, const SampleRecord& r)
{
    out.text(r.path);
    out.u64(static_cast<uint64_t>(r.fileBytes));
    out.u64(static_cast<uint64_t>(r.modifiedNs));
    for (const std::string* s :
         {&r.name, &r.title, &r.artist, &r.album, &r.stem, &r.sampleClass, &r.sourceSong, &r.key, &r.error})
        out.text(*s);
    out.u8(static_cast<uint8_t>(r.kind));
    out.f64(r.bpm);
    out.u8(static_cast<uint8_t>(r.bpmSource));
    out.u8(static_cast<uint8_t>(r.keySource));
    out.f64(r.durationSeconds);
    out.f64(r.loudnessLufs);
    out.u32(static_cast<uint32_t>(r.sampleRate));
    out.u32(static_cast<uint32_t>(r.channels));
    out.u8(r.hasLoopPoints ? 1 : 0);
    out.u8(static_cast<uint8_t>(r.stage));
    out.u32(static_cast<uint32_t>(r.features.size()));
    for (const float f : r.features)
        out.u32(std::bit_cast<uint32_t>(f));
}

bool readRecord(IndexReader& in, SampleRecord& r)
{
    r.path = in.text();
    r.fileBytes = static_cast<int64_t>(in.u64());
    r.modifiedNs = static_cast<int64_t>(in.u64());
    for (std::string* s :
         {&r.name, &r.title, &r.artist, &r.album, &r.stem, &r.sampleClass, &r.sourceSong, &r.key, &r.error})
        *s = in.text();
    const uint8_t kind = in.u8();
    r.bpm = in.f64();
    const uint8_t bpmSource = in.u8();
    const uint8_t keySource = in.u8();
    r.durationSeconds = in.f64();
    r.loudnessLufs = in.f64();
    r.sampleRate = static_cast<int>(in.u32());
    r.channels = static_cast<int>(in.u32());
    r.hasLoopPoints = in.u8() != 0;
    const uint8_t stage = in.u8();
    const uint32_t featureCount = in.u32();
    if (!in.ok() || kind > uint8_t(SampleKind::OneShot) || bpmSource > uint8_t(ValueSource::Analysis) ||
        stage > uint8_t(ReadStage::Analysed) ||
        keySource > uint8_t(ValueSource::Analysis) || featureCount > kMaxFeatures || r.path.empty())
        return false;
    r.kind = static_cast<SampleKind>(kind);
    r.bpmSource = static_cast<ValueSource>(bpmSource);
    r.keySource = static_cast<ValueSource>(keySource);
    r.stage = static_cast<ReadStage>(stage);
    r.features.resize(featureCount);
    for (float& f : r.features)
        f = std::bit_cast<float>(in.u32());
    return in.ok();
}

Error indexError(const std::string& path, const std::string& reason)
{
    return makeError("'" + path + "': " + reason);
}

} // namespace

Result<void> writeIndexFile(const std::string& indexPath, const std::string& folder,
                            const FeatureExtractor& features, const std::vector<SampleRecord>& records)
{
    std::vector<uint8_t> bytes;
    bytes.reserve(64 + records.size() * 300);
    IndexWriter out(bytes);
    bytes.insert(bytes.end(), kMagic.begin(), kMagic.end());
    out.u32(kIndexFormatVersion);
    out.text(folder);
    out.text(features.id);
    out.u32(static_cast<uint32_t>(features.version));
    out.u32(static_cast<uint32_t>(records.size()));
    for (const SampleRecord& r : records)
        writeRecord(out, r);

    std::error_code ec;
    const std::filesystem::path parent = std::filesystem::path(indexPath).parent_path();
    if (!parent.empty())
        std::filesystem::create_directories(parent, ec);
    if (ec)
        return indexError(indexPath, "cannot create its folder: " + ec.message());
    Result<audio::AtomicFile> file = audio::AtomicFile::create(indexPath);
    if (!file)
        return makeError(file.error());
    if (Result<void> written = file->write(bytes.data(), bytes.size()); !written)
        return written;
    return file->commit();
}

Result<std::vector<SampleRecord>> readIndexFile(const std::string& indexPath, const std::string& folder,
                                                const FeatureExtractor& features)
{
    std::error_code ec;
    const uintmax_t size = std::filesystem::file_size(indexPath, ec);
    if (ec)
        return indexError(indexPath, "cannot read the library index: " + ec.message());
    if (size > kMaxIndexBytes)
        return indexError(indexPath, "the library index is implausibly large");
    std::ifstream stream(indexPath, std::ios::binary);
    std::vector<uint8_t> bytes(static_cast<size_t>(size));
    if (!stream.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size())))
        return indexError(indexPath, std::string("cannot read the library index: ") + std::strerror(errno));

    IndexReader in(bytes);
    if (in.raw(kMagic.size()) != kMagic)
        return indexError(indexPath, "not a Stemcrate library index");
    if (const uint32_t version = in.u32(); version != kIndexFormatVersion)
        return indexError(indexPath,
                          "a library index of another format version (" + std::to_string(version) + ")");
    if (in.text() != folder)
        return indexError(indexPath, "the library index is of another folder");
    const std::string featureId = in.text();
    const uint32_t featureVersion = in.u32();
    if (featureId != features.id || featureVersion != static_cast<uint32_t>(features.version))
        return indexError(indexPath, "the library index holds features of another kind (" + featureId + ")");
    const uint32_t count = in.u32();
    if (!in.ok() || count > bytes.size() / 16)
        return indexError(indexPath, "the library index is damaged");
    std::vector<SampleRecord> records(count);
    for (SampleRecord& r : records)
        if (!readRecord(in, r))
            return indexError(indexPath, "the library index is damaged");
    if (!in.atEnd())
        return indexError(indexPath, "the library index is damaged (bytes after its end)");
    return records;
}

} // namespace stemcrate::library
