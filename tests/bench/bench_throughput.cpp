// bench_throughput: many songs through core/batch's SongPipeline (stage workers decode -> one Separator ->
// stage workers encode and write), FLAC in, WAV or FLAC out, against tests/bench/torchaudio_throughput.py (decode ->
// batched torchaudio HDemucs -> write) in the same run, on the same inputs and codec (libsndfile).
// Prints songs per hour, each stage's busy time, the limiting stage, and the GPU's busy fraction as
// nvidia-smi samples it (utilization.gpu, every 100 ms) over each side's run. Outputs are deleted as soon as
// a song is written (a disk holds 200 songs' WAV stems only briefly). `--split both` runs the same songs
// through the fixed split of before (a third of the workers only decode, the rest only write) and through
// the shared workers (SongPipeline's default), one after the other. No Qt, no FFmpeg: builds on the GPU
// machine.

#include "SndfileAudio.h"

#include "batch/SongPipeline.h"
#include "common/ThreadBudget.h"
#include "separation/Separator.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace stemcrate;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Args
{
    std::string checkpoint, work = "/tmp/stemcrate-throughput";
    std::string python = STEMCRATE_PYTHON, script = STEMCRATE_THROUGHPUT_SCRIPT;
    int songs = 200, distinct = 20, pythonSongs = 40, batch = 18, threads = 0;
    double songSeconds = 180;
    std::string device = "cuda", formats = "wav,flac";
    bool skipPython = false;
    // "staged" (the default): the separator's prepare() after decode and the stems' landing before write, on
    // the stage workers; "inline": Separator::separate() on the separating thread (the code before); "both":
    // inline, then staged, in the same run.
    std::string modes = "staged";
    // "pool" (the default): the stage workers shared by decode and write; "fixed": the fixed third/two-thirds
    // split of before; "both": fixed, then pool.
    std::string splits = "pool";
};

// nvidia-smi's utilization.gpu, sampled on a thread; mean over an interval.
class GpuSampler
{
public:
    GpuSampler()
    {
        int fds[2];
        if (pipe(fds) != 0)
            return;
        m_pid = fork();
        if (m_pid == 0) {
            dup2(fds[1], STDOUT_FILENO);
            close(fds[0]);
            close(fds[1]);
            execlp("nvidia-smi", "nvidia-smi", "--query-gpu=utilization.gpu", "--format=csv,noheader,nounits",
                   "-lms", "100", static_cast<char*>(nullptr));
            _exit(127);
        }
        close(fds[1]);
        m_pipe = m_pid > 0 ? fdopen(fds[0], "r") : nullptr;
        if (m_pipe)
            m_thread = std::thread([this] {
                char line[64];
                while (fgets(line, sizeof line, m_pipe)) {
                    std::lock_guard lock(m_mutex);
                    m_samples.emplace_back(Clock::now(), std::atof(line));
                }
            });
    }
    ~GpuSampler()
    {
        if (m_pid > 0) {
            kill(m_pid, SIGTERM); // the sampler this object started, by its pid
            waitpid(m_pid, nullptr, 0);
        }
        if (m_pipe) {
            m_thread.join();
            std::fclose(m_pipe);
        }
    }
    double meanPercent(Clock::time_point from, Clock::time_point to)
    {
        std::lock_guard lock(m_mutex);
        double sum = 0;
        int n = 0;
        for (const auto& [t, v] : m_samples)
            if (t >= from && t <= to) {
                sum += v;
                ++n;
            }
        return n ? sum / n : -1;
    }

private:
    pid_t m_pid = -1;
    FILE* m_pipe = nullptr;
    std::thread m_thread;
    std::mutex m_mutex;
    std::vector<std::pair<Clock::time_point, double>> m_samples;
};

double since(Clock::time_point t)
{
    return std::chrono::duration<double>(Clock::now() - t).count();
}

std::map<std::string, double> runPython(const Args& a, const std::string& list, const std::string& format)
{
    const std::string command = a.python + " " + a.script + " --checkpoint '" + a.checkpoint + "' --list '" + list +
                                "' --songs " + std::to_string(a.pythonSongs) + " --batch " + std::to_string(a.batch) +
                                " --device " + a.device + " --format " + format + " --out '" + a.work + "/py-out'";
    std::map<std::string, double> values;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        return values;
    char line[4096];
    std::string last;
    while (fgets(line, sizeof line, pipe)) {
        std::cout << "pytorch: " << line;
        last = line;
    }
    pclose(pipe);
    // Flat JSON of numbers: "key": value pairs.
    size_t pos = 0;
    while ((pos = last.find('"', pos)) != std::string::npos) {
        const size_t end = last.find('"', pos + 1);
        if (end == std::string::npos)
            break;
        const std::string key = last.substr(pos + 1, end - pos - 1);
        char* stop = nullptr;
        const char* v = last.c_str() + end + 2;
        const double number = std::strtod(v, &stop);
        if (stop != v)
            values[key] = number;
        pos = end + 1;
    }
    return values;
}

} // namespace

int main(int argc, char** argv)
{
    Args a;
    for (int i = 1; i + 1 < argc || (i < argc && std::string(argv[i]) == "--skip-python"); ++i) {
        const std::string k = argv[i];
        if (k == "--skip-python") {
            a.skipPython = true;
            continue;
        }
        const std::string v = argv[++i];
        if (k == "--checkpoint") a.checkpoint = v;
        else if (k == "--work") a.work = v;
        else if (k == "--python") a.python = v;
        else if (k == "--songs") a.songs = std::stoi(v);
        else if (k == "--distinct") a.distinct = std::stoi(v);
        else if (k == "--python-songs") a.pythonSongs = std::stoi(v);
        else if (k == "--batch") a.batch = std::stoi(v);
        else if (k == "--threads") a.threads = std::stoi(v);
        else if (k == "--song-seconds") a.songSeconds = std::stod(v);
        else if (k == "--device") a.device = v;
        else if (k == "--formats") a.formats = v;
        else if (k == "--modes") a.modes = v;
        else if (k == "--split") a.splits = v;
        else {
            std::cerr << "usage: bench_throughput --checkpoint PATH [--songs N] [--distinct N] [--python-songs N]\n"
                         "       [--batch N] [--threads N] [--song-seconds S] [--device cuda|cpu] [--formats wav,flac]\n"
                         "       [--work DIR] [--python PATH] [--skip-python] [--modes staged|inline|both]\n"
                         "       [--split pool|fixed|both]\n";
            return 2;
        }
    }
    if (a.checkpoint.empty())
        return 2;
    fs::create_directories(a.work + "/in");
    const bool cuda = a.device == "cuda";
    const ThreadBudget budget = ThreadBudget::forThisMachine(cuda);

    // Inputs: `distinct` FLAC files, listed round-robin `songs` times.
    auto t0 = Clock::now();
    std::vector<std::string> inputs(static_cast<size_t>(a.distinct));
    std::vector<std::thread> makers;
    for (int d = 0; d < a.distinct; ++d) {
        inputs[static_cast<size_t>(d)] = a.work + "/in/song" + std::to_string(d) + ".flac";
        makers.emplace_back([&, d] {
            if (!fs::exists(inputs[static_cast<size_t>(d)]))
                if (Result<void> r = bench::writeTestFlac(inputs[static_cast<size_t>(d)], a.songSeconds,
                                                          static_cast<unsigned>(d + 1));
                    !r)
                    std::cerr << r.error() << "\n";
        });
        if (makers.size() >= std::thread::hardware_concurrency()) {
            for (auto& m : makers)
                m.join();
            makers.clear();
        }
    }
    for (auto& m : makers)
        m.join();
    const std::string list = a.work + "/songs.txt";
    {
        FILE* f = std::fopen(list.c_str(), "w");
        for (int s = 0; s < a.songs; ++s)
            std::fprintf(f, "%s\n", inputs[static_cast<size_t>(s % a.distinct)].c_str());
        std::fclose(f);
    }
    std::printf("inputs: %d FLAC files of %.0f s made in %.1f s\n", a.distinct, a.songSeconds, since(t0));

    GpuSampler gpu;
    std::vector<std::string> formats;
    for (size_t p = 0; p <= a.formats.size();) {
        const size_t comma = std::min(a.formats.find(',', p), a.formats.size());
        formats.push_back(a.formats.substr(p, comma - p));
        p = comma + 1;
    }

    std::map<std::string, std::map<std::string, double>> py;
    if (!a.skipPython)
        for (const std::string& format : formats) {
            const auto start = Clock::now();
            py[format] = runPython(a, list, format);
            py[format]["gpu_busy_pct"] = gpu.meanPercent(start, Clock::now());
        }

    separation::SeparatorOptions options;
    options.device = cuda ? separation::Device::Cuda : separation::Device::Cpu;
    options.batchSize = a.batch;
    options.threads = a.threads > 0 ? a.threads : (cuda ? budget.analysisThreads : budget.separationThreads);
    t0 = Clock::now();
    auto loaded = separation::Separator::load(a.checkpoint, options);
    if (!loaded) {
        std::cerr << loaded.error() << "\n";
        return 1;
    }
    separation::Separator& separator = *loaded.value();
    std::printf("model load %.3f s (incl. CUDA start)\n", since(t0));

    std::printf("\n| side, output | songs | wall s | songs/hour | ratio | GPU busy "
                "| decode+prepare busy s (workers most/mean) | separate busy s | landing+write busy s (workers most/mean) | limiting stage |\n"
                "|---|---|---|---|---|---|---|---|---|---|\n");
    const std::vector<std::string> runs = a.modes == "both" ? std::vector<std::string>{"inline", "staged"}
                                                            : std::vector<std::string>{a.modes};
    const std::vector<std::string> splits = a.splits == "both" ? std::vector<std::string>{"fixed", "pool"}
                                                               : std::vector<std::string>{a.splits};
    for (const std::string& format : formats)
    for (const std::string& mode : runs)
    for (const std::string& split : splits) {
        const bool staged = mode == "staged";
        const bench::OutFormat out = format == "flac" ? bench::OutFormat::Flac24 : bench::OutFormat::WavFloat;
        const std::string outDir = a.work + "/out-" + format;
        fs::create_directories(outDir);
        batch::PipelineOptions pipeline;
        pipeline.workers = budget.pipelineWorkers;
        pipeline.queuedSongs = 2;
        if (split == "fixed") // the split of before: a third decode, the rest write
            pipeline.fixedDecodeWorkers = std::max(1, budget.pipelineWorkers / 3);
        batch::PipelineStages stages;
        stages.decode = [&](size_t song) { return bench::readSndfile(inputs[song % inputs.size()]); };
        // Staged: each song's preparation, made on a decode worker, waits here for the separating thread.
        std::vector<separation::PreparedSong> prepared(static_cast<size_t>(a.songs));
        if (staged)
            stages.prepare = [&](size_t song, AudioBuffer& mix) -> Result<void> {
                Result<separation::PreparedSong> p = separator.prepare(mix);
                if (!p)
                    return Error{p.error()};
                prepared[song] = std::move(p).value();
                mix = AudioBuffer();
                return {};
            };
        stages.separate = [&](size_t song, const AudioBuffer& mix, batch::SongStems& stems) -> Result<void> {
            separation::Stems s;
            s.audio = std::move(stems.audio);
            Result<void> r;
            if (staged) {
                Result<separation::StemLanding> launched = separator.launch(std::move(prepared[song]), s);
                if (launched)
                    stems.landing = std::move(launched).value();
                else
                    r = Error{launched.error()};
            } else {
                r = separator.separate(mix, s);
            }
            stems.names = std::move(s.names);
            stems.audio = std::move(s.audio);
            return r;
        };
        stages.write = [&](size_t song, const batch::SongStems& stems, const batch::SongTimes&) -> Result<void> {
            for (size_t i = 0; i < stems.names.size(); ++i) {
                const std::string path = outDir + "/" + std::to_string(song) + "-" + stems.names[i] + "." + format;
                if (Result<void> r = bench::writeSndfile(path, stems.audio[i], out); !r)
                    return r;
                fs::remove(path); // the disk holds a few songs' stems, not 200
            }
            return {};
        };
        size_t failed = 0;
        std::string firstError;
        stages.finished = [&](size_t, const batch::SongOutcome& o) {
            if (o.status != batch::SongOutcome::Status::Done && failed++ == 0)
                firstError = o.failedStage + ": " + o.error;
        };
        const auto start = Clock::now();
        const batch::PipelineReport r = batch::SongPipeline::run(static_cast<size_t>(a.songs), stages, pipeline);
        const double busy = gpu.meanPercent(start, Clock::now());
        if (failed)
            std::cerr << failed << " songs failed, first: " << firstError << "\n";
        const double perHour = 3600.0 * static_cast<double>(r.done) / r.wallSeconds;
        const double theirs = py[format].count("songs_per_hour") ? py[format]["songs_per_hour"] : 0;
        const std::string workers = r.fixedDecodeWorkers > 0
                                        ? std::to_string(r.fixedDecodeWorkers) + " decode + " +
                                              std::to_string(r.workers - r.fixedDecodeWorkers) + " write"
                                        : std::to_string(r.workers) + " shared";
        std::printf("| Stemcrate %s %s (%s), %s | %zu | %.1f | %.0f | %s | %.0f %% | %.1f (%d/%.1f) | %.1f | "
                    "%.1f (%d/%.1f) | %s |\n",
                    mode.c_str(), split.c_str(), workers.c_str(), format.c_str(), r.done, r.wallSeconds, perHour,
                    theirs > 0 ? (std::to_string(perHour / theirs).substr(0, 5) + "x").c_str() : "-", busy,
                    r.decodeBusySeconds + r.prepareBusySeconds, r.decodeWorkersPeak, r.decodeWorkersMean(),
                    r.separateBusySeconds, r.landBusySeconds + r.writeBusySeconds, r.writeWorkersPeak,
                    r.writeWorkersMean(), r.limitingStage().c_str());
        std::printf("|   separate stage waited for decode %.1f s (%.1f s of it for the first song), for the writers "
                    "%.1f s; per song: decode %.1f ms, prepare %.1f ms, separate %.1f ms, landing %.1f ms, "
                    "write %.1f ms |\n",
                    r.separateStarvedSeconds, r.separateFirstWaitSeconds, r.separateBlockedSeconds,
                    1e3 * r.decodeBusySeconds / std::max<double>(1, static_cast<double>(r.done)),
                    1e3 * r.prepareBusySeconds / std::max<double>(1, static_cast<double>(r.done)),
                    1e3 * r.separateBusySeconds / std::max<double>(1, static_cast<double>(r.done)),
                    1e3 * r.landBusySeconds / std::max<double>(1, static_cast<double>(r.done)),
                    1e3 * r.writeBusySeconds / std::max<double>(1, static_cast<double>(r.done)));
        if (theirs > 0 && mode == runs.back() && split == splits.back()) { // once per format
            auto& p = py[format];
            std::printf("| PyTorch script, %s | %.0f | %.1f | %.0f | 1 | %.0f %% | %.1f | %.1f | %.1f | - |\n",
                        format.c_str(), p["songs"], p["wall_s"], theirs, p["gpu_busy_pct"], p["decode_s"],
                        p["separate_s"], p["write_s"]);
        }
        std::fflush(stdout);
    }
    return 0;
}
