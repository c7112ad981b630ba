#pragma once
// TagReader: a sample file's own metadata, without decoding its audio: text tags through TagLib (WAV 'id3 '
// and LIST/INFO, AIFF 'ID3 ', FLAC and Ogg Vorbis comments, MP3 ID3v2, MP4 atoms) and, for WAV and AIFF,
// the loop and tempo chunks through libsndfile (WAV 'smpl' and 'acid', AIFF INST/MARK and Apple loop info).
// That covers what Stemcrate's exporter writes (core/audio/TagChunks.h) and what DAWs, sample packs and
// ffmpeg's -metadata write.
//
// Ownership: plain values. Threads: reentrant; call on a worker (it opens and reads the file).
// Units: seconds, BPM, Hz.
// Errors: "'<path>': cannot read its tags: <reason>" when neither TagLib nor libsndfile can open the file.

#include "common/Result.h"

#include <map>
#include <string>

namespace stemcrate::library {

struct FileTags
{
    // Every text tag, keys upper-cased in TagLib's unified names: "TITLE", "ARTIST", "ALBUM", "COMMENT",
    // "BPM", "INITIALKEY", and custom ones by their own name ("STEMCRATE_STEM", "KEY"). First value wins.
    std::map<std::string, std::string> text;
    double durationSeconds = 0; // from the header; 0 when unknown
    int sampleRate = 0;
    int channels = 0;

    bool hasLoopPoints = false; // a forward/backward/alternating loop: WAV smpl, AIFF INST, FLAC LOOPSTART
    bool acidOneShot = false;   // an 'acid' chunk marking the file a one-shot
    double acidBpm = 0;         // the 'acid' (or Apple loop) tempo, 0 when absent

    // The first of `keys` that is present and non-empty, or "".
    std::string first(std::initializer_list<const char*> keys) const;
};

Result<FileTags> readFileTags(const std::string& path);

} // namespace stemcrate::library
