// bench_library: the sample browser on a library of 10 000 small files (issue 19). Generates the folder
// (one-shots of 0.1-0.4 s and some 2 s loops, a third tagged as Stemcrate tags them, in 20 sub-folders),
// opens it in the LibraryPanel offscreen and measures, on the GUI thread: the time to the first rows, to
// every row, and the longest stall of a 1 ms timer while the index is built; then the same on reopening
// (from the saved index); then a search and a sort over every row. Reference in the same run: decoding every
// file with core's decoder alone, one thread (the floor of a first index build, which also reads tags and
// computes loudness and features).
//
// usage: bench_library [--files N] [--dir DIR] [--max-seconds S]
//   --files N        how many files to generate (default 10000)
//   --dir DIR        use (or fill) DIR instead of a temporary folder
//   --max-seconds S  stop waiting for each open after S seconds (a loaded machine); the rows shown by then
//                    are reported, and the reference decodes as many files as the first open read

#include "SampleSynth.h"
#include "StallMeter.h"
#include "audio/AudioFileWriter.h"
#include "audio/Decoder.h"
#include "library/LibraryFilterModel.h"
#include "library/LibraryIndexer.h"
#include "library/LibraryModel.h"
#include "library/LibraryPanel.h"
#include "library/SampleQuery.h"
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
#include <filesystem>
#include <string>
#include <thread>

using namespace stemcrate;
using namespace stemcrate::library::test;

namespace {

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
    double allRowsMs = -1;
    double finishedMs = -1;
    double worstStallMs = 0;
};

// Opens the folder and spins the event loop until the walk is done or maxSeconds (0 = no limit) have passed.
OpenTimes openAndWait(ui::LibraryPanel& panel, const QString& folder, const QString& indexPath, int files,
                      double maxSeconds)
{
    OpenTimes t;
    bool finished = false;
    const auto connection = QObject::connect(panel.indexer(), &ui::LibraryIndexer::scanFinished,
                                             [&](int, int, int) { finished = true; });
    stemcrate::test::StallMeter meter;
    QElapsedTimer clock;
    clock.start();
    panel.setFolder(folder, indexPath);
    const qint64 limitMs = maxSeconds > 0 ? static_cast<qint64>(maxSeconds * 1000) : 24 * 3600 * 1000;
    while (!finished && clock.elapsed() < limitMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        const int rows = panel.model()->rowCount();
        if (rows > 0 && t.firstRowsMs < 0)
            t.firstRowsMs = clock.nsecsElapsed() / 1e6;
        if (rows >= files && t.allRowsMs < 0)
            t.allRowsMs = clock.nsecsElapsed() / 1e6;
    }
    t.finishedMs = clock.nsecsElapsed() / 1e6;
    t.worstStallMs = meter.worstMs();
    QObject::disconnect(connection);
    return t;
}

double timedMs(const std::function<void()>& work)
{
    QElapsedTimer clock;
    clock.start();
    work();
    return clock.nsecsElapsed() / 1e6;
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    QApplication app(argc, argv);
    int files = 10000;
    double maxSeconds = 0;
    QString folder;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--files") == 0)
            files = std::max(1, std::atoi(argv[i + 1]));
        else if (std::strcmp(argv[i], "--max-seconds") == 0)
            maxSeconds = std::atof(argv[i + 1]);
        else if (std::strcmp(argv[i], "--dir") == 0)
            folder = QString::fromLocal8Bit(argv[i + 1]);
    }

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

    OpenTimes cold, warm;
    int coldRows = 0, warmRows = 0;
    double searchMs = 0, sortMs = 0, clearMs = 0;
    {
        ui::LibraryPanel panel;
        panel.resize(1200, 800);
        panel.show();
        cold = openAndWait(panel, folder, indexPath, files, maxSeconds);
        coldRows = panel.model()->rowCount();
        // What the GUI thread does when the search or a filter changes: filter every row (core's
        // SampleFilter); then a sort by BPM.
        library::SampleFilter search;
        search.text = "sample 1";
        searchMs = timedMs([&] { panel.filterModel()->setFilter(search); });
        sortMs =
            timedMs([&] { panel.view()->sortByColumn(int(library::SampleColumn::Bpm), Qt::AscendingOrder); });
        clearMs = timedMs([&] { panel.filterModel()->setFilter({}); });
    } // cancels a walk still running; what was read is saved
    {
        ui::LibraryPanel panel;
        panel.resize(1200, 800);
        panel.show();
        warm = openAndWait(panel, folder, indexPath, files, maxSeconds);
        warmRows = panel.model()->rowCount();
    }

    // Reference: decoding the files the first open read, alone, on one thread at the indexer's priority.
    std::vector<std::string> paths;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder.toStdString()))
        if (entry.is_regular_file())
            paths.push_back(entry.path().string());
    std::sort(paths.begin(), paths.end());
    paths.resize(std::min(paths.size(), static_cast<size_t>(coldRows)));
    double decodeMs = 0;
    std::thread reference([&] {
        ui::lowerWorkerPriority();
        decodeMs = timedMs([&] {
            for (const std::string& path : paths)
                if (!audio::decodeFile(path))
                    std::fprintf(stderr, "cannot decode %s\n", path.c_str());
        });
    });
    reference.join();

    std::printf("\n| %d files | first rows | rows shown | at | longest GUI stall |\n", files);
    std::printf("| --- | ---: | ---: | ---: | ---: |\n");
    std::printf("| first open (no index) | %.0f ms | %d | %.1f s | %.1f ms |\n", cold.firstRowsMs, coldRows,
                cold.finishedMs / 1e3, cold.worstStallMs);
    std::printf("| reopen (saved index of %d) | %.0f ms | %d | %.1f s | %.1f ms |\n", coldRows, warm.firstRowsMs,
                warmRows, warm.finishedMs / 1e3, warm.worstStallMs);
    std::printf("| reference: decode those %zu files alone | | | %.1f s | |\n", paths.size(), decodeMs / 1e3);
    std::printf("\nfirst open read %.0f files/s; reading a file into the index / decoding it alone: %.2f\n",
                coldRows / (cold.finishedMs / 1e3), cold.finishedMs / std::max(decodeMs, 1.0));
    std::printf("GUI thread over %d rows: search %.1f ms, sort by BPM %.1f ms, clear the search %.1f ms\n", coldRows,
                searchMs, sortMs, clearMs);
    return 0;
}
