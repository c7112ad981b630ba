#include "CorpusTruth.h"

#include "analysis/KeyDetector.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace stemcrate::corpus {

namespace {

std::vector<std::string> splitTabs(const std::string& line)
{
    std::vector<std::string> out;
    std::stringstream stream(line);
    std::string field;
    while (std::getline(stream, field, '\t'))
        out.push_back(field);
    return out;
}

bool near(double ratio, double target)
{
    return std::abs(ratio / target - 1.0) < 0.02;
}

} // namespace

std::vector<Clip> readTruth(const std::string& directory, std::string& error)
{
    const std::string path = directory + "/truth.tsv";
    std::ifstream file(path);
    if (!file) {
        error = path + ": cannot be read (run tests/corpus/build_corpus.sh)";
        return {};
    }
    std::string line;
    std::getline(file, line); // header
    std::vector<Clip> clips;
    while (std::getline(file, line)) {
        const std::vector<std::string> f = splitTabs(line);
        if (f.size() < 8) {
            error = path + ": malformed line '" + line + "'";
            return {};
        }
        Clip clip;
        clip.id = f[0];
        if (f[1] != "-") { // "-": no tempo truth (the bar and first beat are "-" too)
            clip.bpm = std::stod(f[1]);
            clip.beatsPerBar = std::stoi(f[2]);
            clip.firstBeatSeconds = std::stod(f[3]);
        }
        if (f[4] != "-") {
            const auto key = analysis::KeyDetector::fromName(f[4]);
            if (!key) {
                error = path + ": unknown key '" + f[4] + "'";
                return {};
            }
            clip.key = std::make_pair(key->tonic, key->minor);
        }
        clip.content = f[5];
        clip.drumsOnly = f[5] == "drums";
        clip.note = f[7];
        clips.push_back(std::move(clip));
    }
    return clips;
}

std::vector<double> notatedBeats(const Clip& clip, double seconds)
{
    std::vector<double> beats;
    if (!clip.hasTempo())
        return beats;
    const double period = 60.0 / clip.bpm;
    for (double t = clip.firstBeatSeconds; t < seconds; t += period)
        beats.push_back(t);
    return beats;
}

TempoClass classifyTempo(double truthBpm, double bpm)
{
    if (std::abs(bpm - truthBpm) <= 0.5)
        return TempoClass::Correct;
    if (bpm <= 0.0)
        return TempoClass::Other;
    const double ratio = bpm / truthBpm;
    if (near(ratio, 2.0) || near(ratio, 0.5))
        return TempoClass::Octave;
    if (near(ratio, 1.5) || near(ratio, 2.0 / 3.0))
        return TempoClass::TwoThree;
    return TempoClass::Other;
}

const char* tempoClassName(TempoClass c)
{
    switch (c) {
    case TempoClass::Correct: return "ok";
    case TempoClass::Octave: return "octave";
    case TempoClass::TwoThree: return "2:3";
    case TempoClass::Other: return "other";
    }
    return "?";
}

double beatFMeasure(const std::vector<double>& beats, const std::vector<double>& truth, double tolerance)
{
    if (beats.empty() || truth.empty())
        return 0.0;
    std::vector<bool> used(beats.size(), false);
    int matched = 0;
    for (double t : truth) {
        // Beats are sorted: the nearest unused one within tolerance.
        auto it = std::lower_bound(beats.begin(), beats.end(), t - tolerance);
        int best = -1;
        double bestError = tolerance;
        for (; it != beats.end() && *it <= t + tolerance; ++it) {
            const auto k = static_cast<size_t>(it - beats.begin());
            if (!used[k] && std::abs(*it - t) <= bestError) {
                bestError = std::abs(*it - t);
                best = static_cast<int>(k);
            }
        }
        if (best >= 0) {
            used[static_cast<size_t>(best)] = true;
            ++matched;
        }
    }
    const double precision = double(matched) / double(beats.size());
    const double recall = double(matched) / double(truth.size());
    return precision + recall > 0.0 ? 2.0 * precision * recall / (precision + recall) : 0.0;
}

KeyRelation classifyKey(std::pair<int, bool> truth, std::optional<std::pair<int, bool>> detected)
{
    if (!detected)
        return KeyRelation::Missing;
    const auto [tonic, minor] = *detected;
    if (tonic == truth.first && minor == truth.second)
        return KeyRelation::Exact;
    const int relative = (truth.first + (truth.second ? 3 : 9)) % 12;
    if (minor != truth.second && tonic == relative)
        return KeyRelation::Relative;
    if (minor == truth.second && (tonic == (truth.first + 7) % 12 || tonic == (truth.first + 5) % 12))
        return KeyRelation::Dominant;
    if (tonic == truth.first)
        return KeyRelation::Parallel;
    return KeyRelation::Other;
}

const char* keyRelationName(KeyRelation r)
{
    switch (r) {
    case KeyRelation::Exact: return "ok";
    case KeyRelation::Relative: return "relative";
    case KeyRelation::Dominant: return "fifth";
    case KeyRelation::Parallel: return "parallel";
    case KeyRelation::Other: return "other";
    case KeyRelation::Missing: return "none";
    }
    return "?";
}

} // namespace stemcrate::corpus
