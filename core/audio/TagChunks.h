#pragma once
// Internal to stemcrate_audio. The metadata chunks that WAV and AIFF carry, as complete chunks (id, size,
// payload, pad byte) ready to be placed before the sample data. See AudioFileWriter.h for what goes where.
// Units: frames and Hz.

#include "audio/AudioFileWriter.h"

#include <cstdint>
#include <vector>

namespace stemcrate::audio {

// ID3v2.4 tag (UTF-8 text frames), or empty when there are no tags. chunkId: "id3 " (WAV) or "ID3 " (AIFF).
std::vector<uint8_t> makeId3Chunk(const AudioTags& tags, const char* chunkId, bool bigEndianSize);

// RIFF LIST/INFO, or empty when no field is set.
std::vector<uint8_t> makeInfoListChunk(const AudioTags& tags);

// RIFF 'smpl' with one forward loop; end written inclusive (endFrame - 1), as the format defines it.
std::vector<uint8_t> makeSmplChunk(int sampleRate, const LoopPoints& loop, int rootNote);

// RIFF 'acid' (tempo and beat count, as ACID-aware DAWs read it).
std::vector<uint8_t> makeAcidChunk(int sampleRate, int64_t frames, double bpm, bool isLoop, int rootNote);

// AIFF NAME, AUTH and ANNO text chunks (title, artist, comment), or empty.
std::vector<uint8_t> makeAiffTextChunks(const AudioTags& tags);

// AIFF 'MARK' (markers 1 and 2 at the loop's start and exclusive end) and 'INST' (sustain loop 1 -> 2).
std::vector<uint8_t> makeAiffLoopChunks(const LoopPoints& loop, int rootNote);

// The tonic of a key written as text ("A minor", "F#m", "Bb", "c# min") as a MIDI note in 60..71
// (C4..B4), or -1 when it is not recognised.
int rootNoteOfKey(const std::string& key);

} // namespace stemcrate::audio
