// bench_gui_stall: the GUI thread's longest stall over a scripted session of the whole window, offscreen, on
// a loaded machine (issue 16, "The GUI thread never waits"; issue 15 item 4). Not a test: wall time on a
// shared 2-core machine is for a benchmark; the ui tests assert behaviour.
//
// The session: drop a short song and let it separate (random-weights HDemucs, as the tests make it); drop
// an hour-long file (generated once); while it separates, switch songs (clicks on the song list), zoom in
// and out, show the spectrogram, scroll; cancel it, retry it; select a region of a stem with the mouse and
// drag it out (the export runs on its worker); close the window. A 1 ms precise timer on the GUI thread is
// the probe (StallProbe.h): per phase, the longest raw gap between its ticks, and the longest "own" gap, the
// part the GUI thread ran our code or was blocked in it (run-queue wait, the harness's idle sleep and time
// the host stole are split off). Load:
// `--burners N` busy threads at normal priority (default 1) and `--load-processes N` busy processes (default
// 0) beside the app's own workers (separation takes every core); run it beside `ctest -j2` for more. Windows
// of 2 s keep the random-weights separation publishing often on a loaded machine. ThreadCensus.h lists every
// thread that used CPU during the session with its nice value: workers must run reniced.
//
// The first burner also times fixed units of arithmetic by its own CPU clock (BurnerClock.h) and prints, per
// phase, the units the machine charged 4 ms or more: on this project's VMs a thread's CPU clock includes
// time the host took (no steal or interrupt time accounting), the GUI thread's "own CPU" included.
//
// The reference, measured in the same run: the same probe with nothing but the burners running (what the
// machine alone costs the GUI thread). The result is printed as a markdown table for BENCHMARKS.md.
//
// --root-cause first tests the suspected cause of the 500 ms stall of cancel-then-retry (issue 15) in
// isolation: the old SpectrogramRenderer's tile jobs (reniced pool threads) held the mailbox mutex while
// posting their tile, and ~SpectrogramRenderer locked it on the GUI thread; a reniced holder preempted
// inside that section would make the GUI thread wait (priority inversion). It measures the GUI thread's
// wait for that mutex beside two such workers and the burners, against the new pattern (post without a
// lock, cancel with an atomic flag) in the same run.
//
// --plain-style paints with plain Fusion instead of the app's TiledStyle (ui/settings/TiledStyle.h), whose
// tall scroll bars, tab frames and tool bars paint without Qt's thread pool: the "before" of that change,
// for runs interleaved on the same machine.
//
// --stacks takes the GUI thread's call stacks inside long gaps (StallSampler.h) and prints, after the
// report, the stacks of each gap whose own part reached 16 ms: what the GUI thread ran or waited in. It also
// judges each gap less the CPU no kernel tick saw the GUI thread use (StallSampler::unseenCpuMs: on this VM
// a stopped virtual CPU's time is charged to the thread that was current), beside the own figures, and
// checks that rule first on 40 ms of the GUI thread's own arithmetic (a phase left out of the totals).
//
// --others (with --stacks) also samples every other thread of the process while the GUI thread is asleep
// in a long gap, and prints which of them were inside malloc, free or realloc then (StallSampler.h): the
// holder of a lock the GUI thread waits for. --keep-ms MS keeps (and prints) the stacks of gaps whose own
// part reached MS instead of 16 ms; --sample-after-ms MS starts sampling MS into a gap (default 8).
// The benchmark's process has the app's allocator (mimalloc, cmake/AppAllocator.cmake), as the app has: the
// report names it after the style. (The census of glibc-arena frees by other threads, --free-census until the
// s16-alloc branch, cannot run in a process whose malloc is mimalloc's; tst_ui_gui_arena keeps it, under
// glibc.)
//
// --startup-only ends the session after the window's first paint (a first paint happens once per process:
// for repeated start-up measurements). --paint-times prints the first paint's cost widget by widget
// (PaintTimes.h). --whole-first-paint paints the whole window in its first paint (StagedReveal released at
// once): the "before" of that change. --switch-paint-times prints the same for the song switches (clicks on
// the song list, delivered by the loop; with --switch-direct the script calls showSong() and the CPU of each
// call is printed too). --decode-paint-times the same for the long song's decode phase (its growing stems
// arriving), --zoom-paint-times for the zoom phase, --retry-paint-times for the retry phase (the old stems'
// lanes, then the new stems' arriving).
// Each also lists the costliest single paint events with their rects (a lane's full repaint or a strip).
//
//   bench_gui_stall [--minutes M] [--burners N] [--load-processes N] [--work DIR] [--root-cause SECONDS]
//                   [--stacks [--others] [--keep-ms MS] [--sample-after-ms MS]]
//                   [--plain-style]
//                   [--startup-only] [--paint-times] [--whole-first-paint] [--switch-paint-times]
//                   [--decode-paint-times] [--zoom-paint-times] [--retry-paint-times] [--switch-direct]

#include "BurnerClock.h"
#include "PaintTimes.h"
#include "PythonReference.h"
#include "StallProbe.h"
#include "StallSampler.h"
#include "ThreadCensus.h"

#include "AppAllocator.h"
#include "MainWindow.h"
#include "StagedReveal.h"
#include "WorkerThreads.h"
#include "audio/AudioFileWriter.h"
#include "library/ExportActions.h"
#include "separation/StemCache.h"
#include "session/SelectionModel.h"
#include "session/SongSession.h"
#include "settings/AppSettings.h"
#include "songs/SongList.h"
#include "songs/SongQueue.h"
#include "songs/WorkerPriority.h"
#include "views/LaneStrip.h"
#include "views/LaneView.h"
#include "views/TimelineView.h"
#include "views/TimelineViewport.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QListView>
#include <QMimeData>
#include <QMouseEvent>
#include <QPalette>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <pthread.h>
#include <sys/prctl.h>
#include <unistd.h>

using namespace stemcrate;
using namespace stemcrate::ui;
using stemcrate::bench::BurnerClock;
using stemcrate::bench::PaintTimes;
using stemcrate::bench::StallProbe;
using stemcrate::bench::StallSampler;
using stemcrate::bench::ThreadCensus;

namespace {

// Runs the event loop until `done` holds or `timeoutMs` passes; false on timeout.
bool waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        StallProbe::sleepIdle(1);
    }
    return true;
}

void idle(int ms)
{
    waitFor([] { return false; }, ms);
}

bool writeSong(const QString& path, double seconds, double hz)
{
    if (QFileInfo(path).size() > 0)
        return true; // generated by an earlier run
    AudioBuffer audio(2, int64_t(seconds * kEngineSampleRate));
    uint32_t seed = 5;
    for (int c = 0; c < 2; ++c)
        for (int64_t t = 0; t < audio.frames; ++t) {
            seed = seed * 1664525u + 1013904223u;
            const double noise = (double(seed >> 8) / double(1 << 24) - 0.5) * 0.1;
            const double beat = (t % 22050) < 2000 ? 0.4 * std::exp(-double(t % 22050) / 400.0) : 0.0;
            audio.channel(c)[t] =
                float(0.3 * std::sin(2 * M_PI * hz * double(t) / kEngineSampleRate) + noise + beat);
        }
    const QString partial = path + QStringLiteral(".part");
    if (!audio::writeAudioFile(partial.toStdString(), audio, audio::FileFormat::Wav,
                               audio::SampleFormat::Int16)
             .ok())
        return false;
    return QFile::rename(partial, path);
}

void drop(MainWindow& window, const QString& path)
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPoint centre = window.rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    const int before = window.songs().count();
    QDropEvent dropEvent(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &dropEvent);
    // The queue looks at dropped paths on a worker (folders are scanned there): the song arrives queued.
    waitFor([&] { return window.songs().count() > before; }, 120000);
}

// A left-button mouse event at `pos` in `widget`: delivered now, or with `posted` left for the event loop to
// deliver, as it delivers the platform's input.
void mouse(QWidget* widget, QEvent::Type type, QPointF pos, Qt::MouseButtons buttons, bool posted = false)
{
    auto event = std::make_unique<QMouseEvent>(type, pos, widget->mapToGlobal(pos), Qt::LeftButton, buttons,
                                               Qt::NoModifier);
    if (posted)
        QCoreApplication::postEvent(widget, event.release());
    else
        QCoreApplication::sendEvent(widget, event.get());
}

void trigger(MainWindow& window, const char* action)
{
    if (auto* a = window.findChild<QAction*>(QLatin1String(action)))
        a->trigger();
}

SongState stateOf(MainWindow& window, int row)
{
    const Song* song = window.songs().songAt(row);
    return song ? song->state() : SongState::Queued;
}

qint64 validOf(MainWindow& window, int row)
{
    const Song* song = window.songs().songAt(row);
    return song && song->stems ? song->stems->validFrames() : 0;
}

// Busy work of about `us` microseconds (a tile column's FFT and colour mapping, roughly).
void spin(int us)
{
    const auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(us);
    volatile double x = 1.0;
    while (std::chrono::steady_clock::now() < until)
        x = x * 1.0000001 + 1e-9;
}

// Two reniced "tile workers" post results to the GUI thread for `seconds`; every millisecond the GUI
// thread does what ~SpectrogramRenderer did (lock the workers' mutex) or, new pattern, sets an atomic.
// Returns the GUI thread's longest wait in ms and how many of its attempts waited 16 ms or more.
std::pair<double, int> mailboxWait(bool oldPattern, double seconds)
{
    QObject receiver;
    std::mutex mailbox;
    std::atomic<bool> cancelled{false}, stop{false};
    std::atomic<int> delivered{0};
    std::vector<std::thread> workers;
    for (int i = 0; i < 2; ++i)
        workers.emplace_back([&] {
            lowerWorkerPriority();
            while (!stop.load()) {
                spin(3000); // a tile
                const auto post = [&] {
                    QMetaObject::invokeMethod(
                        &receiver, [&delivered] { ++delivered; }, Qt::QueuedConnection);
                };
                if (oldPattern) {
                    std::lock_guard lock(mailbox);
                    post();
                } else if (!cancelled.load(std::memory_order_relaxed)) {
                    post();
                }
            }
        });
    double worstMs = 0.0;
    int over = 0;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < qint64(seconds * 1000)) {
        QElapsedTimer wait;
        wait.start();
        if (oldPattern) {
            std::lock_guard lock(mailbox);
        } else {
            cancelled.store(false, std::memory_order_relaxed);
        }
        const double ms = double(wait.nsecsElapsed()) / 1e6;
        worstMs = std::max(worstMs, ms);
        over += ms >= 16.0;
        QCoreApplication::processEvents();
        QThread::usleep(1000);
    }
    stop = true;
    for (std::thread& t : workers)
        t.join();
    QCoreApplication::processEvents();
    return {worstMs, over};
}

void printRow(const std::string& name, const StallProbe::Phase& p)
{
    const StallProbe::Gap &raw = p.longestRaw, &lessWait = p.longestRawLessWait, &own = p.longestOwn,
                          &seen = p.longestSeenOwn;
    std::printf("| %s | %.1f | %.1f / %.1f / %.1f | %.1f | %.1f | %.1f / %.1f | %d | %.1f | %d |\n",
                name.c_str(), raw.rawMs, raw.waitMs, raw.idleMs, raw.stolenMs,
                lessWait.rawMs - lessWait.waitMs, own.ownMs, own.cpuMs, own.blockedMs, p.ownOver16Ms,
                seen.seenOwnMs, p.seenOwnOver16Ms);
}

void report(const StallProbe& probe, const StallProbe::Phase& reference, double referenceRaw999,
            double referenceOwn999, int burners, int loadProcesses, bool ok)
{
    std::printf(
        "\n| phase | longest raw gap (ms) | its run-queue wait / idle / stolen | longest raw - wait | "
        "longest own gap (ms) | its CPU / blocked | own gaps >= 16 ms | longest own gap less CPU no tick saw "
        "(ms) | such gaps >= 16 ms |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    printRow("reference: " + std::to_string(burners) + " burner thread(s), " + std::to_string(loadProcesses) +
                 " burner process(es), 5 s",
             reference);
    for (const std::string& name : probe.phases())
        printRow(name, probe.result(name));
    const StallProbe::Phase all = probe.whole();
    std::printf(
        "\nwhole session: longest raw gap %.1f ms (run-queue wait %.1f, idle %.1f, stolen %.1f of it; "
        "reference %.1f ms), longest raw - wait %.1f ms (reference %.1f), longest own gap %.1f ms "
        "(reference %.1f ms), %d own gaps >= 16 ms; less the CPU no kernel tick saw (--stacks): longest "
        "%.1f ms, %d gaps >= 16 ms; 99.9th percentile raw %.2f ms (reference %.2f), own "
        "%.2f ms (reference %.2f); %zu probe ticks; gaps split by schedstat: %s; %s\n",
        all.longestRaw.rawMs, all.longestRaw.waitMs, all.longestRaw.idleMs, all.longestRaw.stolenMs,
        reference.longestRaw.rawMs, all.longestRawLessWait.rawMs - all.longestRawLessWait.waitMs,
        reference.longestRawLessWait.rawMs - reference.longestRawLessWait.waitMs, all.longestOwn.ownMs,
        reference.longestOwn.ownMs, all.ownOver16Ms, all.longestSeenOwn.seenOwnMs, all.seenOwnOver16Ms,
        probe.rawPercentile(0.999), referenceRaw999, probe.ownPercentile(0.999), referenceOwn999,
        probe.ticks(), probe.splitsGaps() ? "yes" : "NO",
        ok ? "every step completed" : "SOME STEPS TIMED OUT");
}

// Per phase, the first burner's units of fixed arithmetic that its CPU clock charged kKeptMs or more
// (BurnerClock.h): the machine's own charge to a running thread's CPU time, beside the GUI thread's gaps.
void printBurnerClock(const BurnerClock& clock, const std::vector<std::pair<std::string, int64_t>>& starts)
{
    if (clock.units() == 0)
        return;
    std::printf(
        "\nthe burner's fixed units of arithmetic: %zu, median %.2f ms of CPU each; units charged %.0f ms or "
        "more:\n\n| phase | units >= %.0f ms | >= 16 ms | largest (CPU / wall, ms) |\n"
        "| --- | ---: | ---: | ---: |\n",
        clock.units(), clock.medianCpuMs(), BurnerClock::kKeptMs, BurnerClock::kKeptMs);
    for (size_t i = 0; i + 1 < starts.size(); ++i) {
        int over = 0, over16 = 0;
        BurnerClock::Unit largest;
        for (const BurnerClock::Unit& unit : clock.kept())
            if (unit.endNs >= starts[i].second && unit.endNs < starts[i + 1].second) {
                ++over;
                over16 += unit.cpuMs >= 16.0;
                if (unit.cpuMs > largest.cpuMs)
                    largest = unit;
            }
        std::printf("| %s | %d | %d | %.1f / %.1f |\n", starts[i].first.c_str(), over, over16, largest.cpuMs,
                    largest.wallMs);
    }
    std::fflush(stdout);
}

// The application, with every paint event (and every sync of a window) timed while paintTimes records.
class BenchApplication : public QApplication
{
public:
    using QApplication::QApplication;
    PaintTimes paintTimes;
    bool notify(QObject* receiver, QEvent* event) override
    {
        return paintTimes.deliver(receiver, event, [&] { return QApplication::notify(receiver, event); });
    }
};

// Wall and thread CPU time (ms) of `work`, run once on this thread.
std::pair<double, double> timed(const std::function<void()>& work)
{
    timespec cpu0{}, cpu1{};
    QElapsedTimer wall;
    wall.start();
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu0);
    work();
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu1);
    return {double(wall.nsecsElapsed()) / 1e6,
            double(cpu1.tv_sec - cpu0.tv_sec) * 1e3 + double(cpu1.tv_nsec - cpu0.tv_nsec) / 1e6};
}

// `count` busy processes at normal priority: load from outside the app, as other programs make it. They
// end with the benchmark (the parent's death signals them).
void startLoadProcesses(int count)
{
    for (int i = 0; i < count; ++i)
        if (fork() == 0) {
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            volatile double x = 1.0;
            for (;;)
                x = x * 1.0000001 + 1e-9;
        }
}

} // namespace

int main(int argc, char** argv)
{
    configureAppAllocator(); // as the app's main() does, before any thread allocates
    int loadProcesses = 0;   // before QApplication and any thread: a forked child only spins
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--load-processes") == 0)
            loadProcesses = std::atoi(argv[i + 1]);
    startLoadProcesses(loadProcesses);
    qputenv("QT_QPA_PLATFORM", "offscreen");
    BenchApplication app(argc, argv);
    double minutes = 60.0;
    int burners = 1; // beside the app's own separation, which takes every core at lowered priority
    double rootCauseSeconds = 0.0;
    QString work = QDir::temp().filePath(QStringLiteral("stemcrate-bench-gui"));
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--minutes"))
            minutes = args[++i].toDouble();
        else if (args[i] == QLatin1String("--burners"))
            burners = args[++i].toInt();
        else if (args[i] == QLatin1String("--work"))
            work = args[++i];
        else if (args[i] == QLatin1String("--root-cause"))
            rootCauseSeconds = args[++i].toDouble();
    }
    QDir().mkpath(work);
    QStandardPaths::setTestModeEnabled(true);
    QSettings settings(QStringLiteral("stemcrate"), QStringLiteral("stemcrate"));
    settings.clear();
    settings.setValue(QStringLiteral("library/folder"), QDir(work).filePath(QStringLiteral("library")));
    settings.setValue(QStringLiteral("separation/segmentSeconds"), 2.0);
    settings.sync();
    separation::StemCache(AppSettings::stemCacheFolder().toStdString()).clear();

    std::fprintf(stderr, "preparing: checkpoint, a 10 s song and a %.0f min song in %s\n", minutes,
                 qPrintable(work));
    const QString checkpoint = test::makeCheckpoint(QDir(work).filePath(QStringLiteral("hdemucs_random.pt")));
    const QString shortSong = QDir(work).filePath(QStringLiteral("short.wav"));
    const QString longSong = QDir(work).filePath(QStringLiteral("long-%1min.wav").arg(minutes));
    if (checkpoint.isEmpty() || !writeSong(shortSong, 10.0, 110.0) ||
        !writeSong(longSong, minutes * 60.0, 220.0)) {
        std::fprintf(stderr, "error: could not prepare the inputs in %s\n", qPrintable(work));
        return 1;
    }

    std::atomic<bool> stop{false};
    std::vector<std::thread> load;
    BurnerClock burnerClock; // the first burner's units: the machine's charge to a thread's CPU clock
    for (int i = 0; i < burners; ++i)
        load.emplace_back([&stop, &burnerClock, i] {
            pthread_setname_np(pthread_self(), "burner");
            if (i == 0) {
                burnerClock.run(stop);
                return;
            }
            volatile double x = 1.0;
            while (!stop.load(std::memory_order_relaxed))
                x = x * 1.0000001 + 1e-9;
        });
    // Each phase's name and start (CLOCK_MONOTONIC ns), for the burner's units per phase.
    std::vector<std::pair<std::string, int64_t>> phaseStarts;
    const auto markPhase = [&phaseStarts](const char* name) {
        timespec t{};
        clock_gettime(CLOCK_MONOTONIC, &t);
        phaseStarts.emplace_back(name, int64_t(t.tv_sec) * 1'000'000'000 + t.tv_nsec);
    };

    if (rootCauseSeconds > 0) {
        const auto [oldMs, oldOver] = mailboxWait(true, rootCauseSeconds);
        const auto [newMs, newOver] = mailboxWait(false, rootCauseSeconds);
        std::printf(
            "| GUI thread's wait, %.0f s of 1 ms attempts beside 2 reniced tile workers and %d burners | "
            "longest (ms) | attempts >= 16 ms |\n| --- | ---: | ---: |\n",
            rootCauseSeconds, burners);
        std::printf("| old: lock the mailbox mutex the workers post under | %.1f | %d |\n", oldMs, oldOver);
        std::printf("| new: atomic cancel flag, workers post without a lock | %.3f | %d |\n\n", newMs,
                    newOver);
        std::fflush(stdout);
    }

    StallProbe::Phase reference;
    double referenceRaw999 = 0.0, referenceOwn999 = 0.0;
    {
        StallProbe probe;
        probe.phase("reference: the burners alone");
        markPhase("reference: the burners alone");
        idle(5000);
        reference = probe.whole();
        referenceRaw999 = probe.rawPercentile(0.999);
        referenceOwn999 = probe.ownPercentile(0.999);
    }

    ThreadCensus census;
    census.start();

    const auto option = [&args](const char* name, double fallback) {
        const qsizetype at = args.indexOf(QLatin1String(name));
        return at >= 0 && at + 1 < args.size() ? args[at + 1].toDouble() : fallback;
    };
    std::unique_ptr<StallSampler> sampler;
    if (args.contains(QLatin1String("--stacks")))
        sampler = std::make_unique<StallSampler>(int(option("--sample-after-ms", 8)), 3,
                                                 args.contains(QLatin1String("--others")));
    const bool startupOnly = args.contains(QLatin1String("--startup-only"));
    app.paintTimes.setRecording(args.contains(QLatin1String("--paint-times")));
    // Before the event loop runs (no input can wait on it), in the real app as here; printed, not a stall.
    std::unique_ptr<MainWindow> window;
    const auto [constructMs, constructCpuMs] = timed([&] { window = std::make_unique<MainWindow>(); });
    const bool plainStyle = args.contains(QLatin1String("--plain-style"));
    // The "before" of StagedReveal, for interleaved start-up runs: the whole window in its first paint.
    if (args.contains(QLatin1String("--whole-first-paint")))
        window->findChild<StagedReveal*>()->releaseAll();
    if (plainStyle) { // MainWindow set the theme's TiledStyle and palette: keep the palette
        const QPalette palette = QApplication::palette();
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(palette);
    }
    std::printf("style: %s\nallocator: %s\n", qPrintable(QApplication::style()->metaObject()->className()),
                allocatorName(processAllocator()));
    if (sampler) // the unseen-CPU rule's tick (10 ms, the longest Linux has, when the config cannot be read)
        std::printf("kernel tick: %.1f ms\n", sampler->kernelTickMs());
    std::printf("\n");
    window->setModelPath(checkpoint);
    const auto [showMs, showCpuMs] = timed([&] { window->show(); });
    std::printf("before the event loop: window constructed in %.1f ms (%.1f ms CPU), show() %.1f ms (%.1f ms "
                "CPU)\n\n",
                constructMs, constructCpuMs, showMs, showCpuMs);
    StallProbe probe;
    probe.keepMs = option("--keep-ms", 16.0);
    if (sampler)
        probe.onOwnStall = [&sampler](const std::string& phase, const StallProbe::Gap& gap, int64_t startNs,
                                      int64_t endNs) {
            char label[256];
            std::snprintf(label, sizeof label, "%s, at %.1f s: cpu %.1f + blocked %.1f ms, stolen %.1f",
                          phase.c_str(), gap.atSeconds, gap.cpuMs, gap.blockedMs, gap.stolenMs);
            sampler->keep(label, startNs, endNs);
        };
    if (sampler)
        probe.unseenCpu = [&sampler](int64_t startNs, int64_t endNs, int64_t startCpuNs, int64_t endCpuNs) {
            return sampler->unseenCpuMs(startNs, endNs, startCpuNs, endCpuNs);
        };
    probe.phase("window shown: first paint (fonts, styles)");
    markPhase("window shown: first paint (fonts, styles)");
    idle(1000);
    app.paintTimes.setRecording(false);
    if (sampler) {
        // The check of the unseen-CPU rule, left out of the session's figures: 40 ms of arithmetic on the GUI
        // thread is one gap of 40 ms own CPU, and the kernel's ticks see all of it (its row's last figures
        // are then about 40 and 1). Should a stopped virtual CPU land in it, its row says so too.
        probe.phase("check (not counted): 40 ms of arithmetic on the GUI thread", false);
        QTimer::singleShot(0, [] {
            const auto cpuNow = [] {
                timespec t{};
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
                return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
            };
            volatile double x = 1.0;
            for (const double start = cpuNow(); cpuNow() - start < 40.0;)
                for (int i = 0; i < 1000; ++i)
                    x = x * 1.0000001 + 1e-9;
        });
        idle(500);
    }
    if (startupOnly) {
        report(probe, reference, referenceRaw999, referenceOwn999, burners, loadProcesses, true);
        if (args.contains(QLatin1String("--paint-times")))
            app.paintTimes.print(40);
        std::fflush(stdout);
        if (sampler)
            sampler->print();
        window.reset();
        stop = true;
        for (std::thread& t : load)
            t.join();
        return 0;
    }
    bool ok = true;
    const auto phase = [&](const char* name) {
        probe.phase(name);
        markPhase(name);
    };
    const auto step = [&](const char* name, const std::function<bool()>& done, int timeoutMs) {
        phase(name);
        if (!waitFor(done, timeoutMs)) {
            std::fprintf(stderr, "  timed out: %s\n", name);
            ok = false;
        }
    };

    drop(*window, shortSong);
    step(
        "short song: decode + separate", [&] { return stateOf(*window, 0) == SongState::Done; }, 600000);
    step(
        "short song: analysis and summaries", [&] { return window->songs().songAt(0)->analysis != nullptr; },
        120000);
    drop(*window, longSong);
    window->showSong(window->songs().songAt(1)->id);
    // --decode-paint-times, --switch-paint-times: a phase's costliest deliveries, printed after it.
    const auto recordDeliveries = [&](bool on) {
        app.paintTimes.clear();
        app.paintTimes.setRecording(on);
    };
    const auto printDeliveries = [&](bool on, const char* what) {
        app.paintTimes.setRecording(false);
        if (!on)
            return;
        std::printf("\n%s's deliveries:\n", what);
        app.paintTimes.print(25);
        std::fflush(stdout);
    };
    const bool decodePaintTimes = args.contains(QLatin1String("--decode-paint-times"));
    recordDeliveries(decodePaintTimes);
    step(
        "long song: decode until the first stems", [&] { return validOf(*window, 1) > 0; }, 900000);
    printDeliveries(decodePaintTimes, "the long song's decode phase");
    // On a slow machine its first stems can come before its decode ends; until then the song shows no lanes
    // (the timeline panel's drop hint), and the zoom phase below would repaint none.
    step(
        "long song: until decoded (its lanes shown)",
        [&] { return window->songs().songAt(1)->track != nullptr; }, 900000);
    phase("switch songs (x6) while separating");
    const bool switchPaintTimes = args.contains(QLatin1String("--switch-paint-times"));
    recordDeliveries(switchPaintTimes);
    // The musician's switch: a click on the song's row in the song list, posted to the list so that the event
    // loop delivers it as it delivers the platform's input (the sync it causes comes in a later pass over the
    // posted events, as after a real click). --switch-direct: the script calls showSong() itself, outside
    // the loop, which then delivers the sync right after it (the sessions before the seventeenth).
    const bool switchDirect = args.contains(QLatin1String("--switch-direct"));
    auto* songList = window->findChild<QListView*>(QStringLiteral("songList"));
    for (int i = 0; i < 6; ++i) {
        const int id = window->songs().songAt(i % 2)->id;
        if (switchDirect || !songList) {
            timespec at{};
            clock_gettime(CLOCK_MONOTONIC, &at);
            const auto [switchMs, switchCpuMs] = timed([&] { window->showSong(id); });
            if (switchPaintTimes)
                std::printf("switch %d: showSong() %.1f ms (%.1f ms CPU), at %.6f s (CLOCK_MONOTONIC)\n", i,
                            switchMs, switchCpuMs, double(at.tv_sec) + double(at.tv_nsec) / 1e9);
        } else {
            const QPointF row = songList->visualRect(songList->model()->index(i % 2, 0)).center();
            mouse(songList->viewport(), QEvent::MouseButtonPress, row, Qt::LeftButton, true);
            mouse(songList->viewport(), QEvent::MouseButtonRelease, row, Qt::NoButton, true);
        }
        idle(400);
        if (window->currentSongId() != id) {
            std::fprintf(stderr, "  switch %d: the click did not show song %d\n", i, id);
            ok = false;
        }
    }
    printDeliveries(switchPaintTimes, "the switch phase");
    phase("zoom, spectrogram, scroll");
    const bool zoomPaintTimes = args.contains(QLatin1String("--zoom-paint-times"));
    recordDeliveries(zoomPaintTimes);
    for (int i = 0; i < 6; ++i) {
        trigger(*window, "zoomInAction");
        idle(150);
    }
    trigger(*window, "spectrogramAction");
    idle(1500);
    window->timeline().viewport().scrollByPixels(300);
    idle(500);
    trigger(*window, "zoomFitAction");
    idle(1000);
    trigger(*window, "spectrogramAction");
    idle(300);
    printDeliveries(zoomPaintTimes, "the zoom phase");
    window->findChild<QPushButton*>(QStringLiteral("cancelSongButton"))->click();
    step(
        "cancel", [&] { return stateOf(*window, 1) == SongState::Cancelled; }, 120000);
    trigger(*window, "spectrogramAction"); // on again for the retry: tiles follow the growing stems
    // The cancelled run's stems stay listed (and shown) until the retried separation makes new ones.
    const StemSet* cancelledStems = window->songs().songAt(1)->stems.get();
    const bool retryPaintTimes = args.contains(QLatin1String("--retry-paint-times"));
    recordDeliveries(retryPaintTimes);
    window->findChild<QPushButton*>(QStringLiteral("retrySongButton"))->click();
    step(
        "retry until new stems",
        [&] {
            const Song* s = window->songs().songAt(1);
            TimelineView& timeline = window->timeline();
            return s->state() == SongState::Separating && s->stems && s->stems.get() != cancelledStems &&
                   s->stems->validFrames() > 0 && timeline.laneCount() == 5 &&
                   timeline.lane(1)->view()->audio().stems == s->stems;
        },
        600000);
    printDeliveries(retryPaintTimes, "the retry phase");

    phase("select with the mouse, drag out");
    bool dragReady = false;
    QObject::connect(&window->exports(), &ExportActions::dragOutReady, [&dragReady] { dragReady = true; });
    if (window->timeline().laneCount() > 1) {
        TimelineViewport& viewport = window->timeline().viewport();
        // Zoom onto the separated start so that a drag across the lane selects separated frames.
        viewport.zoom(viewport.framesPerPixel() / 200.0, 0);
        idle(200);
        QPointer<LaneView> lane = window->timeline().lane(1)->view(); // after the idle: lanes follow stems
        const int y = lane->height() / 2;
        mouse(lane, QEvent::MouseButtonPress, QPointF(lane->width() * 0.1, y), Qt::LeftButton);
        mouse(lane, QEvent::MouseMove, QPointF(lane->width() * 0.3, y), Qt::LeftButton);
        mouse(lane, QEvent::MouseButtonRelease, QPointF(lane->width() * 0.3, y), Qt::NoButton);
        mouse(lane, QEvent::MouseButtonPress, QPointF(lane->width() * 0.2, y), Qt::LeftButton);
        step(
            "drag-out export", [&] { return dragReady; }, 60000);
        if (lane) // a lane is rebuilt only when its stems are replaced
            mouse(lane, QEvent::MouseButtonRelease, QPointF(lane->width() * 0.2, y), Qt::NoButton);
    } else {
        ok = false;
    }
    phase("close");
    window->close();
    idle(1000);
    census.stop();
    report(probe, reference, referenceRaw999, referenceOwn999, burners, loadProcesses, ok);
    std::printf(
        "\n| thread (name) | nice | threads | CPU during the session (s) |\n| --- | ---: | ---: | ---: |\n");
    for (const ThreadCensus::Row& row : census.rows())
        if (row.cpuSeconds >= 0.05)
            std::printf("| %s | %d | %d | %.1f |\n", row.name.c_str(), row.nice, row.threads, row.cpuSeconds);
    std::fflush(stdout);
    if (sampler)
        sampler->print();

    window.reset(); // the real app destroys the window after its event loop has ended
    markPhase("(after the session)");
    stop = true;
    for (std::thread& t : load)
        t.join();
    printBurnerClock(burnerClock, phaseStarts);
    return ok ? 0 : 1;
}
