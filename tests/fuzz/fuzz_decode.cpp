// libFuzzer target for the decode entry points: the input bytes become a file (its extension picked by
// the first byte, since FFmpeg weighs extensions when guessing formats), then probeFile and decodeFile
// run on it. Any crash, sanitizer report, hang (-timeout) or memory blow-up (-rss_limit_mb) is a finding;
// errors returned as values are the expected outcome for garbage. Built by tests/fuzz/CMakeLists.txt
// (STEMCRATE_FUZZ, clang); run by tests/fuzz/run_fuzz.sh. Single-threaded, like libFuzzer itself.

#include "audio/Decoder.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <string>
#include <unistd.h>

namespace {

constexpr std::array<const char*, 8> kExtensions = {"",     ".wav", ".mp3", ".flac",
                                                    ".ogg", ".m4a", ".aif", ".opus"};

std::string scratchPath(size_t variant)
{
    const char* folder = std::getenv("TMPDIR");
    return std::string(folder && *folder ? folder : "/tmp") + "/stemcrate-fuzz-" +
           std::to_string(::getpid()) + kExtensions[variant % kExtensions.size()];
}

bool writeAll(const std::string& path, const uint8_t* data, size_t size)
{
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file)
        return false;
    const bool ok = std::fwrite(data, 1, size, file) == size;
    return std::fclose(file) == 0 && ok;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string path = scratchPath(size > 0 ? data[0] : 0);
    if (!writeAll(path, data, size))
        return 0;
    auto info = stemcrate::audio::probeFile(path);
    auto track = stemcrate::audio::decodeFile(path);
    if (track.ok() &&
        (track->audio.channels != 2 || track->audio.samples.size() != size_t(2 * track->audio.frames)))
        __builtin_trap(); // the engine's format is a promise
    static_cast<void>(info);
    ::unlink(path.c_str());
    return 0;
}
