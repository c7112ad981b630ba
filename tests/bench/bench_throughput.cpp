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

#include "audio/AtomicFile.h"
#ifdef STEMCRATE_BENCH_FFMPEG
#include "audio/Decoder.h"
#endif
#include "audio/WavWriter.h"
#include "batch/SongPipeline.h"
#include "common/AudioBufferPool.h"
#include "common/ThreadBudget.h"
#include "separation/Separator.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cstring>
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
    // WAV out through "stemcrate" (core/audio's writer, what the CLI writes; the default) or "sndfile"
    // (libsndfile, as the PyTorch script; its files carry a PEAK chunk too).
    std::string wavWriter = "stemcrate";
    // --host-stages: no model; decode, landing and write of one song on one thread, the code of before
    // against now, `rounds` times (a 180 s song unless --song-seconds).
    bool hostStages = false;
    int rounds = 5;
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

// A WAV stem as stemcrate-cli writes it (core/audio's writer, 32-bit float, no tags) into its temporary;
// committed (synced, renamed into place) only when `keep`, else dropped.
Result<void> writeStemcrateWav(const std::string& path, const AudioBuffer& stem, bool keep = false)
{
    Result<audio::AtomicFile> file = audio::AtomicFile::create(path);
    if (!file)
        return Error{file.error()};
    if (Result<void> r = audio::writeWav(file.value(), stem, audio::SampleFormat::Float32, {}); !r)
        return r;
    return keep ? file->commit() : (file->discard(), Result<void>{});
}

// The same file through main's writer before s13-gpu: 4096-frame blocks, each sample appended byte by byte.
Result<void> writeStemcrateWavBefore(const std::string& path, const AudioBuffer& stem, bool keep = false)
{
    Result<audio::AtomicFile> file = audio::AtomicFile::create(path);
    if (!file)
        return Error{file.error()};
    Result<std::vector<uint8_t>> header =
        audio::makeWavHeader(stem.channels, stem.sampleRate, stem.frames, audio::SampleFormat::Float32);
    if (!header)
        return Error{header.error()};
    if (Result<void> r = file->write(header->data(), header->size()); !r)
        return r;
    std::vector<uint8_t> block;
    block.reserve(static_cast<size_t>(4096 * stem.channels * 4));
    for (int64_t first = 0; first < stem.frames; first += 4096) {
        const int64_t last = std::min<int64_t>(first + 4096, stem.frames);
        block.clear();
        for (int64_t frame = first; frame < last; ++frame)
            for (int c = 0; c < stem.channels; ++c) {
                const uint32_t value = std::bit_cast<uint32_t>(stem.channel(c)[frame]);
                for (int i = 0; i < 4; ++i)
                    block.push_back(static_cast<uint8_t>(value >> (8 * i)));
            }
        if (Result<void> r = file->write(block.data(), block.size()); !r)
            return r;
    }
    return keep ? file->commit() : (file->discard(), Result<void>{});
}

std::string fileBytes(const std::string& path)
{
    std::string bytes;
    if (FILE* f = std::fopen(path.c_str(), "rb")) {
        char buffer[1 << 16];
        size_t n;
        while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0)
            bytes.append(buffer, n);
        std::fclose(f);
    }
    return bytes;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// --host-stages: a song's host work in the pipeline's stages, on one thread, the code of before against now
// in the same run: decode (libsndfile, FLAC 16-bit in), the landing's copy (the GPU path's last batch, from
// a staging buffer into the stems), the four stems' WAV writes (libsndfile and core/audio's writer). Checks
// that before and now give the same samples and the same file bytes.
int runHostStages(const Args& a)
{
    const std::string flac = a.work + "/host-song.flac";
    if (!fs::exists(flac))
        if (Result<void> r = bench::writeTestFlac(flac, a.songSeconds, 1); !r) {
            std::cerr << r.error() << "\n";
            return 1;
        }
    constexpr int kStems = 4;
    std::map<std::string, std::vector<double>> t;
    auto time = [&](const std::string& row, auto&& work) {
        const auto start = Clock::now();
        work();
        t[row].push_back(since(start));
    };
    AudioBufferPool pool(1);
#ifdef STEMCRATE_BENCH_FFMPEG
    AudioBufferPool ffmpegPool(2); // the mix and the decoder's scratch
#endif
    std::vector<AudioBuffer> stems(kStems);
    std::vector<float> staging;
    int failures = 0;
    for (int round = 0; round < a.rounds; ++round) {
        // Decode: a fresh buffer freed after the song's preparation (before), a pooled one given back (now).
        Result<AudioBuffer> fresh = Error{""};
        time("decode, before (fresh buffer)", [&] { fresh = bench::before::readSndfile(flac); });
        if (!fresh) {
            std::cerr << fresh.error() << "\n";
            return 1;
        }
        time("decode, now into a fresh buffer", [&] {
            if (Result<AudioBuffer> r = bench::readSndfile(flac); !r)
                std::cerr << r.error() << "\n";
        }); // (freed inside)
#ifdef STEMCRATE_BENCH_FFMPEG
        // The CLI's decoder (FFmpeg): fresh storage (before) against storage from a pool (now).
        {
            Result<audio::Track> track = Error{""};
            time("decode, FFmpeg, before (fresh storage, freed)", [&] { track = audio::decodeFile(flac); track = Error{""}; });
            audio::DecodeOptions options;
            options.buffers = &ffmpegPool;
            time("decode, FFmpeg, now (pooled storage, given back)", [&] {
                track = audio::decodeFile(flac, options);
                if (track)
                    ffmpegPool.give(std::move(track->audio));
            });
        }
#endif
        AudioBuffer mix = pool.take();
        time("decode, now (pooled buffer)", [&] {
            if (Result<void> r = bench::readSndfileInto(flac, mix); !r)
                std::cerr << r.error() << "\n";
        });
        if (mix.samples.size() != fresh->samples.size() ||
            std::memcmp(mix.samples.data(), fresh->samples.data(), mix.samples.size() * sizeof(float)) != 0) {
            std::cerr << "decode: before and now differ\n";
            ++failures;
        }
        if (round == 0) { // the stems: the mix at four gains, as reused stem buffers; the staging as the GPU's
            for (int s = 0; s < kStems; ++s) {
                stems[static_cast<size_t>(s)] = AudioBuffer(mix.channels, mix.frames);
                for (size_t i = 0; i < mix.samples.size(); ++i)
                    stems[static_cast<size_t>(s)].samples[i] = mix.samples[i] * (0.25f + 0.2f * static_cast<float>(s));
            }
            staging.resize(static_cast<size_t>(kStems) * mix.samples.size());
            for (int s = 0; s < kStems; ++s)
                std::memcpy(staging.data() + static_cast<size_t>(s) * mix.samples.size(),
                            stems[static_cast<size_t>(s)].samples.data(), mix.samples.size() * sizeof(float));
        }
        time("free the fresh mix, before", [&] { fresh = Error{""}; });
        time("give the mix back, now", [&] { pool.give(std::move(mix)); });
        // The landing's copy (DeviceSong's SongDownloads::landOldest on one thread): row r of the staging
        // slot into stem r / 2, channel r % 2. Unchanged; its cost for the record.
        time("landing copy (unchanged)", [&] {
            const int64_t n = stems[0].frames;
            for (int r = 0; r < kStems * kEngineChannels; ++r)
                std::memcpy(stems[static_cast<size_t>(r / 2)].channel(r % 2), staging.data() + r * n,
                            static_cast<size_t>(n) * sizeof(float));
        });
        // Four stems' WAV files, written and removed (as bench_throughput's writers do).
        const std::string out = a.work + "/host-stem";
        time("write 4 WAV, libsndfile, before", [&] {
            for (int s = 0; s < kStems; ++s) {
                if (!bench::before::writeSndfile(out + ".wav", stems[static_cast<size_t>(s)], bench::OutFormat::WavFloat))
                    ++failures;
                fs::remove(out + ".wav");
            }
        });
        time("write 4 WAV, libsndfile, now", [&] {
            for (int s = 0; s < kStems; ++s) {
                if (!bench::writeSndfile(out + ".wav", stems[static_cast<size_t>(s)], bench::OutFormat::WavFloat))
                    ++failures;
                fs::remove(out + ".wav");
            }
        });
        time("write 4 WAV, stemcrate writer, before", [&] {
            for (int s = 0; s < kStems; ++s)
                if (!writeStemcrateWavBefore(out + ".wav", stems[static_cast<size_t>(s)]))
                    ++failures;
        });
        time("write 4 WAV, stemcrate writer, now", [&] {
            for (int s = 0; s < kStems; ++s)
                if (!writeStemcrateWav(out + ".wav", stems[static_cast<size_t>(s)]))
                    ++failures;
        });
        if (round == 0) { // the same bytes from before and now, for each writer
            for (const bool sndfile : {true, false}) {
                const bool ok1 = sndfile ? bench::before::writeSndfile(out + "-a.wav", stems[1], bench::OutFormat::WavFloat).ok()
                                         : writeStemcrateWavBefore(out + "-a.wav", stems[1], true).ok();
                const bool ok2 = sndfile ? bench::writeSndfile(out + "-b.wav", stems[1], bench::OutFormat::WavFloat).ok()
                                         : writeStemcrateWav(out + "-b.wav", stems[1], true).ok();
                const std::string before = fileBytes(out + "-a.wav"), now = fileBytes(out + "-b.wav");
                const bool same = ok1 && ok2 && !before.empty() && before == now;
                size_t differ = 0, firstDiffer = 0;
                for (size_t i = before.size(); i-- > 0;)
                    if (i >= now.size() || before[i] != now[i]) {
                        ++differ;
                        firstDiffer = i;
                    }
                // libsndfile's PEAK chunk holds the time of writing, in seconds: two writes a second apart differ
                // in those 4 header bytes (at 68-71 for 32-bit float stereo).
                const size_t peakTime = before.find("PEAK") == std::string::npos ? 0 : before.find("PEAK") + 12;
                const bool onlyTime = sndfile && ok1 && ok2 && before.size() == now.size() && differ > 0 &&
                                      peakTime > 0 && firstDiffer >= peakTime && differ <= 4 &&
                                      before.compare(peakTime + 4, std::string::npos, now, peakTime + 4) == 0;
                std::printf("%s WAV: before and now %s (%zu bytes", sndfile ? "libsndfile" : "stemcrate writer",
                            same ? "byte-identical" : onlyTime ? "identical but for PEAK's time of writing" : "DIFFER",
                            now.size());
                if (!same)
                    std::printf("; %zu bytes differ, the first at %zu", differ, firstDiffer);
                std::printf(")\n");
                failures += same || onlyTime ? 0 : 1;
                fs::remove(out + "-a.wav");
                fs::remove(out + "-b.wav");
            }
        }
    }
    std::printf("\nhost stages of one %.0f s song on one thread, %d rounds (median; min-max):\n\n"
                "| stage | median ms | min ms | max ms |\n|---|---|---|---|\n",
                a.songSeconds, a.rounds);
    for (const auto& [row, values] : t)
        std::printf("| %s | %.1f | %.1f | %.1f |\n", row.c_str(), 1e3 * median(values),
                    1e3 * *std::min_element(values.begin(), values.end()),
                    1e3 * *std::max_element(values.begin(), values.end()));
    std::printf("\n%d failure(s)\n", failures);
    return failures ? 1 : 0;
}

} // namespace

int main(int argc, char** argv)
{
    Args a;
    for (int i = 1; i < argc; ++i) {
        std::string k = argv[i];
        if (k == "--skip-python") {
            a.skipPython = true;
            continue;
        }
        if (k == "--host-stages") {
            a.hostStages = true;
            continue;
        }
        const std::string v = i + 1 < argc ? argv[++i] : "";
        if (v.empty())
            k.clear(); // a flag without its value: the usage below
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
        else if (k == "--wav-writer") a.wavWriter = v;
        else if (k == "--rounds") a.rounds = std::stoi(v);
        else {
            std::cerr << "usage: bench_throughput --checkpoint PATH [--songs N] [--distinct N] [--python-songs N]\n"
                         "       [--batch N] [--threads N] [--song-seconds S] [--device cuda|cpu] [--formats wav,flac]\n"
                         "       [--work DIR] [--python PATH] [--skip-python] [--modes staged|inline|both]\n"
                         "       [--split pool|fixed|both] [--wav-writer stemcrate|sndfile]\n"
                         "       bench_throughput --host-stages [--song-seconds S] [--rounds N] [--work DIR]\n";
            return 2;
        }
    }
    if (a.hostStages) {
        fs::create_directories(a.work);
        return runHostStages(a);
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
        // Mixes are decoded into buffers that prepare() hands back (staged): no fresh pages after the first
        // songs. As many as can exist at once (SongPipeline.h), one more to spare.
        AudioBufferPool mixes(static_cast<size_t>(pipeline.queuedSongs + pipeline.workers + 2));
        stages.decode = [&](size_t song) -> Result<AudioBuffer> {
            AudioBuffer mix = mixes.take();
            if (Result<void> r = bench::readSndfileInto(inputs[song % inputs.size()], mix); !r)
                return Error{r.error()};
            return mix;
        };
        // Staged: each song's preparation, made on a decode worker, waits here for the separating thread.
        std::vector<separation::PreparedSong> prepared(static_cast<size_t>(a.songs));
        if (staged)
            stages.prepare = [&](size_t song, AudioBuffer& mix) -> Result<void> {
                Result<separation::PreparedSong> p = separator.prepare(mix);
                if (!p)
                    return Error{p.error()};
                prepared[song] = std::move(p).value();
                mixes.give(std::move(mix));
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
                if (out == bench::OutFormat::WavFloat && a.wavWriter == "stemcrate") {
                    // The temporary is written as the CLI writes it, then dropped instead of synced and renamed
                    // (the disk holds a few songs' stems, not 200).
                    if (Result<void> r = writeStemcrateWav(path, stems.audio[i]); !r)
                        return r;
                    continue;
                }
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
        const std::string writer = format == "wav" ? " (" + a.wavWriter + ")" : "";
        std::printf("| Stemcrate %s %s (%s), %s%s | %zu | %.1f | %.0f | %s | %.0f %% | %.1f (%d/%.1f) | %.1f | "
                    "%.1f (%d/%.1f) | %s |\n",
                    mode.c_str(), split.c_str(), workers.c_str(), format.c_str(), writer.c_str(), r.done, r.wallSeconds, perHour,
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
