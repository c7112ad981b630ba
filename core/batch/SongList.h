#pragma once
// SongList: the songs one process of a batch separates. A list file holds one input path a line (blank lines
// and lines starting with '#' are ignored; relative paths are as the process sees them). Every process of a
// job reads the same list and takes its share: song k belongs to shard (hash of its path as written) mod N,
// so the assignment depends only on the path, not on the list's order or on which process runs first, and
// no coordinator is needed (Slurm job arrays, Kubernetes Indexed Jobs, GNU parallel start the processes).
// Each song's output folder is named from the whole list, so every shard agrees on it.
//
// Plain values and pure functions; any thread. Errors name the list file.

#include "common/Result.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stemcrate::batch {

struct Shard
{
    int index = 0; // 0 <= index < count
    int count = 1;
};

// "I/N" with 0 <= I < N; nothing for anything else.
std::optional<Shard> parseShard(std::string_view text);

// 64-bit FNV-1a of the path's bytes: the same on every machine and build.
uint64_t stablePathHash(std::string_view path);

bool inShard(std::string_view path, const Shard& shard);

Result<std::vector<std::string>> readSongList(const std::string& listPath);

// Output folder names for `inputs`, in order: each input's file name without its extension, "-2", "-3", ...
// for a name an earlier input took ("track" for a name that is empty or a dot).
std::vector<std::string> stemFolderNames(const std::vector<std::string>& inputs);

} // namespace stemcrate::batch
