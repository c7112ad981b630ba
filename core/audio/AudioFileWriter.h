#pragma once
// Writing an AudioBuffer to a WAV, FLAC or AIFF file. The file appears atomically (see AtomicFile): the
// caller names the final path, an existing file there is replaced only once the new one is complete, and on
// any error the final path is left as it was. writeAudioInto writes into an AtomicFile the caller commits
// (core/library uses it to place the file under a name that replaces nothing).
//
// WAV: PCM 16/24-bit or IEEE float 32-bit (with a 'fact' chunk); WAVE_FORMAT_EXTENSIBLE only for more than
// two channels; files over 4 GiB are refused. FLAC: 16 or 24 bit (FLAC cannot store float). AIFF: 16 or 24
// bit big-endian PCM (plain AIFF has no float; that would be AIFF-C).
// Integer formats clamp to [-1, 1] and round to nearest (sample * 2^(bits-1)), after TPDF dither if asked.
//
// Tags and loop points, per format (what each format and common readers support):
//   WAV   LIST/INFO (INAM, IART, IPRD, ICMT, ISFT), an 'id3 ' chunk (ID3v2.4: TIT2, TPE1, TALB, TBPM, TKEY,
//         COMM, TXXX for extra fields), 'acid' (tempo, one-shot/loop, root note) when bpm > 0, and 'smpl'
//         with one forward loop (end inclusive, as the smpl spec says) when loop is set. All before 'data'.
//   FLAC  Vorbis comments: TITLE, ARTIST, ALBUM, COMMENT, BPM, INITIALKEY, extra fields by their own key,
//         and for a loop LOOPSTART, LOOPLENGTH and LOOPEND (= start + length, exclusive) in frames.
//   AIFF  NAME, AUTH, ANNO, an 'ID3 ' chunk as for WAV, and for a loop MARK (two markers) + INST (sustain
//         loop, forward). AIFF markers sit between frames, so the end marker is the exclusive end.
//
// Ownership: reads audio, owns nothing afterwards. Threads: reentrant, any thread. Units: audio.sampleRate
// in Hz, audio.frames per channel; 1 to 8 channels; loop points and bpm as named.

#include "common/AudioBuffer.h"
#include "common/Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace stemcrate::audio {

class AtomicFile;

enum class FileFormat
{
    Wav,
    Flac,
    Aiff
};

enum class SampleFormat
{
    Int16,
    Int24,
    Float32
};

// Noise added before rounding to an integer format; ignored for Float32.
//   Tpdf: triangular noise of +-1 LSB peak (the sum of two uniform +-0.5 LSB values), which makes the
//         rounding error independent of the signal. Deterministic for a given WriteOptions::ditherSeed.
enum class Dither
{
    None,
    Tpdf
};

// Text tags; empty strings and bpm <= 0 are not written. UTF-8.
struct AudioTags
{
    std::string title;
    std::string artist;
    std::string album;
    std::string comment;
    double bpm = 0;  // beats per minute
    std::string key; // musical key as text, e.g. "A minor", "F#m"
    // Further fields (e.g. {"STEMCRATE_STEM", "vocals"}): FLAC Vorbis comments, ID3 TXXX frames.
    std::vector<std::pair<std::string, std::string>> extra;

    bool empty() const
    {
        return title.empty() && artist.empty() && album.empty() && comment.empty() && bpm <= 0 &&
               key.empty() && extra.empty();
    }
};

// A forward loop over frames [startFrame, endFrame), endFrame exclusive.
struct LoopPoints
{
    int64_t startFrame = 0;
    int64_t endFrame = 0;
};

struct WriteOptions
{
    Dither dither = Dither::None;
    uint64_t ditherSeed = 1; // same seed, same noise
    AudioTags tags;
    std::optional<LoopPoints> loop;
};

Result<void> writeAudioFile(const std::string& path, const AudioBuffer& audio, FileFormat format,
                            SampleFormat sampleFormat, const WriteOptions& options = {});

// As writeAudioFile, into `file` (whose finalPath() errors name); the caller commits or discards it.
Result<void> writeAudioInto(AtomicFile& file, const AudioBuffer& audio, FileFormat format,
                            SampleFormat sampleFormat, const WriteOptions& options = {});

// "wav", "flac", "aif".
const char* fileExtension(FileFormat format);

} // namespace stemcrate::audio
