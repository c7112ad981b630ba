#pragma once
// StemSetWriter: writes a song's stems the way the musician chose them, into one folder: the chosen stems
// and the named mixes (StemSelection) as <name>.<ext> in WAV/FLAC/AIFF, or one NI Stems file
// <title>.stem.mp4 (the mix, the sum of the stems, and the four stems), each tagged as the choice says.
// Used by `separate` (--stems, --mix, --format stem.mp4) and the GUI's Export Stems….
//
// Every file appears atomically under its final name (core/audio's writers go through AtomicFile); an
// existing file of that name is replaced. An error names the file and the reason.
//
// Ownership: reads the buffers during the call. Threads: reentrant; call from a worker thread. Units: the
// stems' frames, all stems the same length and rate.

#include "audio/AudioFileWriter.h"
#include "audio/StemFileWriter.h"
#include "common/AudioBuffer.h"
#include "common/Result.h"
#include "library/StemSelection.h"

#include <filesystem>
#include <string>
#include <vector>

namespace stemcrate::library {

struct StemSetChoice
{
    std::vector<std::string> stems; // the stems written one file each (names from the song's stems)
    std::vector<StemMix> mixes;     // written one file each, after the stems
    audio::FileFormat format = audio::FileFormat::Wav;
    audio::SampleFormat sampleFormat = audio::SampleFormat::Float32;
    bool stemFile = false; // one NI Stems file instead of the above
    audio::StemCodec stemCodec = audio::StemCodec::Aac;
    std::string title; // the stem file's name and MP4 title; empty: the folder's name
    // Tags every file carries (artist, album, BPM, key: the song's, with the musician's corrections, issue
    // 17); each file's title is `title` with its stem or mix name, e.g. "Song (drums)".
    audio::AudioTags tags;
};

// The file names the choice makes inside `folder`, in writing order.
std::vector<std::string> stemSetFiles(const StemSetChoice& choice, const std::filesystem::path& folder);

// Writes them (the folder must exist). `names` and `audio` are the song's stems in parallel; a chosen stem
// or mix stem that is not among them is an error. The stem file's mix track is the sum of the stems, what
// the DJ software plays with every stem up.
Result<void> writeStemSet(const StemSetChoice& choice, const std::vector<std::string>& names,
                          const std::vector<AudioBuffer>& audio, const std::filesystem::path& folder);

} // namespace stemcrate::library
