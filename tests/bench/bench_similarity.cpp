// bench_similarity: which feature vector ranks one-shots best for "find similar" (issue 19). Every typed
// sample of Debian's hydrogen-drumkits (kick, snare, clap, hats, toms, cymbals, percussion; DrumGrooves
// types them from drumkit.xml) is a query against all the others, leave-one-out. For each candidate vector:
// how often the nearest sample is of the same class, how often it is another layer of the same instrument
// (for instruments with several layers), the share of the same class among the five nearest, and the time
// to compute a vector. The vector is library::defaultFeatureExtractor(), i.e. core/mining's embedding (60
// values, unit length), ranked by library::featureDistance as Find Similar ranks. It replaced core/library's
// own 26-value timbre vector after this program compared the two (BENCHMARKS.md, issue 19).
//
// usage: bench_similarity [--kits FOLDER]

#include "DrumGrooves.h"
#include "library/FeatureExtractor.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <limits>
#include <string>
#include <vector>

using namespace stemcrate;

namespace {

struct Shot
{
    std::string kit;
    std::string instrument;
    mining::HitClass hitClass = mining::HitClass::Perc;
    const AudioBuffer* audio = nullptr;
};

struct Scores
{
    double sameClassFirst = 0;   // share of queries whose nearest is of the same class
    double sameInstrument = 0;   // of queries from multi-layer instruments: nearest is the same instrument
    double sameClassOfFive = 0;  // share of the same class among the five nearest
    double microsPerShot = 0;
};

Scores score(const std::vector<Shot>& shots, const std::function<std::vector<float>(const AudioBuffer&)>& vector)
{
    Scores s;
    std::vector<std::vector<float>> vectors;
    const auto start = std::chrono::steady_clock::now();
    for (const Shot& shot : shots)
        vectors.push_back(vector(*shot.audio));
    s.microsPerShot = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count() /
                      double(shots.size());
    int layered = 0;
    for (size_t q = 0; q < shots.size(); ++q) {
        std::vector<std::pair<double, size_t>> order;
        bool hasSibling = false;
        for (size_t i = 0; i < shots.size(); ++i) {
            if (i == q)
                continue;
            order.push_back({library::featureDistance(vectors[q], vectors[i]), i});
            hasSibling |= shots[i].kit == shots[q].kit && shots[i].instrument == shots[q].instrument;
        }
        std::partial_sort(order.begin(), order.begin() + 5, order.end());
        const Shot& nearest = shots[order[0].second];
        s.sameClassFirst += nearest.hitClass == shots[q].hitClass;
        if (hasSibling) {
            ++layered;
            s.sameInstrument += nearest.kit == shots[q].kit && nearest.instrument == shots[q].instrument;
        }
        for (int k = 0; k < 5; ++k)
            s.sameClassOfFive += shots[order[size_t(k)].second].hitClass == shots[q].hitClass;
    }
    s.sameClassFirst /= double(shots.size());
    s.sameClassOfFive /= 5.0 * double(shots.size());
    s.sameInstrument /= std::max(1, layered);
    return s;
}

} // namespace

int main(int argc, char** argv)
{
    std::string kits = testing::kHydrogenKitsFolder;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--kits") == 0)
            kits = argv[i + 1];
    std::vector<testing::DrumKit> loaded;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(kits, ec)) {
        Result<testing::DrumKit> kit = testing::loadHydrogenKit(entry.path().string());
        if (kit)
            loaded.push_back(std::move(kit.value()));
        else
            std::fprintf(stderr, "skipped: %s\n", kit.error().c_str());
    }
    std::vector<Shot> shots;
    for (const testing::DrumKit& kit : loaded)
        for (const testing::KitInstrument& instrument : kit.instruments)
            for (const AudioBuffer& layer : instrument.layers)
                shots.push_back({kit.name, instrument.name, instrument.hitClass, &layer});
    if (shots.size() < 6) {
        std::fprintf(stderr, "too few typed samples under %s\n", kits.c_str());
        return 1;
    }
    std::printf("%zu one-shots from %zu kits, each a query against all others\n\n", shots.size(), loaded.size());
    std::printf("| vector | nearest: same class | nearest: same instrument (multi-layer) | same class in 5 nearest | us/sample |\n");
    std::printf("| --- | ---: | ---: | ---: | ---: |\n");
    const auto row = [&](const char* name, const Scores& s) {
        std::printf("| %s | %.1f %% | %.1f %% | %.1f %% | %.0f |\n", name, 100 * s.sameClassFirst,
                    100 * s.sameInstrument, 100 * s.sameClassOfFive, s.microsPerShot);
    };
    row("library index and mining: the embedding (60)", score(shots, library::defaultFeatureExtractor().compute));
    return 0;
}
