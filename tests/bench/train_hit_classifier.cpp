// train_hit_classifier: grows the one-shot classifier's model (core/mining/HitClassifierModel.h) from hits
// rendered from the TUNING kits of Debian's hydrogen-drumkits only (never the held-out ones):
//   - every layer of every typed instrument alone, at two gains and three pitches (resampled +-1 semitone),
//   - grooves (DrumGrooves, seeds other than bench_mining's and the tests'), where tails overlap the next
//   hits.
// Each is mined with OneShotMiner (the same detection and features as in use) and matched to its true hit.
// The model is a multinomial logistic regression over standardised modelInputs (each hit's classifierInputs,
// and the same less its buffer's medians; isolated layers against a groove of their kit) with an L2 penalty.
// Settings were chosen by the leave-one-kit-out figure (BENCHMARKS.md lists each): the isolated layers weigh
// 0.3 of a groove hit, reweighted to the grooves' class priors. It prints the leave-one-kit-out accuracy
// (kick, snare, hats; groove hits of the left-out kit) and writes the model trained on all tuning kits to
// the given header. The hat stage (HitClassifier.h) is trained beside it on the true hats, each against the
// median of its buffer's true hats, and scored as classifyHits uses it. `--room-grooves N`: N grooves per kit
// played in a synthetic room (GrooveVariants), scored apart on the left-out kit, trained on only with
// `--train-in-room`: how the model holds up when every sound of a kit rings longer than in the tuning set.
//
//   train_hit_classifier [--l2 L] [--iterations N] [--isolated-weight W] [--natural-priors] [--balanced]
//                        [--isolated-own-context] [--eq-grooves N] [--room-grooves N] [--train-in-room]
//                        [--no-hat-stage] [--cache FILE] [--dump-audio FILE] [OUTPUT.h]

#include "DrumGrooves.h"
#include "GrooveVariants.h"
#include "HatStageTraining.h"
#include "HitAudioDump.h"

#include "mining/HitClassifier.h"
#include "mining/OneShotMiner.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <numeric>
#include <random>
#include <string>

using namespace stemcrate;
using mining::HitClass;
using testing::equalised;
using testing::inRoom;
using testing::isolatedLayers;

namespace {

constexpr std::array<HitClass, 8> kModelClasses = {HitClass::Kick,      HitClass::Snare,   HitClass::Clap,
                                                   HitClass::HatClosed, HitClass::HatOpen, HitClass::Cymbal,
                                                   HitClass::Tom,       HitClass::Perc};
constexpr int kClasses = static_cast<int>(kModelClasses.size());
constexpr int kInputs = mining::kModelInputs;
using Inputs = std::array<double, kInputs>;

struct Example
{
    int kit = 0;
    int label = 0; // index into kModelClasses
    bool inGroove = false;
    bool tonal = false; // the tonal rule fires: the model is not asked
    Inputs x{};
    bool augmented = false; // from an equalised groove (--eq-grooves): trained on, never scored
    bool inRoom = false;    // from a groove played in a synthetic room (--room-grooves): scored apart
    int stem = -1;          // the buffer it was mined from (its hats' median is taken at scoring)
    std::array<double, mining::kHatModelInputs> hatX{}; // against its buffer's true hats (training)
};

int labelOf(HitClass c)
{
    for (int i = 0; i < kClasses; ++i)
        if (kModelClasses[static_cast<size_t>(i)] == c)
            return i;
    return -1;
}

bool scored(int label)
{
    const HitClass c = kModelClasses[static_cast<size_t>(label)];
    return c == HitClass::Kick || c == HitClass::Snare || c == HitClass::HatClosed || c == HitClass::HatOpen;
}

std::array<double, mining::kClassifierInputs> ownInputs(const Example& e)
{
    std::array<double, mining::kClassifierInputs> own{};
    std::copy(e.x.begin(), e.x.begin() + own.size(), own.begin());
    return own;
}

std::ofstream g_audioDump; // --dump-audio: every matched hit's audio (HitAudioDump)

// Every matched hit, its inputs relative to the whole buffer's hits (as OneShotMiner classifies them), or to
// `context` when given (isolated layers: a groove of the same kit, the stem they would sound in); its hat
// inputs against the median of the buffer's true hats (or the given context's). Returns the buffer's own
// contexts.
bool g_isolatedInGrooveContext = true;

struct Contexts
{
    mining::StemContext stem{};
    mining::HatContext hats{};
};

Contexts collect(const testing::Groove& groove, int kit, bool inGroove, std::vector<Example>& examples,
                 const Contexts* givenContext = nullptr)
{
    static int nextStem = 0;
    Result<mining::OneShotResult> result = mining::OneShotMiner().mine(groove.audio);
    if (!result)
        return {};
    std::vector<const mining::SampleFeatures*> stem;
    for (const mining::OneShot& shot : result->hits)
        stem.push_back(&shot.features);
    Contexts own;
    own.stem = mining::stemMedians(stem);
    const mining::StemContext& context = givenContext ? givenContext->stem : own.stem;
    const int64_t tolerance = kEngineSampleRate / 100;
    const size_t first = examples.size();
    std::vector<std::array<double, mining::kClassifierInputs>> hats;
    const int stemId = nextStem++;
    for (const testing::TrueHit& truth : groove.hits) {
        const int label = labelOf(truth.hitClass);
        const mining::OneShot* nearest = testing::nearestShot(result.value(), truth.frame, tolerance);
        if (label < 0 || !nearest)
            continue;
        if (g_audioDump.is_open())
            testing::writeHitAudio(g_audioDump, groove.audio, *nearest, mining::OneShotOptions().featureSeconds, kit,
                                   truth.hitClass, inGroove);
        examples.push_back({kit, label, inGroove, mining::looksTonal(nearest->features),
                            mining::modelInputs(nearest->features, context)});
        examples.back().stem = stemId;
        if (truth.hitClass == HitClass::HatClosed || truth.hitClass == HitClass::HatOpen)
            hats.push_back(mining::classifierInputs(nearest->features));
    }
    own.hats = mining::hatMedians(hats);
    const mining::HatContext& hatContext = givenContext ? givenContext->hats : own.hats;
    for (size_t i = first; i < examples.size(); ++i)
        examples[i].hatX = mining::hatModelInputs(ownInputs(examples[i]), hatContext);
    return own;
}

struct Model
{
    Inputs mean{}, scale{};
    std::array<Inputs, kClasses> weights{};
    std::array<double, kClasses> bias{};

    std::array<double, kClasses> logits(const Inputs& x) const
    {
        std::array<double, kClasses> logit = bias;
        for (int c = 0; c < kClasses; ++c)
            for (int i = 0; i < kInputs; ++i)
                logit[static_cast<size_t>(c)] += weights[static_cast<size_t>(c)][static_cast<size_t>(i)] *
                                                 (x[static_cast<size_t>(i)] - mean[static_cast<size_t>(i)]) /
                                                 scale[static_cast<size_t>(i)];
        return logit;
    }

    int predict(const Inputs& x) const
    {
        const std::array<double, kClasses> logit = logits(x);
        return static_cast<int>(std::max_element(logit.begin(), logit.end()) - logit.begin());
    }
};

// Softmax regression by full-batch Adam on class-balanced cross-entropy plus l2 * |W|^2.
double g_isolatedWeight = 0.3; // relative weight of the isolated layers against groove hits
// Isolated layers come in the kits' proportions (many toms and cymbals); weighted so that their classes come
// as often as in the grooves, they add sounds without teaching the model a drum kit's instrument count.
bool g_groovePriors = true; // --natural-priors: off
bool g_trainInRoom =
    false; // --train-in-room: the room grooves are trained on too (scored on the left-out kit)
double g_priorPower = 1.0;  // --prior-power P: the reweighting ratio raised to P (0.5: half way, in log terms)

Model train(const std::vector<const Example*>& set, double l2, int iterations, bool balanced)
{
    Model m;
    const double n = static_cast<double>(set.size());
    for (const Example* e : set)
        for (int i = 0; i < kInputs; ++i)
            m.mean[static_cast<size_t>(i)] += e->x[static_cast<size_t>(i)] / n;
    for (const Example* e : set)
        for (int i = 0; i < kInputs; ++i)
            m.scale[static_cast<size_t>(i)] += std::pow(e->x[static_cast<size_t>(i)] - m.mean[static_cast<size_t>(i)], 2) / n;
    for (double& s : m.scale)
        s = std::max(1e-6, std::sqrt(s));
    std::array<double, kClasses> count{};
    for (const Example* e : set)
        ++count[static_cast<size_t>(e->label)];
    std::array<double, kClasses> classWeight{};
    int present = 0;
    for (double c : count)
        present += c > 0;
    for (int c = 0; c < kClasses; ++c)
        classWeight[static_cast<size_t>(c)] = !balanced ? 1.0 : count[static_cast<size_t>(c)] > 0 ? n / (present * count[static_cast<size_t>(c)]) : 0.0;

    std::array<double, kClasses> grooveCount{}, isolatedCount{}, isolatedClassWeight{};
    for (const Example* e : set)
        ++(e->inGroove ? grooveCount : isolatedCount)[static_cast<size_t>(e->label)];
    const double grooveTotal = std::accumulate(grooveCount.begin(), grooveCount.end(), 0.0);
    const double isolatedTotal = std::accumulate(isolatedCount.begin(), isolatedCount.end(), 0.0);
    for (size_t c = 0; c < kClasses; ++c)
        isolatedClassWeight[c] = !g_groovePriors || grooveCount[c] == 0 || isolatedCount[c] == 0
                                     ? 1.0
                                     : std::pow((grooveCount[c] / grooveTotal) / (isolatedCount[c] / isolatedTotal), g_priorPower);

    std::vector<Inputs> z(set.size());
    for (size_t k = 0; k < set.size(); ++k)
        for (int i = 0; i < kInputs; ++i)
            z[k][static_cast<size_t>(i)] = (set[k]->x[static_cast<size_t>(i)] - m.mean[static_cast<size_t>(i)]) / m.scale[static_cast<size_t>(i)];
    constexpr int kParams = kClasses * (kInputs + 1);
    std::array<double, kParams> first{}, second{};
    const double rate = 0.05, beta1 = 0.9, beta2 = 0.999;
    for (int step = 1; step <= iterations; ++step) {
        std::array<Inputs, kClasses> gw{};
        std::array<double, kClasses> gb{};
        for (size_t k = 0; k < set.size(); ++k) {
            std::array<double, kClasses> p{};
            double largest = -1e300;
            for (int c = 0; c < kClasses; ++c) {
                double logit = m.bias[static_cast<size_t>(c)];
                for (int i = 0; i < kInputs; ++i)
                    logit += m.weights[static_cast<size_t>(c)][static_cast<size_t>(i)] * z[k][static_cast<size_t>(i)];
                p[static_cast<size_t>(c)] = logit;
                largest = std::max(largest, logit);
            }
            double total = 0.0;
            for (double& v : p)
                total += (v = std::exp(v - largest));
            const double w = classWeight[static_cast<size_t>(set[k]->label)] / n * (set[k]->inGroove ? 1.0 : g_isolatedWeight * isolatedClassWeight[static_cast<size_t>(set[k]->label)]);
            for (int c = 0; c < kClasses; ++c) {
                const double d = w * (p[static_cast<size_t>(c)] / total - (c == set[k]->label ? 1.0 : 0.0));
                gb[static_cast<size_t>(c)] += d;
                for (int i = 0; i < kInputs; ++i)
                    gw[static_cast<size_t>(c)][static_cast<size_t>(i)] += d * z[k][static_cast<size_t>(i)];
            }
        }
        for (int c = 0; c < kClasses; ++c) {
            for (int i = 0; i <= kInputs; ++i) {
                const size_t at = static_cast<size_t>(c * (kInputs + 1) + i);
                double& param = i < kInputs ? m.weights[static_cast<size_t>(c)][static_cast<size_t>(i)] : m.bias[static_cast<size_t>(c)];
                const double g = i < kInputs ? gw[static_cast<size_t>(c)][static_cast<size_t>(i)] + 2.0 * l2 * param : gb[static_cast<size_t>(c)];
                first[at] = beta1 * first[at] + (1 - beta1) * g;
                second[at] = beta2 * second[at] + (1 - beta2) * g * g;
                const double mh = first[at] / (1 - std::pow(beta1, step)), vh = second[at] / (1 - std::pow(beta2, step));
                param -= rate * mh / (std::sqrt(vh) + 1e-8);
            }
        }
    }
    return m;
}

// The hat stage from the true hats of the set (HatStageTraining), isolated layers weighted g_isolatedWeight.
testing::HatModel trainHat(const std::vector<const Example*>& all, double l2, int iterations)
{
    std::vector<testing::HatSample> hats;
    for (const Example* e : all) {
        const HitClass c = kModelClasses[static_cast<size_t>(e->label)];
        if (c == HitClass::HatClosed || c == HitClass::HatOpen)
            hats.push_back({e->hatX, c == HitClass::HatOpen, e->inGroove ? 1.0 : g_isolatedWeight});
    }
    return testing::trainHatModel(hats, l2, iterations);
}

// The left-out kit's groove hits as classifyHits types them: the regression, then (--no-hat-stage: not) the
// hat's kind from the regression and the hat stage against the median of each buffer's hits that the
// regression calls hats (their log-odds averaged). -1: tonal. Unlike classifyHits, the median is over the
// matched hits only (no false detections).
bool g_hatStage = true;

std::vector<int> predictKit(const std::vector<Example>& examples, int kit, const Model& m,
                            const testing::HatModel& hat)
{
    std::vector<int> got(examples.size(), -1);
    std::map<int, std::vector<size_t>> hatsOfStem;
    std::map<int, size_t> hitsOfStem;
    for (size_t i = 0; i < examples.size(); ++i) {
        const Example& e = examples[i];
        if (e.kit != kit || !e.inGroove)
            continue;
        got[i] = e.tonal ? -1 : m.predict(e.x);
        ++hitsOfStem[e.stem];
        if (got[i] >= 0 && (kModelClasses[static_cast<size_t>(got[i])] == HitClass::HatClosed ||
                            kModelClasses[static_cast<size_t>(got[i])] == HitClass::HatOpen))
            hatsOfStem[e.stem].push_back(i);
    }
    for (const auto& [stem, hats] : hatsOfStem) {
        if (!g_hatStage || hats.size() < mining::kMinimumHats ||
            hitsOfStem[stem] < mining::kMinimumContextHits)
            continue;
        std::vector<std::array<double, mining::kClassifierInputs>> inputs;
        for (size_t i : hats)
            inputs.push_back(ownInputs(examples[i]));
        const mining::HatContext context = mining::hatMedians(inputs);
        for (size_t i : hats) {
            // The regression's P(open | hat): a softmax over the two hat classes alone.
            const std::array<double, kClasses> logit = m.logits(examples[i].x);
            const double regression =
                1.0 / (1.0 + std::exp(logit[static_cast<size_t>(labelOf(HitClass::HatClosed))] -
                                      logit[static_cast<size_t>(labelOf(HitClass::HatOpen))]));
            const double open = mining::blendedOpenProbability(
                regression, hat.openProbability(mining::hatModelInputs(ownInputs(examples[i]), context)));
            got[i] = labelOf(open > 0.5 ? HitClass::HatOpen : HitClass::HatClosed);
        }
    }
    return got;
}

// The context a sound gets when its stem is too short to give one: the mean over the training grooves' hits.
std::array<double, mining::kClassifierInputs> typicalContext(const std::vector<Example>& examples)
{
    std::array<double, mining::kClassifierInputs> context{};
    int grooveHits = 0;
    for (const Example& e : examples) {
        if (!e.inGroove || (e.inRoom && !g_trainInRoom))
            continue;
        ++grooveHits;
        for (size_t i = 0; i < context.size(); ++i)
            context[i] += e.x[i] - e.x[context.size() + i]; // own - (own - context)
    }
    for (double& v : context)
        v /= std::max(1, grooveHits);
    return context;
}

bool writeHeader(const Model& m, const testing::HatModel& hat,
                 const std::array<double, mining::kClassifierInputs>& typical, const std::string& path,
                 double l2, size_t examples)
{
    std::ofstream out(path);
    const auto row = [&](const auto& values) {
        std::string text = "{";
        for (size_t i = 0; i < values.size(); ++i) {
            char number[32];
            std::snprintf(number, sizeof number, "%s%.6g", i ? ", " : "", values[i]);
            text += number;
        }
        return text + "}";
    };
    out << "#pragma once\n// Generated by tests/bench/train_hit_classifier (l2 " << l2 << ", isolated layers weighted "
        << g_isolatedWeight << (g_groovePriors ? " to the grooves' class priors" : "") << ", " << examples
        << " hits of the tuning kits); do not edit.\n// HitClassifier's logistic regression: logit[c] = kBias[c] + "
           "sum_i kWeights[c][i] * (x[i] - kMean[i]) / kScale[i];\n// x = modelInputs (the hit's inputs, then less its stem's medians); kTypicalContext stands in for the\n// medians of a stem too short to give them.\n\n#include \"mining/HitClass.h\"\n\n#include "
           "<array>\n\nnamespace stemcrate::mining::model {\n\ninline constexpr int kInputs = "
        << kInputs << ";\ninline constexpr std::array<HitClass, " << kClasses << "> kClasses = {";
    for (int c = 0; c < kClasses; ++c)
        out << (c ? ", " : "") << "HitClass::" << (const char*[]){"Kick", "Snare", "Clap", "HatClosed", "HatOpen", "Cymbal", "Tom", "Perc"}[c];
    out << "};\ninline constexpr std::array<double, kInputs / 2> kTypicalContext = " << row(typical)
        << ";\ninline constexpr std::array<double, kInputs> kMean = " << row(m.mean)
        << ";\ninline constexpr std::array<double, kInputs> kScale = " << row(m.scale)
        << ";\ninline constexpr std::array<double, " << kClasses << "> kBias = " << row(m.bias)
        << ";\ninline constexpr std::array<std::array<double, kInputs>, " << kClasses << "> kWeights = {{\n";
    for (int c = 0; c < kClasses; ++c)
        out << "    " << row(m.weights[static_cast<size_t>(c)]) << ",\n";
    out << "}};\n// The hat stage (HitClassifier.h): P(open) = 1 / (1 + exp(-(kHatBias + sum_i "
           "kHatWeights[i] * (x[i] - "
           "kHatMean[i]) / kHatScale[i])));\n// x = hatModelInputs (the hat's decay inputs, then less the "
           "median of its stem's "
           "hats).\ninline constexpr int kHatInputs = "
        << mining::kHatModelInputs
        << ";\ninline constexpr std::array<double, kHatInputs> kHatMean = " << row(hat.mean)
        << ";\ninline constexpr std::array<double, kHatInputs> kHatScale = " << row(hat.scale)
        << ";\ninline constexpr double kHatBias = " <<
        [&] {
            const std::string one = row(std::array<double, 1>{hat.bias});
            return one.substr(1, one.size() - 2);
        }()
        << ";\ninline constexpr std::array<double, kHatInputs> kHatWeights = " << row(hat.weights)
        << ";\n\n} // namespace stemcrate::mining::model\n";
    return static_cast<bool>(out);
}

} // namespace

int main(int argc, char** argv)
{
    double l2 = 1e-2;
    int iterations = 400;
    std::string output, cache;
    int roomGrooves = 0; // per kit, grooves in a synthetic room: scored apart (leave-one-kit-out in a room)
    int eqGrooves = 0; // per kit, equalised grooves besides the plain ones (tried: no better, BENCHMARKS.md)
    bool balanced = false; // natural priors: classes as often as in the material (--balanced: equal)
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--l2") && i + 1 < argc)
            l2 = std::atof(argv[++i]);
        else if (!std::strcmp(argv[i], "--cache") && i + 1 < argc)
            cache = argv[++i];
        else if (!std::strcmp(argv[i], "--isolated-weight") && i + 1 < argc)
            g_isolatedWeight = std::atof(argv[++i]);
        else if (!std::strcmp(argv[i], "--dump-audio") && i + 1 < argc)
            g_audioDump.open(argv[++i], std::ios::binary);
        else if (!std::strcmp(argv[i], "--isolated-own-context"))
            g_isolatedInGrooveContext = false;
        else if (!std::strcmp(argv[i], "--prior-power") && i + 1 < argc)
            g_priorPower = std::atof(argv[++i]);
        else if (!std::strcmp(argv[i], "--natural-priors"))
            g_groovePriors = false;
        else if (!std::strcmp(argv[i], "--eq-grooves") && i + 1 < argc)
            eqGrooves = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--room-grooves") && i + 1 < argc)
            roomGrooves = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--no-hat-stage"))
            g_hatStage = false;
        else if (!std::strcmp(argv[i], "--train-in-room"))
            g_trainInRoom = true;
        else if (!std::strcmp(argv[i], "--balanced"))
            balanced = true;
        else if (!std::strcmp(argv[i], "--iterations") && i + 1 < argc)
            iterations = std::atoi(argv[++i]);
        else
            output = argv[i];
    }
    std::vector<std::string> kits = testing::tuningKits();
    kits.push_back("Gimme A Hand 1.0"); // claps and hand percussion only: no grooves of kick, snare and hats
    std::vector<Example> examples;
    if (std::ifstream in{cache, std::ios::binary}; !cache.empty() && in) {
        Example e;
        while (in.read(reinterpret_cast<char*>(&e), sizeof e))
            examples.push_back(e);
    }
    const bool cached = !examples.empty();
    for (size_t k = 0; k < kits.size() && !cached; ++k) {
        Result<testing::DrumKit> kit = testing::loadHydrogenKit(std::string(testing::kHydrogenKitsFolder) + "/" + kits[k]);
        if (!kit) {
            std::fprintf(stderr, "error: %s\n", kit.error().c_str());
            return 1;
        }
        Contexts grooveContext{};
        for (uint32_t seed = 5000; seed < 5004; ++seed) {
            const Contexts context =
                collect(testing::makeGroove(kit.value(), 8, seed), static_cast<int>(k), true, examples);
            if (seed == 5000)
                grooveContext = context;
        }
        // Grooves of other seeds made into another recording of the kit, each hit marked as such.
        const auto addVariants = [&](int count, uint32_t firstSeed, uint32_t seedFactor,
                                     testing::Groove (*variant)(testing::Groove, uint32_t),
                                     bool Example::*mark) {
            for (int g = 0; g < count; ++g) {
                const size_t from = examples.size();
                const auto seed = firstSeed + static_cast<uint32_t>(g);
                collect(variant(testing::makeGroove(kit.value(), 8, seed),
                                seed * seedFactor + static_cast<uint32_t>(k)),
                        static_cast<int>(k), true, examples);
                for (size_t i = from; i < examples.size(); ++i)
                    examples[i].*mark = true;
            }
        };
        addVariants(eqGrooves, 6000, 31u, &equalised, &Example::augmented);
        addVariants(roomGrooves, 7000, 37u, &inRoom, &Example::inRoom);
        for (float gain : {0.25f, 1.0f})
            for (double pitch : {0.944, 1.0, 1.059})
                collect(isolatedLayers(kit.value(), gain, pitch), static_cast<int>(k), false, examples,
                        g_isolatedInGrooveContext ? &grooveContext : nullptr);
        std::fprintf(stderr, "%s: %zu hits so far\n", kits[k].c_str(), examples.size());
        if (k + 1 == kits.size() && !cache.empty()) {
            std::ofstream out(cache, std::ios::binary);
            out.write(reinterpret_cast<const char*>(examples.data()), static_cast<std::streamsize>(examples.size() * sizeof(Example)));
        }
    }

    std::printf("| left-out kit | groove hits scored | class accuracy (kick, snare, hats) | hat kind swapped |\n|---|---|---|---|\n");
    int allScored = 0, allRight = 0, allSwaps = 0, roomScored = 0, roomRight = 0;
    int confusion[kClasses][kClasses + 1] = {};
    for (size_t k = 0; k < kits.size(); ++k) {
        std::vector<const Example*> set;
        for (const Example& e : examples)
            if (e.kit != static_cast<int>(k) && (!e.inRoom || g_trainInRoom))
                set.push_back(&e);
        const Model m = train(set, l2, iterations, balanced);
        const std::vector<int> predicted =
            predictKit(examples, static_cast<int>(k), m, trainHat(set, l2, iterations));
        int scoredHits = 0, right = 0, swaps = 0;
        for (size_t i = 0; i < examples.size(); ++i) {
            const Example& e = examples[i];
            if (e.kit != static_cast<int>(k) || !e.inGroove || e.augmented || !scored(e.label))
                continue;
            const int got = predicted[i];
            if (e.inRoom) {
                ++roomScored;
                roomRight += got == e.label;
                continue;
            }
            ++scoredHits;
            right += got == e.label;
            ++confusion[e.label][got < 0 ? kClasses : got];
            const HitClass want = kModelClasses[static_cast<size_t>(e.label)];
            swaps += got >= 0 && ((want == HitClass::HatClosed && kModelClasses[static_cast<size_t>(got)] == HitClass::HatOpen) ||
                                  (want == HitClass::HatOpen && kModelClasses[static_cast<size_t>(got)] == HitClass::HatClosed));
        }
        if (!scoredHits)
            continue;
        std::printf("| %s | %d | %.1f %% | %.1f %% |\n", kits[k].c_str(), scoredHits, 100.0 * right / scoredHits,
                    100.0 * swaps / scoredHits);
        allScored += scoredHits;
        allRight += right;
        allSwaps += swaps;
    }
    std::printf("| **all (leave-one-kit-out)** | %d | **%.1f %%** | %.1f %% |\n", allScored,
                100.0 * allRight / std::max(1, allScored), 100.0 * allSwaps / std::max(1, allScored));
    if (roomScored)
        std::printf("| (the same kits' grooves in a synthetic room, %s) | %d | %.1f %% | |\n",
                    g_trainInRoom ? "other grooves in rooms trained on" : "not trained on", roomScored,
                    100.0 * roomRight / roomScored);
    std::fprintf(stderr, "leave-one-kit-out confusion (rows true kick, snare, hat_closed, hat_open; columns kick snare clap hc ho cym tom perc tonal)\n");
    for (int c = 0; c < kClasses; ++c) {
        if (!scored(c))
            continue;
        for (int g = 0; g <= kClasses; ++g)
            std::fprintf(stderr, "%5d", confusion[c][g]);
        std::fprintf(stderr, "\n");
    }
    if (output.empty())
        return 0;
    std::vector<const Example*> all;
    for (const Example& e : examples)
        if (!e.inRoom || g_trainInRoom)
            all.push_back(&e);
    if (!writeHeader(train(all, l2, iterations, balanced), trainHat(all, l2, iterations),
                     typicalContext(examples), output, l2, all.size())) {
        std::fprintf(stderr, "error: '%s': cannot write\n", output.c_str());
        return 1;
    }
    return 0;
}
