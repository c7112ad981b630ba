#include "batch/ManifestLog.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace stemcrate::batch {

namespace {

Error fileError(const std::string& path, const char* what, int errnum)
{
    return makeError("'" + path + "': " + what + ": " + std::strerror(errnum));
}

} // namespace

std::string manifestLine(const ManifestEntry& entry)
{
    nlohmann::json json;
    json["input"] = entry.input;
    json["folder"] = entry.folder;
    json["status"] = entry.status;
    json["outputs"] = nlohmann::json::array();
    for (const OutputFile& o : entry.outputs)
        json["outputs"].push_back({{"file", o.file}, {"bytes", o.bytes}, {"xxh3", hashText(o.xxh3)}});
    json["seconds"] = entry.seconds;
    json["stage_seconds"] = {
        {"decode", entry.decodeSeconds}, {"separate", entry.separateSeconds}, {"write", entry.writeSeconds}};
    json["device"] = entry.device;
    json["shard"] = entry.shard;
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) == 0)
        json["host"] = host;
    if (!entry.error.empty())
        json["error"] = entry.error;
    // Invalid UTF-8 in a path is replaced rather than refused: the line must be written.
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<void> appendManifestLine(const std::string& manifestPath, const ManifestEntry& entry)
{
    const std::string line = manifestLine(entry) + "\n";
    const int fd = ::open(manifestPath.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return fileError(manifestPath, "cannot open the manifest", errno);
    int r;
    while ((r = ::flock(fd, LOCK_EX)) != 0 && errno == EINTR) {
    }
    if (r != 0) {
        const int error = errno;
        ::close(fd);
        return fileError(manifestPath, "cannot lock the manifest", error);
    }
    size_t written = 0;
    int error = 0;
    while (written < line.size()) {
        const ssize_t n = ::write(fd, line.data() + written, line.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            error = n < 0 ? errno : EIO;
            break;
        }
        written += static_cast<size_t>(n);
    }
    if (!error && ::fsync(fd) != 0)
        error = errno;
    ::flock(fd, LOCK_UN);
    ::close(fd);
    if (error)
        return fileError(manifestPath, "cannot write the manifest", error);
    return {};
}

Result<std::set<std::string>> inputsDoneInManifest(const std::string& manifestPath)
{
    std::set<std::string> done;
    std::ifstream in(manifestPath);
    if (!in) {
        if (errno == ENOENT)
            return done;
        return fileError(manifestPath, "cannot read the manifest", errno);
    }
    std::string line;
    while (std::getline(in, line)) {
        const nlohmann::json json = nlohmann::json::parse(line, nullptr, /*allow_exceptions*/ false);
        if (json.is_object() && json.contains("status") && json["status"] == "done" &&
            json.contains("input") && json["input"].is_string())
            done.insert(json["input"].get<std::string>());
    }
    return done;
}

} // namespace stemcrate::batch
