// bench_first_song: the app's first song, from its drop to its first stems, with the separation engine
// preloaded while the song decodes (SongQueue's engine preload, EnginePreloading::On) against the model
// loaded by the separation after the decode (Off, the order before the preload). Each run is a fresh process
// (a cold first song: the model file, libtorch's start, the first pass), the two orders alternated over the
// rounds. SongQueue runs as in the app, without a window; the song is a FLAC file the benchmark writes (a
// decode of real work), the model a random-weights checkpoint in the pretrained file's format. Usage:
// bench_first_song --checkpoint PATH
// [--device cpu|cuda] [--threads N] [--song-seconds S]
//        [--rounds N]

#include "audio/AudioFileWriter.h"
#include "songs/SongList.h"
#include "songs/SongQueue.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <random>
#include <string>
#include <vector>

using namespace stemcrate;
using namespace stemcrate::ui;
using Clock = std::chrono::steady_clock;

namespace {

struct Args
{
    std::string checkpoint, device = "cpu", child, song;
    int threads = 0, rounds = 5;
    double songSeconds = 180.0;
};

double since(Clock::time_point t)
{
    return std::chrono::duration<double>(Clock::now() - t).count();
}

// A song with a decoder's worth of content: chords, a bass line and noise bursts (FLAC cannot shrink it to
// nothing, so the decode is real work).
bool writeSong(const std::string& path, double seconds)
{
    AudioBuffer audio(2, static_cast<int64_t>(seconds * kEngineSampleRate));
    std::mt19937 random(7);
    std::normal_distribution<float> noise(0.0f, 1.0f);
    for (int64_t t = 0; t < audio.frames; ++t) {
        const double s = static_cast<double>(t) / kEngineSampleRate;
        const double beat = std::fmod(s, 0.5);
        const double chord = 0.1 * (std::sin(2 * M_PI * 220.0 * s) + std::sin(2 * M_PI * 277.2 * s) +
                                    std::sin(2 * M_PI * 329.6 * s));
        const double bass = 0.2 * std::sin(2 * M_PI * (55.0 + 27.5 * std::floor(std::fmod(s, 4.0))) * s);
        const double hit = 0.3 * std::exp(-beat * 30.0) * noise(random);
        audio.channel(0)[t] = static_cast<float>(chord + bass + hit);
        audio.channel(1)[t] = static_cast<float>(chord * 0.8 + bass + hit * 0.7);
    }
    return audio::writeAudioFile(path, audio, audio::FileFormat::Flac, audio::SampleFormat::Int16).ok();
}

// The child: one first song in this process. "preload": the model loads during the decode; "serial": after
// it. Prints "decoded D first-stems F loads L" in seconds from the drop.
int runChild(const Args& args)
{
    QTemporaryDir cacheFolder; // empty: a cache miss, so the song is separated
    if (!cacheFolder.isValid()) {
        std::fprintf(stderr, "bench_first_song: no temporary folder\n");
        return 1;
    }
    SongList songs;
    SongQueue queue(songs, cacheFolder.path());
    queue.setEnginePreloading(args.child == "serial" ? SongQueue::EnginePreloading::Off
                                                     : SongQueue::EnginePreloading::On);
    SeparationConfig config;
    config.modelPath = QString::fromStdString(args.checkpoint);
    config.options.device = args.device == "cuda" ? separation::Device::Cuda : separation::Device::Cpu;
    config.options.threads = args.threads;
    queue.setConfig(config);

    double decodedAt = -1.0, firstStemsAt = -1.0;
    int failures = 0;
    const Clock::time_point drop = Clock::now();
    QObject::connect(&queue, &SongQueue::songDecoded, [&](int) { decodedAt = since(drop); });
    QObject::connect(&queue, &SongQueue::stemsPublished, [&](int id, qint64 validFrames) {
        if (validFrames <= 0 || firstStemsAt >= 0.0)
            return;
        firstStemsAt = since(drop);
        queue.cancel(id);
        QCoreApplication::quit();
    });
    QObject::connect(&queue, &SongQueue::problem, [&](const QString& message) {
        std::fprintf(stderr, "bench_first_song: %s\n", message.toUtf8().constData());
        ++failures;
        QCoreApplication::quit();
    });
    queue.add(QString::fromStdString(args.song));
    QCoreApplication::exec();
    if (failures || firstStemsAt < 0.0)
        return 1;
    std::printf("decoded %.3f first-stems %.3f loads %d\n", decodedAt, firstStemsAt, queue.engineLoads());
    return 0;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    Args args;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : std::string(); };
        if (a == "--checkpoint")
            args.checkpoint = value();
        else if (a == "--device")
            args.device = value();
        else if (a == "--threads")
            args.threads = std::stoi(value());
        else if (a == "--song-seconds")
            args.songSeconds = std::stod(value());
        else if (a == "--rounds")
            args.rounds = std::stoi(value());
        else if (a == "--child")
            args.child = value();
        else if (a == "--song")
            args.song = value();
        else {
            std::fprintf(stderr, "bench_first_song: unknown argument %s\n", a.c_str());
            return 2;
        }
    }
    if (args.checkpoint.empty()) {
        std::fprintf(stderr, "usage: bench_first_song --checkpoint PATH [--device cpu|cuda] [--threads N] "
                             "[--song-seconds S] [--rounds N]\n");
        return 2;
    }
    if (!args.child.empty())
        return runChild(args);

    QTemporaryDir folder;
    const std::string song = folder.filePath(QStringLiteral("song.flac")).toStdString();
    if (!folder.isValid() || !writeSong(song, args.songSeconds)) {
        std::fprintf(stderr, "bench_first_song: could not write the song\n");
        return 1;
    }
    std::map<std::string, std::vector<double>> decodedAt, firstStems;
    std::printf("song %.0f s FLAC, device %s, threads %d, %d rounds of fresh processes\n", args.songSeconds,
                args.device.c_str(), args.threads, args.rounds);
    for (int round = 0; round < args.rounds; ++round) {
        const char* order[2] = {"preload", "serial"};
        if (round % 2)
            std::swap(order[0], order[1]);
        for (const char* mode : order) {
            QProcess child;
            child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            QStringList childArgs{"--checkpoint", QString::fromStdString(args.checkpoint),
                                  "--device",     QString::fromStdString(args.device),
                                  "--threads",    QString::number(args.threads),
                                  "--song",       QString::fromStdString(song),
                                  "--child",      QString::fromLatin1(mode)};
            child.start(QCoreApplication::applicationFilePath(), childArgs);
            if (!child.waitForFinished(600000) || child.exitCode() != 0) {
                std::fprintf(stderr, "bench_first_song: the %s child failed\n", mode);
                return 1;
            }
            double d = 0, f = 0;
            int loads = 0;
            const QByteArray out = child.readAllStandardOutput();
            if (std::sscanf(out.constData(), "decoded %lf first-stems %lf loads %d", &d, &f, &loads) != 3) {
                std::fprintf(stderr, "bench_first_song: unreadable child output: %s\n", out.constData());
                return 1;
            }
            std::printf("round %d %-8s decoded %.3f s, first stems %.3f s (engine loads %d)\n", round + 1,
                        mode, d, f, loads);
            std::fflush(stdout);
            decodedAt[mode].push_back(d);
            firstStems[mode].push_back(f);
        }
    }
    int lower = 0;
    for (size_t i = 0; i < firstStems["preload"].size(); ++i)
        lower += firstStems["preload"][i] < firstStems["serial"][i];
    const double preload = median(firstStems["preload"]), serial = median(firstStems["serial"]);
    std::printf("\n| drop to first stems (median) | preloaded | load after the decode | ratio |\n");
    std::printf("|---|---|---|---|\n");
    std::printf("| %.0f s song, %s | %.3f s | %.3f s | %.2fx |\n", args.songSeconds, args.device.c_str(),
                preload, serial, serial / preload);
    std::printf(
        "decode ended (median): %.3f s preloaded, %.3f s serial; preloaded lower in %d of %zu rounds\n",
        median(decodedAt["preload"]), median(decodedAt["serial"]), lower, firstStems["preload"].size());
    return 0;
}
