#include "batch/SongList.h"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <set>

namespace stemcrate::batch {

std::optional<Shard> parseShard(std::string_view text)
{
    const size_t slash = text.find('/');
    if (slash == std::string_view::npos)
        return std::nullopt;
    Shard shard;
    const std::string_view index = text.substr(0, slash), count = text.substr(slash + 1);
    auto whole = [](std::string_view s, int& value) {
        const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
        return !s.empty() && error == std::errc() && end == s.data() + s.size();
    };
    if (!whole(index, shard.index) || !whole(count, shard.count) || shard.count < 1 || shard.index < 0 ||
        shard.index >= shard.count)
        return std::nullopt;
    return shard;
}

uint64_t stablePathHash(std::string_view path)
{
    uint64_t hash = 14695981039346656037ull;
    for (unsigned char byte : path) {
        hash ^= byte;
        hash *= 1099511628211ull;
    }
    return hash;
}

bool inShard(std::string_view path, const Shard& shard)
{
    return static_cast<int>(stablePathHash(path) % static_cast<uint64_t>(shard.count)) == shard.index;
}

Result<std::vector<std::string>> readSongList(const std::string& listPath)
{
    std::ifstream file(listPath);
    if (!file)
        return makeError("'" + listPath + "': cannot read the song list");
    std::vector<std::string> songs;
    std::string line;
    while (std::getline(file, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        const size_t first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#')
            continue;
        const size_t last = line.find_last_not_of(" \t");
        songs.push_back(line.substr(first, last - first + 1));
    }
    if (file.bad())
        return makeError("'" + listPath + "': cannot read the song list");
    return songs;
}

std::vector<std::string> stemFolderNames(const std::vector<std::string>& inputs)
{
    std::vector<std::string> names;
    std::set<std::string> taken;
    for (const std::string& input : inputs) {
        std::string base = std::filesystem::path(input).stem().string();
        if (base.empty() || base == "." || base == "..")
            base = "track";
        std::string candidate = base;
        for (int n = 2; taken.count(candidate); ++n)
            candidate = base + "-" + std::to_string(n);
        taken.insert(candidate);
        names.push_back(candidate);
    }
    return names;
}

} // namespace stemcrate::batch
