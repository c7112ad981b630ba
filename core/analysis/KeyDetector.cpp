#include "analysis/KeyDetector.h"

#include "analysis/Chromagram.h"
#include "analysis/MonoMix.h"

#include <algorithm>
#include <cctype>
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
// A phrase starts (and, less reliably in an excerpt, ends) on the tonic chord: the first and last chords
// (as long as the bass holds its note) count by how much of the candidate's tonic triad they sound and
// how strongly their bass sits on the tonic.
constexpr double kStartWeight = 0.3;
constexpr double kEndWeight = 0.1; // an excerpt may stop anywhere
constexpr double kStartBassShare = 0.5;
// Between a key and its relative (same notes) the opening chord weighs this much more.
constexpr double kRelativeStartWeight = 0.5;
constexpr double kMaxChordSeconds = 8.0;

int dominantBass(const Chromagram& c, size_t f)
{
    const auto& b = c.bassFrame(f);
    const auto it = std::max_element(b.begin(), b.end());
    return *it > 0.0f ? static_cast<int>(it - b.begin()) : -1;
}

// The chord at one end of the music: from the first (last) sounding frame while the bass holds its note.
struct EdgeChord
{
    std::array<double, 12> chroma{}, bass{};
    double chromaTotal = 0.0, bassTotal = 0.0;
};

EdgeChord edgeChord(const Chromagram& c, const std::vector<double>& energy, double threshold, bool fromEnd)
{
    EdgeChord chord;
    const size_t n = c.size();
    const auto maxFrames = static_cast<size_t>(std::max(1.0, kMaxChordSeconds * c.framesPerSecond()));
    const auto at = [&](size_t i) { return fromEnd ? n - 1 - i : i; };
    size_t i = 0;
    while (i < n && energy[at(i)] < threshold)
        ++i;
    int root = -1, misses = 0;
    for (size_t taken = 0; i < n && taken < maxFrames; ++i, ++taken) {
        const size_t f = at(i);
        const int b = dominantBass(c, f);
        if (root < 0)
            root = b;
        else if (b >= 0 && b != root) {
            if (++misses >= 2)
                break;
            continue;
        } else
            misses = 0;
        for (size_t k = 0; k < 12; ++k) {
            chord.chroma[k] += c.frame(f)[k];
            chord.bass[k] += c.bassFrame(f)[k];
        }
    }
    chord.chromaTotal = std::accumulate(chord.chroma.begin(), chord.chroma.end(), 0.0);
    chord.bassTotal = std::accumulate(chord.bass.begin(), chord.bass.end(), 0.0);
    return chord;
}

// How much the chord is the tonic triad of (tonic, minor): its share of the chord's notes, and the tonic's
// share of its bass.
double tonicChordEvidence(const EdgeChord& chord, int tonic, bool minor)
{
    if (chord.chromaTotal <= 0.0)
        return 0.0;
    const auto pc = [&](int interval) { return chord.chroma[static_cast<size_t>((tonic + interval) % 12)]; };
    const double triad = (pc(0) + pc(minor ? 3 : 4) + pc(7)) / chord.chromaTotal;
    const double bass = chord.bassTotal > 0.0 ? chord.bass[static_cast<size_t>(tonic)] / chord.bassTotal : 0.0;
    return (1.0 - kStartBassShare) * triad + kStartBassShare * bass;
}

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

std::optional<KeyResult> KeyDetector::fromName(const std::string& text)
{
    std::string t;
    for (char c : text)
        if (c != ' ' && c != '_' && c != '-')
            t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (t.empty())
        return std::nullopt;
    int tonic = 0;
    bool minor = false;
    if (std::isdigit(static_cast<unsigned char>(t[0]))) {
        // Camelot: number 1..12, A (minor) or B (major); 8B = C major, each step a fifth up.
        size_t used = 0;
        const int number = std::stoi(t, &used);
        if (number < 1 || number > 12 || used + 1 != t.size() || (t[used] != 'a' && t[used] != 'b'))
            return std::nullopt;
        minor = t[used] == 'a';
        const int major = ((number - 8) * 7 % 12 + 12) % 12;
        tonic = minor ? (major + 9) % 12 : major;
    } else {
        static const int kLetters[7] = {9, 11, 0, 2, 4, 5, 7}; // a..g
        if (t[0] < 'a' || t[0] > 'g')
            return std::nullopt;
        tonic = kLetters[t[0] - 'a'];
        size_t i = 1;
        if (i < t.size() && (t[i] == '#' || t[i] == 'b')) { // sharp or flat
            tonic += t[i] == '#' ? 1 : -1;
            ++i;
        }
        const std::string mode = t.substr(i);
        if (mode == "m" || mode == "min" || mode == "minor")
            minor = true;
        else if (!(mode.empty() || mode == "maj" || mode == "major"))
            return std::nullopt;
        tonic = (tonic % 12 + 12) % 12;
    }
    KeyResult key;
    key.tonic = tonic;
    key.minor = minor;
    key.name = keyName(tonic, minor);
    key.camelot = camelotCode(tonic, minor);
    key.confidence = 1.0;
    return key;
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
    if (chromagram.size() > 0 && chromagram.tonality() < kMinimumTonality)
        return makeError(kNoTonalContent);
    std::array<double, 12> chroma{}, bass{};
    std::vector<double> energy(chromagram.size());
    double maxEnergy = 0.0;
    for (size_t f = 0; f < chromagram.size(); ++f) {
        for (size_t i = 0; i < 12; ++i) {
            chroma[i] += chromagram.frame(f)[i];
            bass[i] += chromagram.bassFrame(f)[i];
            energy[f] += chromagram.frame(f)[i];
        }
        maxEnergy = std::max(maxEnergy, energy[f]);
    }
    const double total = std::accumulate(chroma.begin(), chroma.end(), 0.0);
    if (total <= 0.0)
        return makeError("no pitched notes found");
    const double bassTotal = std::accumulate(bass.begin(), bass.end(), 0.0);
    const EdgeChord first = edgeChord(chromagram, energy, 0.2 * maxEnergy, false);
    const EdgeChord last = edgeChord(chromagram, energy, 0.2 * maxEnergy, true);

    struct Candidate
    {
        int tonic;
        bool minor;
        double score;
        double pitchScore; // the profiles alone
    };
    std::vector<Candidate> candidates;
    for (int tonic = 0; tonic < 12; ++tonic) {
        for (bool minor : {false, true}) {
            const double pitchScore =
                0.5 * correlation(chroma, minor ? kMinorProfile : kMajorProfile, tonic) +
                0.5 * correlation(chroma, minor ? kKrumhanslMinor : kKrumhanslMajor, tonic);
            double score = pitchScore;
            if (bassTotal > 0.0)
                score += kBassWeight * (bass[static_cast<size_t>(tonic)] / bassTotal);
            score += kStartWeight * tonicChordEvidence(first, tonic, minor);
            score += kEndWeight * tonicChordEvidence(last, tonic, minor);
            candidates.push_back({tonic, minor, score, pitchScore});
        }
    }
    const auto byScore = [](const Candidate& a, const Candidate& b) { return a.score > b.score; };
    std::sort(candidates.begin(), candidates.end(), byScore);
    // A key and its relative share their notes, so the pitch profile hardly tells them apart: there the
    // opening chord (where a phrase sets out from its tonic) gets a stronger say, and only there, so a
    // song starting on another chord is not pulled a fifth away.
    const int relativeTonic = (candidates[0].tonic + (candidates[0].minor ? 3 : 9)) % 12;
    const auto relative = std::find_if(candidates.begin(), candidates.end(), [&](const Candidate& c) {
        return c.tonic == relativeTonic && c.minor != candidates[0].minor;
    });
    for (Candidate* c : {&candidates[0], &*relative})
        c->score += kRelativeStartWeight * tonicChordEvidence(first, c->tonic, c->minor);
    std::sort(candidates.begin(), candidates.end(), byScore);

    KeyResult result;
    result.tonic = candidates[0].tonic;
    result.minor = candidates[0].minor;
    result.name = keyName(result.tonic, result.minor);
    result.camelot = camelotCode(result.tonic, result.minor);
    // Margin over the runner-up (often the relative or a fifth away), scaled so 0.15 counts as certain.
    const double margin = candidates[0].score - candidates[1].score;
    result.confidence = std::clamp(margin / 0.15, 0.0, 1.0) * std::clamp(candidates[0].score, 0.0, 1.0);
    // Where the notes alone favour the relative key and only the bass and the opening chord say otherwise
    // (Am-F-C-G), the call is a musician's judgement, not a certainty: halve the confidence.
    const double ownPitch = candidates[0].pitchScore;
    const auto other = std::find_if(candidates.begin(), candidates.end(), [&](const Candidate& c) {
        return c.tonic == (result.tonic + (result.minor ? 3 : 9)) % 12 && c.minor != result.minor;
    });
    if (other != candidates.end() && other->pitchScore > ownPitch)
        result.confidence *= 0.5;
    for (size_t i = 0; i < 12; ++i)
        result.chroma[i] = static_cast<float>(chroma[i] / total);
    return result;
}

} // namespace stemcrate::analysis
