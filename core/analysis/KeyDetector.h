#pragma once
// KeyDetector: tonic and mode ("F# major", "C minor") from the harmonic part of a song (bass + other
// stems, or the mix). The song's chroma (Chromagram) is correlated with the 24 rotations of major and minor
// key profiles (Temperley's and Krumhansl-Kessler's, averaged); the bass notes' chroma adds weight to the
// tonic, and so do the opening chord (the first sounding chord, as long as its bass note holds) and, less,
// the closing one, by how much they are the candidate's tonic triad over its root. Between a key and its
// relative (same notes: Am-F-C-G vs C major) the opening chord has a stronger say. Confidence grows with the
// margin of the best key over the runner-up, halved where the notes alone favour the relative key. An
// excerpt that starts on another chord than the tonic (vi-IV-V-I) may be read as that chord's key.
// Material without tonal content (drums, noise: Chromagram::tonality() below kMinimumTonality) gets no key:
// detect() returns an error rather than a guess.
//
// Ownership: plain values. Threads: detect() is const and reentrant; call it on a worker thread.
// Units: tonic 0 = C .. 11 = B; confidence in [0, 1].

#include "common/AudioBuffer.h"
#include "common/Result.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace stemcrate::analysis {

class Chromagram;

struct KeyResult
{
    int tonic = 0;
    bool minor = false;
    std::string name;    // e.g. "F# major", "Bb minor"
    std::string camelot; // DJ notation, e.g. "2B", "3A"
    double confidence = 0.0;
    std::array<float, 12> chroma{}; // the song's pitch-class profile (sums to 1), for display
};

class KeyDetector
{
public:
    // Below this Chromagram::tonality() there is no key to find. On the corpus (issue 17) drums-only clips
    // measure 0.00-0.10, clips with a notated key 0.10-0.54.
    static constexpr double kMinimumTonality = 0.12;
    // The message of detect()'s error for material without tonal content.
    static constexpr const char* kNoTonalContent = "no tonal content (drums or noise)";

    Result<KeyResult> detect(const AudioBuffer& audio) const;
    // The sum of several buffers (e.g. the bass and other stems).
    Result<KeyResult> detect(const std::vector<const AudioBuffer*>& harmonicStems) const;
    Result<KeyResult> detect(const Chromagram& chromagram) const;

    static std::string keyName(int tonic, bool minor);
    static std::string camelotCode(int tonic, bool minor);
    // "F# minor", "Bbm", "Eb major", "C", "c#min", or a Camelot code ("8A"): a KeyResult with confidence 1
    // (the musician's word); nothing when the text names no key.
    static std::optional<KeyResult> fromName(const std::string& text);
};

} // namespace stemcrate::analysis
