#include "CorpusBench.h"

#include "CorpusTruth.h"

#include "analysis/Chromagram.h"
#include "analysis/MonoMix.h"
#include "analysis/OnsetStrength.h"
#include "analysis/TempoEstimator.h"
#include "analysis/TrackAnalyzer.h"
#include "audio/Decoder.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <complex>
#include <cstdio>
#include <fstream>
#include <map>
#include <numbers>
#include <optional>
#include <sstream>
#include <utility>

namespace stemcrate::bench {

namespace {

using corpus::KeyRelation;
using corpus::TempoClass;

struct TempoTally
{
    std::map<TempoClass, int> classes;
    double beatFSum = 0.0;
    int clips = 0;
    void add(TempoClass c, double beatF)
    {
        ++classes[c];
        beatFSum += beatF;
        ++clips;
    }
    double share(TempoClass c) const
    {
        const auto it = classes.find(c);
        return clips ? 100.0 * (it == classes.end() ? 0 : it->second) / clips : 0.0;
    }
};

struct KeyTally
{
    std::map<KeyRelation, int> relations;
    int clips = 0;
    void add(KeyRelation r)
    {
        ++relations[r];
        ++clips;
    }
    int count(KeyRelation r) const
    {
        const auto it = relations.find(r);
        return it == relations.end() ? 0 : it->second;
    }
};

std::string keyText(const std::optional<std::pair<int, bool>>& key)
{
    return key ? analysis::KeyDetector::keyName(key->first, key->second) : std::string("none");
}

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// One clip's line of bench_reference's DIR/reference.tsv.
struct Reference
{
    double qmBpm = 0.0, aubioBpm = 0.0, qmSeconds = 0.0, aubioSeconds = 0.0;
    std::optional<std::pair<int, bool>> qmKey;
    std::vector<double> qmBeats, aubioBeats;
};

std::vector<double> numbers(const std::string& text)
{
    std::vector<double> out;
    std::istringstream stream(text);
    for (double v; stream >> v;)
        out.push_back(v);
    return out;
}

std::map<std::string, Reference> readReference(const std::string& directory)
{
    std::map<std::string, Reference> out;
    std::ifstream file(directory + "/reference.tsv");
    std::string line;
    std::getline(file, line);
    while (std::getline(file, line)) {
        std::vector<std::string> f;
        std::istringstream stream(line);
        for (std::string field; std::getline(stream, field, '\t');)
            f.push_back(field);
        if (f.size() < 6)
            continue;
        f.resize(8);
        Reference r;
        r.qmBpm = std::stod(f[1]);
        r.aubioBpm = std::stod(f[2]);
        if (f[3] != "-")
            r.qmKey = std::make_pair(std::stoi(f[3]), f[3].back() == 'm');
        r.qmSeconds = std::stod(f[4]);
        r.aubioSeconds = std::stod(f[5]);
        r.qmBeats = numbers(f[6]);
        r.aubioBeats = numbers(f[7]);
        out[f[0]] = std::move(r);
    }
    return out;
}

// The corpus' clips, or none after printing why.
std::vector<corpus::Clip> readClips(const std::string& directory)
{
    std::string error;
    std::vector<corpus::Clip> clips = corpus::readTruth(directory, error);
    if (clips.empty())
        std::fprintf(stderr, "error: %s\n", error.empty() ? "empty corpus" : error.c_str());
    return clips;
}

// The clip's audio, or none after printing why.
std::optional<audio::Track> decodeClip(const std::string& directory, const corpus::Clip& clip)
{
    Result<audio::Track> track = audio::decodeFile(directory + "/" + clip.id + ".wav");
    if (!track) {
        std::fprintf(stderr, "error: %s\n", track.error().c_str());
        return std::nullopt;
    }
    return std::move(track).value();
}

} // namespace

bool benchCorpus(const std::string& directory)
{
    const std::vector<corpus::Clip> clips = readClips(directory);
    if (clips.empty())
        return false;
    const std::map<std::string, Reference> references = readReference(directory);
    if (references.empty())
        std::fprintf(stderr, "note: no %s/reference.tsv (run bench_reference %s first); qm-dsp and aubio "
                             "columns stay empty\n", directory.c_str(), directory.c_str());
    std::printf("\n### Corpus: per clip\n\n");
    std::printf("BPM: notated / ours / qm-dsp / aubio (class of ours; `2:3` and `octave` errors apart). "
                "Beat F at +-70 ms against the notated beats. Key: notated / ours (confidence) / qm-dsp.\n\n");
    std::printf("| clip | content | BPM truth | ours | qm-dsp | aubio | ours | beat F ours / qm / aubio | "
                "key truth | ours | conf | tonality | qm-dsp |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    TempoTally ours, qm, aubio;
    std::map<std::string, TempoTally> oursByContent;
    KeyTally oursKey, qmKey;
    int drumsClips = 0, drumsNoKey = 0, qmDrumsNoKey = 0;
    // Confidence bands of our key: [0, .25), [.25, .5), [.5, .75), [.75, 1].
    std::array<int, 4> bandClips{}, bandRight{};
    // Our key per clip, for the transposed variants ("drumless+5": the drumless clip 5 semitones up).
    std::map<std::string, std::optional<std::pair<int, bool>>> keys;
    double oursSeconds = 0.0, qmSeconds = 0.0, aubioSeconds = 0.0, audioSeconds = 0.0;
    for (const corpus::Clip& clip : clips) {
        const std::optional<audio::Track> track = decodeClip(directory, clip);
        if (!track)
            return false;
        const AudioBuffer& audio = track->audio;
        const double seconds = audio.seconds();
        audioSeconds += seconds;
        const std::vector<double> truthBeats = corpus::notatedBeats(clip, seconds);
        const std::vector<float> mono = analysis::monoMix(audio);

        auto start = std::chrono::steady_clock::now();
        const auto result = analysis::TrackAnalyzer().analyze(audio);
        oursSeconds += secondsSince(start);
        const double tonality =
            analysis::Chromagram::compute(mono.data(), static_cast<int64_t>(mono.size()), audio.sampleRate)
                .tonality();
        const auto found = references.find(clip.id);
        const Reference reference = found == references.end() ? Reference{} : found->second;
        qmSeconds += reference.qmSeconds;
        aubioSeconds += reference.aubioSeconds;
        const auto& qmKeyFound = reference.qmKey;

        double bpm = 0.0;
        std::vector<double> beats;
        std::optional<std::pair<int, bool>> key;
        double keyConfidence = 0.0;
        if (result && result->tempo) {
            bpm = result->tempo->bpm;
            for (int64_t f : result->tempo->beatFrames)
                beats.push_back(static_cast<double>(f) / audio.sampleRate);
        }
        if (result && result->key) {
            key = std::make_pair(result->key->tonic, result->key->minor);
            keyConfidence = result->key->confidence;
        }
        keys[clip.id] = key;
        const TempoClass oursClass = corpus::classifyTempo(clip.bpm, bpm);
        const double oursF = corpus::beatFMeasure(beats, truthBeats);
        const double qmF = corpus::beatFMeasure(reference.qmBeats, truthBeats);
        const double aubioF = corpus::beatFMeasure(reference.aubioBeats, truthBeats);
        if (clip.hasTempo()) { // else the notes bear out no beat: nothing to score
            ours.add(oursClass, oursF);
            oursByContent[clip.content].add(oursClass, oursF);
            qm.add(corpus::classifyTempo(clip.bpm, reference.qmBpm), qmF);
            aubio.add(corpus::classifyTempo(clip.bpm, reference.aubioBpm), aubioF);
        }

        std::string keyMark;
        if (clip.key) {
            const KeyRelation r = corpus::classifyKey(*clip.key, key);
            oursKey.add(r);
            qmKey.add(corpus::classifyKey(*clip.key, qmKeyFound));
            keyMark = corpus::keyRelationName(r);
            const int band = std::min(3, static_cast<int>(keyConfidence * 4.0));
            ++bandClips[static_cast<size_t>(band)];
            bandRight[static_cast<size_t>(band)] += r == KeyRelation::Exact;
        } else if (clip.drumsOnly) {
            ++drumsClips;
            drumsNoKey += !key;
            qmDrumsNoKey += !qmKeyFound;
            keyMark = key ? "keyed drums" : "ok";
        }
        std::printf("| %s | %s | %g | %.2f | %.2f | %.2f | %s | %.2f / %.2f / %.2f | %s | %s %s | %.2f | %.2f | %s |\n",
                    clip.id.c_str(), clip.content.c_str(), clip.bpm, bpm, reference.qmBpm, reference.aubioBpm,
                    clip.hasTempo() ? corpus::tempoClassName(oursClass) : "no truth", oursF, qmF, aubioF,
                    clip.key ? keyText(clip.key).c_str() : (clip.drumsOnly ? "(none: drums)" : "-"),
                    keyText(key).c_str(), keyMark.c_str(), keyConfidence, tonality, keyText(qmKeyFound).c_str());
        std::fflush(stdout);
    }

    std::printf("\n### Corpus: tempo and beats\n\n%zu clips, %.0f s of audio.\n\n", clips.size(), audioSeconds);
    std::printf("| detector | within +-0.5 BPM | octave | 2:3 | other | mean beat F (+-70 ms) | seconds |\n"
                "|---|---|---|---|---|---|---|\n");
    const auto tempoRow = [](const char* name, const TempoTally& t, double secs) {
        std::printf("| %s | %.1f %% | %.1f %% | %.1f %% | %.1f %% | %.3f | %.1f |\n", name,
                    t.share(TempoClass::Correct), t.share(TempoClass::Octave), t.share(TempoClass::TwoThree),
                    t.share(TempoClass::Other), t.clips ? t.beatFSum / t.clips : 0.0, secs);
    };
    tempoRow("**ours (TrackAnalyzer)**", ours, oursSeconds);
    tempoRow("qm-dsp TempoTrackV2 (+ key)", qm, qmSeconds);
    tempoRow("aubio tempo", aubio, aubioSeconds);
    for (const auto& [content, tally] : oursByContent) {
        const std::string label = "ours, " + content + " (" + std::to_string(tally.clips) + " clips)";
        tempoRow(label.c_str(), tally, 0.0);
    }

    std::printf("\n### Corpus: key\n\n");
    std::printf("| detector | clips | exact | relative | fifth | parallel | other | none |\n"
                "|---|---|---|---|---|---|---|---|\n");
    const auto keyRow = [](const char* name, const KeyTally& t) {
        std::printf("| %s | %d | %d (%.1f %%) | %d | %d | %d | %d | %d |\n", name, t.clips,
                    t.count(KeyRelation::Exact), t.clips ? 100.0 * t.count(KeyRelation::Exact) / t.clips : 0.0,
                    t.count(KeyRelation::Relative), t.count(KeyRelation::Dominant),
                    t.count(KeyRelation::Parallel), t.count(KeyRelation::Other), t.count(KeyRelation::Missing));
    };
    keyRow("**ours**", oursKey);
    keyRow("qm-dsp GetKeyMode", qmKey);
    std::printf("\nDrums-only clips without a key: ours %d of %d, qm-dsp %d of %d.\n\n", drumsNoKey, drumsClips,
                qmDrumsNoKey, drumsClips);
    // A detector should be transposition-equivariant: a transposed variant's key moves with it, truth or not.
    int transposed = 0, moved = 0;
    std::string wrong;
    for (const corpus::Clip& clip : clips) {
        // The note opens with the variant ("drumless+5"), then what the truth check did ("drumless+5; ...").
        const std::string variant = clip.note.substr(0, clip.note.find(';'));
        const auto shift = variant.rfind("drumless", 0) == 0 && variant.size() > 8
                               ? std::optional<int>(std::stoi(variant.substr(8)))
                               : std::nullopt;
        const std::string base = clip.id.substr(0, clip.id.rfind('_')) + "_drumless";
        if (!shift || !keys.count(base))
            continue;
        ++transposed;
        const auto& from = keys[base];
        const auto& to = keys[clip.id];
        if (from && to && to->second == from->second && (from->first + *shift - to->first) % 12 == 0)
            ++moved;
        else
            wrong += " " + clip.id + " (" + keyText(from) + " -> " + keyText(to) + ")";
    }
    std::printf("Transposed drumless variants whose key moved with them (ours): %d of %d.%s\n\n", moved,
                transposed, wrong.empty() ? "" : (" Not:" + wrong).c_str());
    std::printf("| our key confidence | clips | exact |\n|---|---|---|\n");
    const char* bands[4] = {"0-0.25", "0.25-0.5", "0.5-0.75", "0.75-1"};
    for (size_t b = 0; b < 4; ++b)
        std::printf("| %s | %d | %s |\n", bands[b], bandClips[b],
                    bandClips[b] ? (std::to_string(100 * bandRight[b] / bandClips[b]) + " %").c_str() : "-");
    return true;
}

bool benchCorpusTempo(const std::string& directory, const std::string& otherTruthDirectory)
{
    const std::vector<corpus::Clip> clips = readClips(directory);
    if (clips.empty())
        return false;
    std::map<std::string, corpus::Clip> otherTruth;
    if (!otherTruthDirectory.empty()) {
        const std::vector<corpus::Clip> others = readClips(otherTruthDirectory);
        if (others.empty())
            return false;
        for (const corpus::Clip& clip : others)
            otherTruth[clip.id] = clip;
    }
    std::printf("| clip | content | BPM truth | ours | class | beat F | phase (beats) |\n|---|---|---|---|---|---|---|\n");
    TempoTally ours, oursOther;
    std::map<std::string, TempoTally> oursByContent;
    std::string changed;
    double oursSeconds = 0.0;
    for (const corpus::Clip& clip : clips) {
        const std::optional<audio::Track> track = decodeClip(directory, clip);
        if (!track)
            return false;
        const AudioBuffer& audio = track->audio;
        const std::vector<double> truthBeats = corpus::notatedBeats(clip, audio.seconds());
        const auto start = std::chrono::steady_clock::now();
        const std::vector<float> mono = analysis::monoMix(audio);
        const auto envelope =
            analysis::OnsetStrength::compute(mono.data(), static_cast<int64_t>(mono.size()), audio.sampleRate);
        const auto tempo = analysis::TempoEstimator().estimate(envelope);
        oursSeconds += secondsSince(start);
        double bpm = 0.0;
        std::vector<double> beats;
        if (tempo) {
            bpm = tempo->bpm;
            for (int64_t f : tempo->beatFrames)
                beats.push_back(static_cast<double>(f) / audio.sampleRate);
        }
        // The same estimate scored against the other truth table, where it holds a tempo for the clip.
        const auto other = otherTruth.find(clip.id);
        if (other != otherTruth.end() && other->second.hasTempo()) {
            const std::vector<double> otherBeats = corpus::notatedBeats(other->second, audio.seconds());
            oursOther.add(corpus::classifyTempo(other->second.bpm, bpm), corpus::beatFMeasure(beats, otherBeats));
        }
        if (other != otherTruth.end() &&
            (other->second.bpm != clip.bpm || other->second.firstBeatSeconds != clip.firstBeatSeconds ||
             other->second.beatsPerBar != clip.beatsPerBar)) {
            char line[256];
            std::snprintf(line, sizeof line, "| %s | %g, %d, %g s | %g, %d, %g s | %.2f |\n", clip.id.c_str(),
                          other->second.bpm, other->second.beatsPerBar, other->second.firstBeatSeconds, clip.bpm,
                          clip.beatsPerBar, clip.firstBeatSeconds, bpm);
            changed += line;
        }
        if (!clip.hasTempo()) {
            std::printf("| %s | %s | - | %.2f | no truth | - | - |\n", clip.id.c_str(), clip.content.c_str(), bpm);
            continue;
        }
        // Where our beats sit on the notated grid: their circular mean offset, in beats.
        std::complex<double> direction = 0.0;
        for (double b : beats)
            direction += std::polar(1.0, 2.0 * std::numbers::pi * (b - clip.firstBeatSeconds) * clip.bpm / 60.0);
        const double phase = std::arg(direction) / (2.0 * std::numbers::pi);
        const TempoClass c = corpus::classifyTempo(clip.bpm, bpm);
        const double f = corpus::beatFMeasure(beats, truthBeats);
        ours.add(c, f);
        oursByContent[clip.content].add(c, f);
        std::printf("| %s | %s | %g | %.2f | %s | %.2f | %+.2f |\n", clip.id.c_str(), clip.content.c_str(), clip.bpm,
                    bpm, corpus::tempoClassName(c), f, phase);
        std::fflush(stdout);
    }
    std::printf("\n| detector | within +-0.5 BPM | octave | 2:3 | other | mean beat F (+-70 ms) | seconds |\n"
                "|---|---|---|---|---|---|---|\n");
    const auto tempoRow = [](const std::string& name, const TempoTally& t, double secs) {
        std::printf("| %s | %.1f %% | %.1f %% | %.1f %% | %.1f %% | %.3f | %.1f |\n", name.c_str(),
                    t.share(TempoClass::Correct), t.share(TempoClass::Octave), t.share(TempoClass::TwoThree),
                    t.share(TempoClass::Other), t.clips ? t.beatFSum / t.clips : 0.0, secs);
    };
    tempoRow("ours (TempoEstimator on the mix)", ours, oursSeconds);
    for (const auto& [content, tally] : oursByContent)
        tempoRow("ours, " + content + " (" + std::to_string(tally.clips) + " clips)", tally, 0.0);
    if (otherTruthDirectory.empty())
        return true;
    tempoRow("the same estimates against " + otherTruthDirectory + "/truth.tsv (" +
                 std::to_string(oursOther.clips) + " clips)", oursOther, 0.0);
    std::printf("\nTruths that differ (BPM, beats per bar, first beat; 0: none):\n\n"
                "| clip | %s | %s | ours (BPM) |\n|---|---|---|---|\n%s",
                otherTruthDirectory.c_str(), directory.c_str(),
                changed.empty() ? "| (none) | | | |\n" : changed.c_str());
    return true;
}

} // namespace stemcrate::bench
