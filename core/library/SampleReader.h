#pragma once
// SampleReader: reads one sample file into a SampleRecord, in three stages of rising cost (ReadStage), so
// that a browser can show a row at once and complete it later:
//   listSample     no I/O: the name and what it says (FileNameHints)
//   readSampleTags one pass over the header, no audio decoded: tags (TagReader: TagLib, and the WAV/AIFF
//                  loop and tempo chunks through libsndfile) and the length from the header
//   analyseSample  decodes the audio (core/audio) once: exact length, loudness, the feature vector, and
//                  where tags and name are silent, tempo of loops of 4 s or more and key of tonal material
// readSample does all three.
//
// Precedence, per field: Stemcrate's own tags (STEMCRATE_STEM, STEMCRATE_KIND, STEMCRATE_CLASS,
// STEMCRATE_SOURCE), common tags (BPM/TBPM/TEMPO, INITIALKEY/KEY/TKEY), WAV/AIFF loop and 'acid' chunks,
// the file name, then analysis. Kind without any hint: loop points make a loop, an 'acid' one-shot flag or
// a length under 2 s makes a one-shot.
//
// Ownership: plain values. Threads: reentrant; call readSampleTags and analyseSample on a worker.
// Units: seconds, BPM, LUFS. A file whose audio cannot be decoded still yields a record (its tags and name)
// with `error` set; readSample fails only when the file cannot be opened at all.

#include "common/Result.h"
#include "library/FeatureExtractor.h"
#include "library/SampleRecord.h"

#include <functional>
#include <string>

namespace stemcrate::library {

struct SampleReadOptions
{
    FeatureExtractor features = defaultFeatureExtractor();
    // Estimate BPM and key from the audio when neither tags nor name give them (costs ~10-50 ms a loop).
    bool analyseUntagged = true;
    std::function<bool()> isCancelled; // polled while decoding
};

// `fileBytes` and `modifiedNs` are copied into the record as its identity (the caller stat()ed the file).
SampleRecord listSample(const std::string& path, int64_t fileBytes, int64_t modifiedNs);
// A Tagged record of the file of `listed` (its identity kept). Reads nothing but headers and tags; a file
// that TagLib and libsndfile cannot open keeps what its name says (decoding may still read it).
SampleRecord readSampleTags(const SampleRecord& listed);
// Completes a Tagged record to Analysed. Audio that cannot be decoded leaves the record Analysed with
// `error` set (the musician sees why; it is not read again until the file changes). Fails only with
// audio::kCancelledMessage.
Result<SampleRecord> analyseSample(SampleRecord tagged, const SampleReadOptions& options = {});
// All three stages; fails when neither tags nor audio can be read (not an audio file).
Result<SampleRecord> readSample(const std::string& path, int64_t fileBytes, int64_t modifiedNs,
                                const SampleReadOptions& options = {});

} // namespace stemcrate::library
