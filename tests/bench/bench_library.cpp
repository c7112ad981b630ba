// bench_library: the sample browser on a library of 10 000 small files (issue 19). Generates the folder
// (one-shots of 0.1-0.4 s and some 2 s loops, a third tagged as Stemcrate tags them, in 20 sub-folders) and
// measures:
//  1. reading cost per file, one thread at the indexer's priority, on a sample of the files: plain decoding
//     (core's decoder alone, the reference), the tag pass (readSampleTags), the analysis pass
//     (analyseSample: decode, loudness, features, tempo/key), and the two together; wall and thread CPU time.
//  2. the GUI thread with no indexing: the longest gap of a 1 ms timer over a few seconds (the baseline),
//     raw, less the GUI thread's run-queue wait, and the GUI thread's own part (StallProbe, as bench_gui_stall);
//  3. the first open in the LibraryPanel offscreen (no saved index): the time to the first rows, to every
//     row listed, to every row tagged, to every row analysed (or --max-seconds), and the same stall meter;
//  4. the reopen from the saved index; then a search and a sort over every row, and the search's filter pass
//     alone, folding each row's text per call (as before s10-libstall) against the kept search keys.
//
// usage: bench_library [--files N] [--dir DIR] [--max-seconds S] [--cost-files M] [--baseline-seconds B] [--stacks]
//   --files N            how many files to generate (default 10000)
//   --dir DIR            use (or fill) DIR instead of a temporary folder
//   --max-seconds S      stop waiting for each open after S seconds (a loaded machine)
//   --cost-files M       files for the per-file cost (default 300, spread over the folder)
//   --baseline-seconds B the stall meter with no indexing (default 10)

#include "SampleSynth.h"
#include "StallProbe.h"
#include "StallSampler.h"
#include "audio/AudioFileWriter.h"
#include "audio/Decoder.h"
#include "library/LibraryFilterModel.h"
#include "library/LibraryIndexer.h"
#include "library/LibraryModel.h"
#include "library/LibraryPanel.h"
#include "library/SampleQuery.h"
#include "library/SampleReader.h"
#include "songs/WorkerPriority.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <filesystem>
#include <string>
#include <thread>

#include <sys/stat.h>
#include <time.h>

using namespace stemcrate;
using namespace stemcrate::library::test;

namespace {

bench::StallSampler* g_sampler = nullptr; // --stacks


AudioBuffer sampleNumber(int i)
{
    const auto seed = static_cast<unsigned>(i);
    switch (i % 6) {
    case 0:
        return kick(40 + i % 40, 0.03 + 0.001 * (i % 50));
    case 1:
        return snare(seed);
    case 2:
        return hat(false, seed);
    case 3:
        return hat(true, seed);
    case 4:
        return tone(110.0 * (1 + i % 24 / 12.0), 0.2 + 0.01 * (i % 20));
    default:
        return i % 30 == 5 ? drumLoop(90 + i % 60, 1, seed) : tone(220 + i % 300, 0.15);
    }
}

bool generate(const QString& folder, int files)
{
    static const char* kKeys[] = {"A minor", "C major", "F# minor", "Eb major", "G minor"};
    for (int i = 0; i < files; ++i) {
        const QString sub = QDir(folder).filePath(QStringLiteral("pack %1").arg(i % 20));
        if (i < 20 && !QDir().mkpath(sub))
            return false;
        audio::WriteOptions options;
        if (i % 3 == 0) {
            options.tags.title = "sample " + std::to_string(i);
            options.tags.bpm = 80 + i % 80;
            options.tags.key = kKeys[i % 5];
            options.tags.extra = {{"STEMCRATE_STEM", i % 2 ? "drums" : "other"}};
        }
        const std::string path = QDir(sub).filePath(QStringLiteral("sample %1.wav").arg(i)).toStdString();
        if (!audio::writeAudioFile(path, sampleNumber(i), audio::FileFormat::Wav, audio::SampleFormat::Int16,
                                   options))
            return false;
    }
    return true;
}

struct OpenTimes
{
    double firstRowsMs = -1;
    double allListedMs = -1;
    double allTaggedMs = -1;
    double allAnalysedMs = -1;
    double finishedMs = -1;
    int analysed = 0;
    double worstStallMs = 0;
    double worstOwnStallMs = 0;
    double worstRunningMs = 0; // the most the GUI thread itself ran or blocked within one gap (StallProbe's own)
    int ownOver16Ms = 0;       // gaps whose own part reached 16 ms
};

void readProbe(const bench::StallProbe& probe, OpenTimes& t)
{
    const bench::StallProbe::Phase whole = probe.whole();
    t.worstStallMs = whole.longestRaw.rawMs;
    t.worstOwnStallMs = whole.longestRawLessWait.rawMs - whole.longestRawLessWait.waitMs;
    t.worstRunningMs = whole.longestOwn.ownMs;
    t.ownOver16Ms = whole.ownOver16Ms;
}

// One pass of the event loop, then an idle sleep the probe does not count as ours (as bench_gui_stall).
void spinOnce()
{
    QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    bench::StallProbe::sleepIdle(1);
}

// Rows in the model at `stage` or beyond.
int rowsAt(const ui::LibraryModel& model, library::ReadStage stage)
{
    int count = 0;
    for (const library::SampleRecord& r : model.records())
        count += r.stage >= stage;
    return count;
}

// Opens the folder and spins the event loop until the walk is done or maxSeconds (0 = no limit) have passed.
OpenTimes openAndWait(ui::LibraryPanel& panel, const QString& folder, const QString& indexPath, int files,
                      double maxSeconds)
{
    OpenTimes t;
    bool finished = false;
    const auto connection = QObject::connect(panel.indexer(), &ui::LibraryIndexer::scanFinished,
                                             [&](int, int, int) { finished = true; });
    bench::StallProbe probe;
    if (g_sampler) // --stacks: keep the GUI thread's stacks of each own stall (StallSampler.h)
        probe.onOwnStall = [](const std::string& phase, const bench::StallProbe::Gap& gap, int64_t startNs,
                              int64_t endNs) {
            char label[160];
            std::snprintf(label, sizeof label, "%s, at %.1f s: cpu %.1f + blocked %.1f ms", phase.c_str(),
                          gap.atSeconds, gap.cpuMs, gap.blockedMs);
            g_sampler->keep(label, startNs, endNs);
        };
    QElapsedTimer clock;
    clock.start();
    panel.setFolder(folder, indexPath);
    const qint64 limitMs = maxSeconds > 0 ? static_cast<qint64>(maxSeconds * 1000) : 24 * 3600 * 1000;
    qint64 lastCount = 0;
    while (!finished && clock.elapsed() < limitMs) {
        spinOnce();
        const double nowMs = clock.nsecsElapsed() / 1e6;
        const int rows = panel.model()->rowCount();
        if (rows > 0 && t.firstRowsMs < 0)
            t.firstRowsMs = nowMs;
        if (rows >= files && t.allListedMs < 0)
            t.allListedMs = nowMs;
        if (rows >= files && clock.elapsed() - lastCount >= 100) { // counting is the bench's, not the app's
            lastCount = clock.elapsed();
            if (t.allTaggedMs < 0 && rowsAt(*panel.model(), library::ReadStage::Tagged) >= files)
                t.allTaggedMs = nowMs;
        }
    }
    t.finishedMs = clock.nsecsElapsed() / 1e6;
    if (finished && panel.model()->rowCount() >= files) {
        if (t.allTaggedMs < 0)
            t.allTaggedMs = t.finishedMs;
        t.allAnalysedMs = t.finishedMs;
    }
    t.analysed = rowsAt(*panel.model(), library::ReadStage::Analysed);
    readProbe(probe, t);
    QObject::disconnect(connection);
    return t;
}

// The GUI thread's event loop with nothing to do but the panel on screen, for `seconds`.
OpenTimes baseline(double seconds)
{
    OpenTimes t;
    bench::StallProbe probe;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < seconds * 1000)
        spinOnce();
    readProbe(probe, t);
    return t;
}

double timedMs(const std::function<void()>& work)
{
    QElapsedTimer clock;
    clock.start();
    work();
    return clock.nsecsElapsed() / 1e6;
}

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

struct PassCost
{
    double wallMs = 0;
    double cpuMs = 0;
};

// Per-file costs of plain decoding and of the index's passes, on one thread at the indexer's priority.
struct ReadCosts
{
    PassCost decode, tags, analysis;
    size_t files = 0;
};

ReadCosts measureReadCosts(const std::vector<std::string>& paths)
{
    ReadCosts costs;
    costs.files = paths.size();
    std::thread worker([&] {
        ui::lowerWorkerPriority();
        const auto measure = [](PassCost& cost, const std::function<void()>& work) {
            const double cpu = threadCpuMs();
            cost.wallMs += timedMs(work);
            cost.cpuMs += threadCpuMs() - cpu;
        };
        for (const std::string& path : paths) {
            struct stat info
            {
            };
            ::stat(path.c_str(), &info);
            // Interleaved per file, so that the machine's load falls alike on all three.
            measure(costs.decode, [&] {
                if (!audio::decodeFile(path))
                    std::fprintf(stderr, "cannot decode %s\n", path.c_str());
            });
            library::SampleRecord tagged;
            measure(costs.tags,
                    [&] { tagged = library::readSampleTags(library::listSample(path, info.st_size, 0)); });
            measure(costs.analysis, [&] { (void)library::analyseSample(tagged); });
        }
    });
    worker.join();
    return costs;
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    QApplication app(argc, argv);
    int files = 10000;
    int costFiles = 300;
    double maxSeconds = 0;
    double baselineSeconds = 10;
    QString folder;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--files") == 0)
            files = std::max(1, std::atoi(argv[i + 1]));
        else if (std::strcmp(argv[i], "--max-seconds") == 0)
            maxSeconds = std::atof(argv[i + 1]);
        else if (std::strcmp(argv[i], "--cost-files") == 0)
            costFiles = std::max(1, std::atoi(argv[i + 1]));
        else if (std::strcmp(argv[i], "--baseline-seconds") == 0)
            baselineSeconds = std::atof(argv[i + 1]);
        else if (std::strcmp(argv[i], "--dir") == 0)
            folder = QString::fromLocal8Bit(argv[i + 1]);
    }

    std::unique_ptr<bench::StallSampler> sampler;
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--stacks") == 0)
            sampler = std::make_unique<bench::StallSampler>();
    g_sampler = sampler.get();

    QTemporaryDir dir;
    if (folder.isEmpty())
        folder = dir.filePath(QStringLiteral("library"));
    const QString indexPath = dir.filePath(QStringLiteral("library.index")); // fresh each run
    QElapsedTimer clock;
    clock.start();
    if (!QFileInfo::exists(QDir(folder).filePath(QStringLiteral("pack 0/sample 0.wav")))) {
        if (!generate(folder, files)) {
            std::fprintf(stderr, "cannot write the samples into %s\n", qPrintable(folder));
            return 1;
        }
        std::printf("generated %d files in %.1f s\n", files, clock.nsecsElapsed() / 1e9);
    }

    // 1. Per-file reading costs, on files spread over the folder (every kind of sample).
    std::vector<std::string> paths;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder.toStdString()))
        if (entry.is_regular_file())
            paths.push_back(entry.path().string());
    std::sort(paths.begin(), paths.end());
    std::vector<std::string> costPaths;
    for (size_t i = 0; i < paths.size() && costPaths.size() < size_t(costFiles);
         i += std::max<size_t>(1, paths.size() / size_t(costFiles)))
        costPaths.push_back(paths[i]);
    const ReadCosts costs = measureReadCosts(costPaths);

    OpenTimes idle, cold, warm;
    int coldRows = 0, warmRows = 0;
    double searchMs = 0, sortMs = 0, clearMs = 0, foldEachCallMs = 0, keptKeysMs = 0;
    int foldEachCallHits = 0, keptKeysHits = 0;
    {
        ui::LibraryPanel panel;
        panel.resize(1200, 800);
        panel.show();
        idle = baseline(baselineSeconds); // 2. the same meter, no indexing
        cold = openAndWait(panel, folder, indexPath, files, maxSeconds); // 3.
        coldRows = panel.model()->rowCount();
        // What the GUI thread does when the search or a filter changes: filter every row (core's
        // SampleFilter); then a sort by BPM.
        library::SampleFilter search;
        search.text = "sample 1";
        searchMs = timedMs([&] { panel.filterModel()->setFilter(search); });
        sortMs =
            timedMs([&] { panel.view()->sortByColumn(int(library::SampleColumn::Bpm), Qt::AscendingOrder); });
        clearMs = timedMs([&] { panel.filterModel()->setFilter({}); });
        // The filter pass alone over every row: each row's text folded per call (the proxy's way before
        // s10-libstall) against the search keys the model keeps.
        const ui::LibraryModel& model = *panel.model();
        foldEachCallMs = timedMs([&] {
            for (const library::SampleRecord& r : model.records())
                foldEachCallHits += search.matches(r);
        });
        keptKeysMs = timedMs([&] {
            const std::vector<std::string> words = library::searchWords(search.text);
            for (int row = 0; row < model.rowCount(); ++row)
                keptKeysHits += search.matches(model.record(row), model.searchKey(row), words);
        });
    } // cancels a walk still running; what was read is saved
    {
        ui::LibraryPanel panel;
        panel.resize(1200, 800);
        panel.show();
        warm = openAndWait(panel, folder, indexPath, files, maxSeconds); // 4.
        warmRows = panel.model()->rowCount();
    }

    const auto perFile = [&](const PassCost& c) { return c.wallMs / double(costs.files); };
    const auto perFileCpu = [&](const PassCost& c) { return c.cpuMs / double(costs.files); };
    std::printf("\nper file, %zu files, one thread at the indexer's priority (wall / thread CPU):\n", costs.files);
    std::printf("| pass | wall ms/file | CPU ms/file | CPU vs plain decode |\n| --- | ---: | ---: | ---: |\n");
    std::printf("| plain decode (reference) | %.2f | %.2f | 1.00 |\n", perFile(costs.decode), perFileCpu(costs.decode));
    std::printf("| tags (rows complete but loudness, features, analysis) | %.2f | %.2f | %.2f |\n", perFile(costs.tags),
                perFileCpu(costs.tags), costs.tags.cpuMs / std::max(costs.decode.cpuMs, 1e-9));
    std::printf("| analysis (decode, loudness, features, tempo/key) | %.2f | %.2f | %.2f |\n", perFile(costs.analysis),
                perFileCpu(costs.analysis), costs.analysis.cpuMs / std::max(costs.decode.cpuMs, 1e-9));
    std::printf("| both passes | %.2f | %.2f | %.2f |\n", perFile(costs.tags) + perFile(costs.analysis),
                perFileCpu(costs.tags) + perFileCpu(costs.analysis),
                (costs.tags.cpuMs + costs.analysis.cpuMs) / std::max(costs.decode.cpuMs, 1e-9));

    const auto ms = [](double v) { return v < 0 ? std::string("-") : std::to_string(int(std::lround(v))) + " ms"; };
    std::printf("\n| %d files | first rows | all listed | all tagged | all analysed | analysed | longest gap | less run-queue wait | most own in a gap | gaps own >= 16 ms |\n",
                files);
    std::printf("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    std::printf("| baseline: no indexing, %.0f s | | | | | | %.1f ms | %.1f ms | %.1f ms | %d |\n", baselineSeconds,
                idle.worstStallMs, idle.worstOwnStallMs, idle.worstRunningMs, idle.ownOver16Ms);
    std::printf("| first open (no index), %.0f s | %s | %s | %s | %s | %d | %.1f ms | %.1f ms | %.1f ms | %d |\n", cold.finishedMs / 1e3,
                ms(cold.firstRowsMs).c_str(), ms(cold.allListedMs).c_str(), ms(cold.allTaggedMs).c_str(),
                ms(cold.allAnalysedMs).c_str(), cold.analysed, cold.worstStallMs, cold.worstOwnStallMs,
                cold.worstRunningMs, cold.ownOver16Ms);
    std::printf("| reopen (saved index), %.0f s | %s | %s | %s | %s | %d | %.1f ms | %.1f ms | %.1f ms | %d |\n", warm.finishedMs / 1e3,
                ms(warm.firstRowsMs).c_str(), ms(warm.allListedMs).c_str(), ms(warm.allTaggedMs).c_str(),
                ms(warm.allAnalysedMs).c_str(), warm.analysed, warm.worstStallMs, warm.worstOwnStallMs,
                warm.worstRunningMs, warm.ownOver16Ms);
    std::printf("\nfirst open: %d rows, %d analysed, %.1f files/s analysed; plain decoding alone: %.1f files/s (wall, "
                "same thread priority)\n",
                coldRows, cold.analysed, cold.analysed / (cold.finishedMs / 1e3), 1e3 / std::max(perFile(costs.decode), 1e-9));
    std::printf("reopen: %d rows\n", warmRows);
    std::printf("GUI thread over %d rows: search %.1f ms, sort by BPM %.1f ms, clear the search %.1f ms\n", coldRows,
                searchMs, sortMs, clearMs);
    std::printf("search's filter pass alone: each row's text folded per call %.2f ms (%d rows match), kept search keys "
                "%.2f ms (%d rows match): %.1fx\n",
                foldEachCallMs, foldEachCallHits, keptKeysMs, keptKeysHits, foldEachCallMs / std::max(keptKeysMs, 1e-6));
    std::fflush(stdout);
    if (sampler)
        sampler->print();
    return 0;
}
