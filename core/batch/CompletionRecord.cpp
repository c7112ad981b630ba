#include "batch/CompletionRecord.h"

#include "audio/AtomicFile.h"

#include <nlohmann/json.hpp>
#include <xxhash.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

namespace stemcrate::batch {

namespace fs = std::filesystem;

namespace {

struct StateDeleter
{
    void operator()(XXH3_state_t* state) const { XXH3_freeState(state); }
};

std::string join(const std::string& folder, const std::string& file)
{
    return (fs::path(folder) / file).string();
}

} // namespace

std::string hashText(uint64_t hash)
{
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
}

Result<OutputFile> describeOutput(const std::string& folder, const std::string& file)
{
    const std::string path = join(folder, file);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return makeError("'" + path + "': cannot read: " + std::strerror(errno));
    std::unique_ptr<XXH3_state_t, StateDeleter> state(XXH3_createState());
    if (!state || XXH3_64bits_reset(state.get()) != XXH_OK) {
        ::close(fd);
        return makeError("'" + path + "': cannot hash: out of memory");
    }
    OutputFile out;
    out.file = file;
    std::vector<char> chunk(size_t{4} << 20);
    while (true) {
        const ssize_t n = ::read(fd, chunk.data(), chunk.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int error = errno;
            ::close(fd);
            return makeError("'" + path + "': cannot read: " + std::strerror(error));
        }
        if (n == 0)
            break;
        XXH3_64bits_update(state.get(), chunk.data(), static_cast<size_t>(n));
        out.bytes += static_cast<uint64_t>(n);
    }
    ::close(fd);
    out.xxh3 = XXH3_64bits_digest(state.get());
    return out;
}

Result<void> writeCompletionRecord(const std::string& folder, const CompletionRecord& record)
{
    nlohmann::json json;
    json["input"] = record.input;
    json["device"] = record.device;
    json["seconds"] = record.seconds;
    json["outputs"] = nlohmann::json::array();
    for (const OutputFile& o : record.outputs)
        json["outputs"].push_back({{"file", o.file}, {"bytes", o.bytes}, {"xxh3", hashText(o.xxh3)}});
    const std::string text = json.dump(1) + "\n";
    Result<audio::AtomicFile> file = audio::AtomicFile::create(join(folder, kCompletionRecordName));
    if (!file)
        return Error{file.error()};
    if (Result<void> r = file->write(text.data(), text.size()); !r)
        return r;
    return file->commit();
}

Result<CompletionRecord> readCompletionRecord(const std::string& folder)
{
    const std::string path = join(folder, kCompletionRecordName);
    std::ifstream in(path);
    if (!in)
        return makeError("'" + path + "': no completion record");
    // Parsed without exceptions: a damaged record is "not complete", never a crash.
    const nlohmann::json json = nlohmann::json::parse(in, nullptr, /*allow_exceptions*/ false);
    auto bad = [&] { return makeError("'" + path + "': damaged completion record"); };
    if (!json.is_object() || !json.contains("input") || !json["input"].is_string() ||
        !json.contains("outputs") || !json["outputs"].is_array())
        return bad();
    CompletionRecord record;
    record.input = json["input"].get<std::string>();
    if (json.contains("device") && json["device"].is_string())
        record.device = json["device"].get<std::string>();
    if (json.contains("seconds") && json["seconds"].is_number())
        record.seconds = json["seconds"].get<double>();
    for (const nlohmann::json& o : json["outputs"]) {
        if (!o.is_object() || !o.contains("file") || !o["file"].is_string() || !o.contains("bytes") ||
            !o["bytes"].is_number_unsigned() || !o.contains("xxh3") || !o["xxh3"].is_string())
            return bad();
        OutputFile file;
        file.file = o["file"].get<std::string>();
        file.bytes = o["bytes"].get<uint64_t>();
        const std::string hash = o["xxh3"].get<std::string>();
        char* end = nullptr;
        file.xxh3 = std::strtoull(hash.c_str(), &end, 16);
        if (hash.size() != 16 || end != hash.c_str() + hash.size())
            return bad();
        record.outputs.push_back(std::move(file));
    }
    return record;
}

Result<CompletionRecord> verifiedCompletion(const std::string& folder,
                                            const std::vector<std::string>& expectedFiles)
{
    Result<CompletionRecord> record = readCompletionRecord(folder);
    if (!record)
        return record;
    std::set<std::string> expected(expectedFiles.begin(), expectedFiles.end()), listed;
    for (const OutputFile& o : record->outputs)
        listed.insert(o.file);
    if (listed != expected || record->outputs.size() != expectedFiles.size())
        return makeError("'" + folder + "': completed with other outputs than this run writes");
    for (const OutputFile& o : record->outputs) {
        std::error_code ec;
        const uintmax_t size = fs::file_size(join(folder, o.file), ec);
        if (ec || size != o.bytes)
            return makeError("'" + join(folder, o.file) + "': missing or changed since it was written");
        Result<OutputFile> now = describeOutput(folder, o.file);
        if (!now || now->xxh3 != o.xxh3)
            return makeError("'" + join(folder, o.file) + "': changed since it was written");
    }
    return record;
}

int removeStaleTemporaries(const std::string& folder)
{
    int removed = 0;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.find(".part-") != std::string::npos && it->is_regular_file(ec)) {
            std::error_code removeError;
            if (fs::remove(it->path(), removeError))
                ++removed;
        }
    }
    return removed;
}

} // namespace stemcrate::batch
