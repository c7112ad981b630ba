#pragma once
// SampleReader: reads one sample file into a SampleRecord: its tags (TagReader), its audio (core/audio's
// decoder) for the length, loudness and feature vector, and, where the tags are silent, what the file name
// says (FileNameHints) and then a quick analysis (tempo of loops of 4 s or more, key of tonal material).
//
// Precedence, per field: Stemcrate's own tags (STEMCRATE_STEM, STEMCRATE_KIND, STEMCRATE_CLASS,
// STEMCRATE_SOURCE), common tags (BPM/TBPM/TEMPO, INITIALKEY/KEY/TKEY), WAV/AIFF loop and 'acid' chunks,
// the file name, then analysis. Kind without any hint: loop points make a loop, an 'acid' one-shot flag or
// a length under 2 s makes a one-shot.
//
// Ownership: plain values. Threads: reentrant; call on a worker (decodes the whole file).
// Units: seconds, BPM, LUFS. A file whose audio cannot be decoded still yields a record (its tags and name)
// with `error` set; readSample fails only when the file cannot be opened at all.

#include "common/Result.h"
#include "library/SampleFeatures.h"
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
Result<SampleRecord> readSample(const std::string& path, int64_t fileBytes, int64_t modifiedNs,
                                const SampleReadOptions& options = {});

} // namespace stemcrate::library
