#pragma once
// What `separate` writes for one song, beside its own wav/flac options: --stems (only those stems),
// --mix (named mixes of chosen stems, one file each) and --format stem.mp4 (one NI Stems file, with
// --stem-codec aac|alac). The logic lives in core (library/StemSelection, audio/StemFileWriter); this file
// reads the options and places the files. Main thread.

#include "CliArguments.h"

#include "audio/AudioFileWriter.h"
#include "audio/StemFileWriter.h"
#include "common/Result.h"

#include <filesystem>
#include <string>
#include <vector>

namespace stemcrate::cli {

struct SeparateOutputs
{
    audio::FileFormat format = audio::FileFormat::Wav;
    audio::SampleFormat sampleFormat = audio::SampleFormat::Float32;
    bool stemFile = false; // --format stem.mp4
    audio::StemCodec stemCodec = audio::StemCodec::Aac;
    std::string stems; // --stems text; empty = every stem, unless mixes are asked for
    std::string mixes; // --mix text
};

// The option names this adds to `separate` and the lines of its usage text.
const std::vector<std::string>& separateOutputOptionNames();
const char* separateOutputUsage();

// Reads --stems, --mix, --stem-codec, and --format stem.mp4 (returns handled = true for that format so the
// caller skips its own wav/flac parsing). A usage error as text, or "".
std::string readSeparateOutputs(const CliArguments& a, SeparateOutputs& outputs, bool& formatHandled);

// The files the chosen outputs make inside a song's `folder` (its completion record lists them): the chosen
// stems and the mixes as <name>.<ext>, or <folder name>.stem.mp4 (library::stemSetFiles).
std::vector<std::string> separateOutputFiles(const SeparateOutputs& outputs,
                                             const std::vector<std::string>& stemNames,
                                             const std::filesystem::path& folder);

// Writes them (the folder exists) through library::writeStemSet. The stem file's mix track is the sum of
// the stems, what the DJ software plays with every stem up. The stem names are checked here, against what
// the model produced.
Result<void> writeSeparateOutputs(const SeparateOutputs& outputs, const std::vector<std::string>& stemNames,
                                  const std::vector<AudioBuffer>& stemAudio,
                                  const std::filesystem::path& folder);

} // namespace stemcrate::cli
