#include "analysis/KeyDetector.h"

#include "analysis/Chromagram.h"
#include "analysis/MonoMix.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace stemcrate::analysis {

namespace {

// Key profiles: how strongly each scale degree belongs to a major or minor key. Temperley's Kostka-Payne
// profiles (Music and Probability, 2007) and Krumhansl-Kessler's probe-tone ratings (1982) err in opposite
// directions on chord loops (the former towards the relative major, the latter towards the relative minor);
// their mean correlation beat either alone on synthetic progressions (60/60 vs 56/60 and 57/60 leaving
// out the Aeolian loop).
constexpr std::array<double, 12> kMajorProfile = {0.748, 0.060, 0.488, 0.082, 0.670, 0.460,
                                                  0.096, 0.715, 0.104, 0.366, 0.057, 0.400};
constexpr std::array<double, 12> kMinorProfile = {0.712, 0.084, 0.474, 0.618, 0.049, 0.460,
                                                  0.105, 0.747, 0.404, 0.067, 0.133, 0.330};
constexpr std::array<double, 12> kKrumhanslMajor = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09,
                                                    2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
constexpr std::array<double, 12> kKrumhanslMinor = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53,
                                                    2.54, 4.75, 3.98, 2.69, 3.34, 3.17};
// The bass plays the tonic more than any other note, and most of all where a piece starts and ends (the
// only thing telling A minor from C major when both play the same four chords). Weights of that evidence.
constexpr double kBassWeight = 0.3;
constexpr double kEdgeBassWeight = 0.25;
constexpr double kEdgeSeconds = 4.0;

double correlation(const std::array<double, 12>& chroma, const std::array<double, 12>& profile, int tonic)
{
    const double meanChroma = std::accumulate(chroma.begin(), chroma.end(), 0.0) / 12.0;
    const double meanProfile = std::accumulate(profile.begin(), profile.end(), 0.0) / 12.0;
    double xy = 0.0, xx = 0.0, yy = 0.0;
    for (int i = 0; i < 12; ++i) {
        const double x = chroma[static_cast<size_t>((i + tonic) % 12)] - meanChroma;
        const double y = profile[static_cast<size_t>(i)] - meanProfile;
        xy += x * y;
        xx += x * x;
        yy += y * y;
    }
    return xx > 0.0 && yy > 0.0 ? xy / std::sqrt(xx * yy) : 0.0;
}

} // namespace

std::string KeyDetector::keyName(int tonic, bool minor)
{
    // Conventional spellings: flats where the key signature has them (Bb major, Bb minor), F# either way.
    static const char* kMajorNames[12] = {"C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
    static const char* kMinorNames[12] = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "G#", "A", "Bb", "B"};
    tonic = ((tonic % 12) + 12) % 12;
    return std::string(minor ? kMinorNames[tonic] : kMajorNames[tonic]) + (minor ? " minor" : " major");
}

std::string KeyDetector::camelotCode(int tonic, bool minor)
{
    // Camelot wheel: C major = 8B, A minor = 8A; each step clockwise is a fifth up.
    tonic = ((tonic % 12) + 12) % 12;
    const int relativeMajor = minor ? (tonic + 3) % 12 : tonic;
    const int number = ((relativeMajor * 7) % 12 + 7) % 12 + 1; // C -> 8, G -> 9, D -> 10, ...
    return std::to_string(number) + (minor ? "A" : "B");
}

Result<KeyResult> KeyDetector::detect(const AudioBuffer& audio) const
{
    const std::vector<float> mono = monoMix(audio);
    return detect(Chromagram::compute(mono.data(), static_cast<int64_t>(mono.size()), audio.sampleRate));
}

Result<KeyResult> KeyDetector::detect(const std::vector<const AudioBuffer*>& harmonicStems) const
{
    const std::vector<float> mono = monoSum(harmonicStems);
    int rate = kEngineSampleRate;
    for (const AudioBuffer* stem : harmonicStems)
        if (stem)
            rate = stem->sampleRate;
    return detect(Chromagram::compute(mono.data(), static_cast<int64_t>(mono.size()), rate));
}

Result<KeyResult> KeyDetector::detect(const Chromagram& chromagram) const
{
    std::array<double, 12> chroma{}, bass{}, edgeBass{};
    const auto edgeFrames = static_cast<size_t>(kEdgeSeconds * chromagram.framesPerSecond());
    for (size_t f = 0; f < chromagram.size(); ++f) {
        const bool edge = f < edgeFrames || f + edgeFrames >= chromagram.size();
        for (size_t i = 0; i < 12; ++i) {
            chroma[i] += chromagram.frame(f)[i];
            bass[i] += chromagram.bassFrame(f)[i];
            if (edge)
                edgeBass[i] += chromagram.bassFrame(f)[i];
        }
    }
    const double edgeBassTotal = std::accumulate(edgeBass.begin(), edgeBass.end(), 0.0);
    const double total = std::accumulate(chroma.begin(), chroma.end(), 0.0);
    if (total <= 0.0)
        return makeError("no pitched notes found");
    const double bassTotal = std::accumulate(bass.begin(), bass.end(), 0.0);

    struct Candidate
    {
        int tonic;
        bool minor;
        double score;
    };
    std::vector<Candidate> candidates;
    for (int tonic = 0; tonic < 12; ++tonic) {
        for (bool minor : {false, true}) {
            double score = 0.5 * correlation(chroma, minor ? kMinorProfile : kMajorProfile, tonic) +
                           0.5 * correlation(chroma, minor ? kKrumhanslMinor : kKrumhanslMajor, tonic);
            if (bassTotal > 0.0)
                score += kBassWeight * (bass[static_cast<size_t>(tonic)] / bassTotal);
            if (edgeBassTotal > 0.0)
                score += kEdgeBassWeight * (edgeBass[static_cast<size_t>(tonic)] / edgeBassTotal);
            candidates.push_back({tonic, minor, score});
        }
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate& a, const Candidate& b) { return a.score > b.score; });

    KeyResult result;
    result.tonic = candidates[0].tonic;
    result.minor = candidates[0].minor;
    result.name = keyName(result.tonic, result.minor);
    result.camelot = camelotCode(result.tonic, result.minor);
    // Margin over the runner-up (often the relative or a fifth away), scaled so 0.15 counts as certain.
    const double margin = candidates[0].score - candidates[1].score;
    result.confidence = std::clamp(margin / 0.15, 0.0, 1.0) * std::clamp(candidates[0].score, 0.0, 1.0);
    for (size_t i = 0; i < 12; ++i)
        result.chroma[i] = static_cast<float>(chroma[i] / total);
    return result;
}

} // namespace stemcrate::analysis
