// bench_mining: one-shot mining accuracy on grooves sequenced from real drum-kit samples (Debian's
// hydrogen-drumkits), on the kits the classifier was tuned on and on held-out kits. Prints the
// BENCHMARKS.md section. `--dump FILE` writes every recalled hit's features and true class as CSV (what
// the classifier's thresholds were tuned from). `--grooves N` per kit (default 6), `--bars N` (default 8),
// `--sensitivity S` the onset sensitivity (default OneShotOptions'), `--no-hat-stage` the classifier without
// its hat stage (the figure before it), `--tuning-only` the tuning kits alone.

#include "DrumGrooves.h"
#include "HitAudioDump.h"

#include "mining/OneShotMiner.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

using namespace stemcrate;
using mining::HitClass;

namespace {

struct Totals
{
    testing::MiningScore score;
    double audioSeconds = 0, computeSeconds = 0;
};

void dumpHits(std::ofstream& csv, const std::string& kit, const testing::Groove& groove,
              const mining::OneShotResult& result, int64_t tolerance)
{
    for (const testing::TrueHit& truth : groove.hits)
        for (const mining::OneShot& shot : result.hits) {
            if (std::llabs(shot.hit.attackFrame - truth.frame) > tolerance)
                continue;
            const mining::SampleFeatures& f = shot.features;
            csv << '"' << kit << "\",\"" << truth.instrument << "\"," << mining::hitClassName(truth.hitClass)
                << ',' << mining::hitClassName(shot.classification.hitClass) << ',' << f.durationSeconds << ','
                << f.attackSeconds << ',' << f.decay20Seconds << ',' << f.decay40Seconds << ','
                << f.decayComplete << ',' << f.centroidHz << ',' << f.attackCentroidHz << ',' << f.flatness
                << ',' << f.tonality << ',' << f.pitchHz << ',' << f.zeroCrossingRate << ','
                << shot.hit.truncated;
            for (double b : f.bands)
                csv << ',' << b;
            for (double b : f.tailBands)
                csv << ',' << b;
            csv << '\n';
            break;
        }
}

mining::OneShotOptions g_options;
int g_kitNumber = 0;
std::ofstream g_audioDump; // --dump-audio FILE: every recalled hit's audio (HitAudioDump); kits numbered in order

void dumpHitAudio(int kit, const testing::Groove& groove, const mining::OneShotResult& result, int64_t tolerance)
{
    for (const testing::TrueHit& truth : groove.hits) {
        if (const mining::OneShot* nearest = testing::nearestShot(result, truth.frame, tolerance))
            testing::writeHitAudio(g_audioDump, groove.audio, *nearest, g_options.featureSeconds, kit, truth.hitClass, true);
    }
}

bool runKits(const std::vector<std::string>& kits, int grooves, int bars, Totals& totals, std::ofstream* csv)
{
    const int64_t tolerance = kEngineSampleRate / 100; // 10 ms
    for (const std::string& name : kits) {
        Result<testing::DrumKit> kit = testing::loadHydrogenKit(std::string(testing::kHydrogenKitsFolder) + "/" + name);
        if (!kit) {
            std::fprintf(stderr, "error: %s\n", kit.error().c_str());
            return false;
        }
        testing::MiningScore kitScore;
        for (int g = 0; g < grooves; ++g) {
            const testing::Groove groove = testing::makeGroove(kit.value(), bars, 1000u + static_cast<uint32_t>(g));
            const auto start = std::chrono::steady_clock::now();
            Result<mining::OneShotResult> result = mining::OneShotMiner(g_options).mine(groove.audio);
            totals.computeSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            totals.audioSeconds += groove.audio.seconds();
            if (!result) {
                std::fprintf(stderr, "error: %s\n", result.error().c_str());
                return false;
            }
            std::vector<std::pair<int64_t, HitClass>> detected;
            for (const mining::OneShot& shot : result->hits)
                detected.emplace_back(shot.hit.attackFrame, shot.classification.hitClass);
            testing::scoreDetections(groove.hits, detected, tolerance, kitScore);
            if (std::getenv("MINING_MISSES"))
                for (const testing::TrueHit& truth : groove.hits) {
                    int64_t nearest = 1 << 30;
                    for (const auto& d : detected)
                        if (std::llabs(d.first - truth.frame) < std::llabs(nearest))
                            nearest = d.first - truth.frame;
                    if (std::llabs(nearest) > tolerance)
                        std::fprintf(stderr, "miss %s %s %s nearest %+.1f ms\n", name.c_str(), truth.instrument.c_str(),
                                     mining::hitClassName(truth.hitClass), nearest / 44.1);
                }
            testing::scoreDetections(groove.hits, detected, tolerance, totals.score);
            if (csv)
                dumpHits(*csv, name, groove, result.value(), tolerance);
            if (g_audioDump.is_open())
                dumpHitAudio(g_kitNumber, groove, result.value(), tolerance);
        }
        ++g_kitNumber;
        std::printf("| %s | %d | %.1f %% | %.1f %% | %.1f %% |\n", name.c_str(), kitScore.truths,
                    100.0 * kitScore.recalled / std::max(1, kitScore.truths),
                    100.0 * kitScore.recalled / std::max(1, kitScore.detections),
                    100.0 * kitScore.correctlyTyped / std::max(1, kitScore.scoredTruths));
    }
    return true;
}

void printTotals(const char* label, const Totals& t)
{
    const testing::MiningScore& s = t.score;
    std::printf("| **%s** | %d | **%.1f %%** | %.1f %% | **%.1f %%** (hat kind swapped: %.1f %%) |\n", label,
                s.truths, 100.0 * s.recalled / std::max(1, s.truths), 100.0 * s.recalled / std::max(1, s.detections),
                100.0 * s.correctlyTyped / std::max(1, s.scoredTruths),
                100.0 * s.hatSwaps / std::max(1, s.scoredTruths));
}

void printConfusion(const Totals& t)
{
    std::printf("\n| true \\ found |");
    for (HitClass c : mining::kAllHitClasses)
        std::printf(" %s |", mining::hitClassName(c));
    std::printf("\n|---|");
    for (size_t i = 0; i < mining::kAllHitClasses.size(); ++i)
        std::printf("---|");
    std::printf("\n");
    for (HitClass want : mining::kAllHitClasses) {
        int row = 0;
        for (HitClass got : mining::kAllHitClasses)
            row += t.score.confusion[static_cast<int>(want)][static_cast<int>(got)];
        if (!row)
            continue;
        std::printf("| %s |", mining::hitClassName(want));
        for (HitClass got : mining::kAllHitClasses)
            std::printf(" %d |", t.score.confusion[static_cast<int>(want)][static_cast<int>(got)]);
        std::printf("\n");
    }
}

} // namespace

int main(int argc, char** argv)
{
    int grooves = 6, bars = 8;
    bool tuningOnly = false; // --tuning-only: the held-out kits not run (for choices made on the tuning kits)
    std::ofstream csv;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--dump") && i + 1 < argc)
            csv.open(argv[++i]);
        else if (!std::strcmp(argv[i], "--dump-audio") && i + 1 < argc)
            g_audioDump.open(argv[++i], std::ios::binary);
        else if (!std::strcmp(argv[i], "--grooves") && i + 1 < argc)
            grooves = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--sensitivity") && i + 1 < argc)
            g_options.extractor.sensitivity = std::atof(argv[++i]);
        else if (!std::strcmp(argv[i], "--rise-db") && i + 1 < argc)
            g_options.extractor.minimumRiseDb = std::atof(argv[++i]);
        else if (!std::strcmp(argv[i], "--tuning-only"))
            tuningOnly = true;
        else if (!std::strcmp(argv[i], "--no-hat-stage"))
            g_options.hatStage = false;
        else if (!std::strcmp(argv[i], "--bars") && i + 1 < argc)
            bars = std::atoi(argv[++i]);
        else {
            std::fprintf(stderr, "usage: bench_mining [--grooves N] [--bars N] [--sensitivity S] [--dump FILE.csv]\n");
            return 2;
        }
    }
    std::printf("%d grooves of %d bars per kit; a hit is recalled when detected within +-10 ms of its true "
                "time; class accuracy over recalled kick, snare, closed and open hat hits.\n\n",
                grooves, bars);
    std::printf("| kit | hits | recall | precision | class accuracy (kick, snare, hats) |\n|---|---|---|---|---|\n");
    Totals tuning, heldOut;
    if (!runKits(testing::tuningKits(), grooves, bars, tuning, csv.is_open() ? &csv : nullptr))
        return 1;
    printTotals("tuning kits", tuning);
    if (tuningOnly) {
        std::printf("\nTuning kits, recalled hits of every class:\n");
        printConfusion(tuning);
        return 0;
    }
    if (!runKits(testing::heldOutKits(), grooves, bars, heldOut, csv.is_open() ? &csv : nullptr))
        return 1;
    printTotals("held-out kits", heldOut);
    std::printf("\nHeld-out kits, recalled hits of every class:\n");
    printConfusion(heldOut);
    const double audio = tuning.audioSeconds + heldOut.audioSeconds;
    const double compute = tuning.computeSeconds + heldOut.computeSeconds;
    std::printf("\nSpeed: %.1f s of grooves mined in %.2f s on one thread (%.0f x real time).\n", audio, compute,
                audio / std::max(1e-9, compute));
    return 0;
}
