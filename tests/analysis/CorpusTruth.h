#pragma once
// CorpusTruth: the evaluation corpus's truth table (tests/corpus/build_corpus.sh writes OUT/truth.tsv) and
// the scores bench_analysis and tst_analysis_corpus share: tempo error classes, beat F-measure, key
// relations. Plain values; any thread. Units: seconds, BPM.

#include <optional>
#include <string>
#include <vector>

namespace stemcrate::corpus {

struct Clip
{
    std::string id;
    double bpm = 0.0; // 0: no tempo truth ("-": the notes bear out no beat, tests/corpus/beat_periods.py)
    int beatsPerBar = 4;
    double firstBeatSeconds = 0.0;
    std::optional<std::pair<int, bool>> key; // tonic 0 = C, minor; none for material without a key truth
    bool drumsOnly = false;                 // content "drums": no tonal content, the right key is none
    std::string content;                    // "drums", "drumless" or "full"
    std::string note;

    bool hasTempo() const { return bpm > 0.0; }
};

// Reads DIR/truth.tsv; an empty vector with `error` set when it is missing or malformed.
std::vector<Clip> readTruth(const std::string& directory, std::string& error);

// The notated beats of a clip `seconds` long; none without a tempo truth.
std::vector<double> notatedBeats(const Clip& clip, double seconds);

enum class TempoClass { Correct, Octave, TwoThree, Other };
// Correct: within +-0.5 BPM. Octave: x2 or /2, 2:3: x3/2 or x2/3 (within 2 %). Anything else: Other.
TempoClass classifyTempo(double truthBpm, double bpm);
const char* tempoClassName(TempoClass c);

// F-measure of beats against the notated ones, +-tolerance seconds, one-to-one.
double beatFMeasure(const std::vector<double>& beats, const std::vector<double>& truth, double tolerance = 0.07);

enum class KeyRelation { Exact, Relative, Dominant, Parallel, Other, Missing };
// Dominant: a fifth up or down, same mode. Missing: no key reported where there is one.
KeyRelation classifyKey(std::pair<int, bool> truth, std::optional<std::pair<int, bool>> detected);
const char* keyRelationName(KeyRelation r);

} // namespace stemcrate::corpus
