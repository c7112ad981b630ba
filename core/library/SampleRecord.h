#pragma once
// SampleRecord: what the library index knows about one audio file in the sample library folder: the file's
// identity when it was read (path, size, modification time), its metadata (from its own tags, else its name,
// else a quick analysis), and a feature vector for "find similar".
//
// Ownership: a plain value. Threads: any; no sharing. Units: seconds, BPM, LUFS, nanoseconds since the Unix
// epoch for modification times, bytes for sizes.

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace stemcrate::library {

enum class SampleKind : uint8_t
{
    Unknown,
    Loop,
    Slice,
    OneShot,
};

// "loop", "slice", "one-shot", or "" for Unknown.
std::string_view kindName(SampleKind kind);
// The inverse of kindName; also "oneshot", "one_shot", "hit". Unknown for anything else.
SampleKind kindFromName(std::string_view name);

// Where a value came from, so that the GUI can say "BPM guessed from the audio".
enum class ValueSource : uint8_t
{
    None,
    Tag,
    FileName,
    Analysis,
};

// How far a record has been read. The index fills records in this order, cheap facts first, so a browser
// shows a row as soon as the walk finds its file and completes it later.
enum class ReadStage : uint8_t
{
    Listed,   // found by the walk: path, size, time, name and what the name says (no file read)
    Tagged,   // + the file's tags, loop and tempo chunks and header length (no audio decoded)
    Analysed, // + decoded: exact length, loudness, features, tempo and key of untagged loops
};

struct SampleRecord
{
    // Identity of the file as it was read; a file whose size or time differs is read again.
    std::string path; // absolute
    int64_t fileBytes = 0;
    int64_t modifiedNs = 0;

    std::string name; // file name without its extension
    std::string title;
    std::string artist;
    std::string album;
    std::string stem;        // "drums", "bass", "other", "vocals", "mix", or ""
    std::string sampleClass; // "kick", "snare", "hat_closed", ... or ""
    SampleKind kind = SampleKind::Unknown;
    std::string sourceSong; // the song the sample was cut from (Stemcrate's own tag), or ""

    double bpm = 0; // 0 = unknown
    ValueSource bpmSource = ValueSource::None;
    std::string key; // normalised ("A minor") when it parses, else as tagged; "" = unknown
    ValueSource keySource = ValueSource::None;

    double durationSeconds = 0;
    double loudnessLufs = -std::numeric_limits<double>::infinity(); // integrated, EBU R128
    int sampleRate = 0;                                             // the file's own, Hz
    int channels = 0;
    bool hasLoopPoints = false; // WAV smpl, AIFF INST sustain loop, FLAC LOOPSTART

    ReadStage stage = ReadStage::Listed;
    std::vector<float> features; // the similarity vector; empty until analysed or when the audio cannot be read
    std::string error;           // why the audio could not be read; "" when it could

    // Length in 4/4 bars at the sample's BPM, or 0 when the BPM is unknown.
    double bars() const { return bpm > 0 ? durationSeconds * bpm / 240.0 : 0.0; }
};

} // namespace stemcrate::library
