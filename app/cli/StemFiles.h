#pragma once
// Where `stemcrate-cli separate -o DIR` put an input's stems: DIR/<input file name without extension>/
// <stem>.wav or .flac. Shared by the commands that take --stems DIR. Any thread.

#include <filesystem>
#include <optional>
#include <string>

namespace stemcrate::cli {

inline constexpr const char* kStemNames[] = {"drums", "bass", "other", "vocals"};

// The stem file for `input`'s stem `name` under stemsDir, or nothing.
std::optional<std::filesystem::path> stemFile(const std::filesystem::path& stemsDir, const std::string& input,
                                              const char* name);

// The folder the stems of `input` are in: stemsDir / <input's name without extension>.
std::filesystem::path stemFolder(const std::filesystem::path& stemsDir, const std::string& input);

} // namespace stemcrate::cli
