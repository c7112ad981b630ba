#include "SndfileAudio.h"

#include <sndfile.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

namespace stemcrate::bench {

namespace {

struct Closer
{
    void operator()(SNDFILE* f) const { sf_close(f); }
};
using SndFile = std::unique_ptr<SNDFILE, Closer>;

constexpr sf_count_t kChunkFrames = 65536;

} // namespace

// libsndfile hands out interleaved frames; they are spread into the planar buffer a cache-sized chunk at a
// time (the chunk is the thread's own, made once).
constexpr sf_count_t kReadFrames = 16384;

Result<void> readSndfileInto(const std::string& path, AudioBuffer& out)
{
    SF_INFO info{};
    SndFile file(sf_open(path.c_str(), SFM_READ, &info));
    if (!file)
        return makeError("'" + path + "': " + sf_strerror(nullptr));
    if (info.samplerate != kEngineSampleRate || info.channels < 1 || info.channels > 2)
        return makeError("'" + path + "': the benchmark reads 44.1 kHz mono or stereo only");
    out.sampleRate = kEngineSampleRate;
    out.channels = kEngineChannels;
    out.frames = info.frames;
    out.samples.resize(static_cast<size_t>(kEngineChannels) * static_cast<size_t>(info.frames));
    thread_local std::vector<float> chunk(static_cast<size_t>(kReadFrames * 2));
    float* left = out.channel(0);
    float* right = out.channel(1);
    sf_count_t done = 0;
    while (done < info.frames) {
        const sf_count_t n = sf_readf_float(file.get(), chunk.data(), std::min(kReadFrames, info.frames - done));
        if (n <= 0)
            return makeError("'" + path + "': truncated");
        const float* frames = chunk.data();
        if (info.channels == 2) {
            for (sf_count_t i = 0; i < n; ++i) {
                left[done + i] = frames[2 * i];
                right[done + i] = frames[2 * i + 1];
            }
        } else {
            std::memcpy(left + done, frames, static_cast<size_t>(n) * sizeof(float));
            std::memcpy(right + done, frames, static_cast<size_t>(n) * sizeof(float));
        }
        done += n;
    }
    return {};
}

Result<AudioBuffer> readSndfile(const std::string& path)
{
    AudioBuffer out;
    if (Result<void> r = readSndfileInto(path, out); !r)
        return Error{r.error()};
    return out;
}

Result<void> writeSndfile(const std::string& path, const AudioBuffer& audio, OutFormat format)
{
    SF_INFO info{};
    info.samplerate = audio.sampleRate;
    info.channels = audio.channels;
    info.format = format == OutFormat::WavFloat ? (SF_FORMAT_WAV | SF_FORMAT_FLOAT) : (SF_FORMAT_FLAC | SF_FORMAT_PCM_24);
    const std::string part = path + ".part";
    {
        SndFile file(sf_open(part.c_str(), SFM_WRITE, &info));
        if (!file)
            return makeError("'" + path + "': " + sf_strerror(nullptr));
        thread_local std::vector<float> chunk;
        chunk.resize(static_cast<size_t>(kChunkFrames * audio.channels));
        for (int64_t done = 0; done < audio.frames; done += kChunkFrames) {
            const int64_t n = std::min<int64_t>(kChunkFrames, audio.frames - done);
            if (audio.channels == 2) {
                const float* left = audio.channel(0) + done;
                const float* right = audio.channel(1) + done;
                float* frames = chunk.data();
                for (int64_t i = 0; i < n; ++i) {
                    frames[2 * i] = left[i];
                    frames[2 * i + 1] = right[i];
                }
            } else {
                for (int c = 0; c < audio.channels; ++c) {
                    const float* src = audio.channel(c) + done;
                    for (int64_t i = 0; i < n; ++i)
                        chunk[static_cast<size_t>(i * audio.channels + c)] = src[i];
                }
            }
            if (sf_writef_float(file.get(), chunk.data(), n) != n)
                return makeError("'" + path + "': cannot write");
        }
    }
    if (std::rename(part.c_str(), path.c_str()) != 0)
        return makeError("'" + path + "': cannot rename");
    return {};
}

namespace before {

Result<AudioBuffer> readSndfile(const std::string& path)
{
    SF_INFO info{};
    SndFile file(sf_open(path.c_str(), SFM_READ, &info));
    if (!file)
        return makeError("'" + path + "': " + sf_strerror(nullptr));
    if (info.samplerate != kEngineSampleRate || info.channels < 1 || info.channels > 2)
        return makeError("'" + path + "': the benchmark reads 44.1 kHz mono or stereo only");
    AudioBuffer out(kEngineChannels, info.frames);
    std::vector<float> chunk(static_cast<size_t>(kChunkFrames * info.channels));
    sf_count_t done = 0;
    while (done < info.frames) {
        const sf_count_t n = sf_readf_float(file.get(), chunk.data(), std::min(kChunkFrames, info.frames - done));
        if (n <= 0)
            return makeError("'" + path + "': truncated");
        for (int c = 0; c < kEngineChannels; ++c) {
            float* dst = out.channel(c) + done;
            const int from = std::min(c, info.channels - 1);
            for (sf_count_t i = 0; i < n; ++i)
                dst[i] = chunk[static_cast<size_t>(i * info.channels + from)];
        }
        done += n;
    }
    return out;
}

Result<void> writeSndfile(const std::string& path, const AudioBuffer& audio, OutFormat format)
{
    SF_INFO info{};
    info.samplerate = audio.sampleRate;
    info.channels = audio.channels;
    info.format = format == OutFormat::WavFloat ? (SF_FORMAT_WAV | SF_FORMAT_FLOAT) : (SF_FORMAT_FLAC | SF_FORMAT_PCM_24);
    const std::string part = path + ".part";
    {
        SndFile file(sf_open(part.c_str(), SFM_WRITE, &info));
        if (!file)
            return makeError("'" + path + "': " + sf_strerror(nullptr));
        std::vector<float> chunk(static_cast<size_t>(kChunkFrames * audio.channels));
        for (int64_t done = 0; done < audio.frames; done += kChunkFrames) {
            const int64_t n = std::min<int64_t>(kChunkFrames, audio.frames - done);
            for (int c = 0; c < audio.channels; ++c) {
                const float* src = audio.channel(c) + done;
                for (int64_t i = 0; i < n; ++i)
                    chunk[static_cast<size_t>(i * audio.channels + c)] = src[i];
            }
            if (sf_writef_float(file.get(), chunk.data(), n) != n)
                return makeError("'" + path + "': cannot write");
        }
    }
    if (std::rename(part.c_str(), path.c_str()) != 0)
        return makeError("'" + path + "': cannot rename");
    return {};
}

} // namespace before

Result<void> writeTestFlac(const std::string& path, double seconds, unsigned seed)
{
    const int64_t frames = static_cast<int64_t>(seconds * kEngineSampleRate);
    AudioBuffer song(kEngineChannels, frames);
    const double base = 55.0 * (1 + seed % 7);
    for (int c = 0; c < kEngineChannels; ++c) {
        uint32_t state = seed * 7919u + static_cast<unsigned>(c);
        float* x = song.channel(c);
        for (int64_t t = 0; t < frames; ++t) {
            state = state * 1664525u + 1013904223u;
            const double s = static_cast<double>(t) / kEngineSampleRate;
            const double noise = (static_cast<double>(state >> 8) / double(1 << 24) - 0.5) * 0.05;
            const double env = 0.5 + 0.5 * std::sin(2 * M_PI * 2.0 * s);
            x[t] = static_cast<float>(0.2 * env * std::sin(2 * M_PI * (base + c) * s) +
                                      0.1 * std::sin(2 * M_PI * 4 * base * s) + noise);
        }
    }
    SF_INFO info{};
    info.samplerate = kEngineSampleRate;
    info.channels = kEngineChannels;
    info.format = SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
    SndFile file(sf_open(path.c_str(), SFM_WRITE, &info));
    if (!file)
        return makeError("'" + path + "': " + sf_strerror(nullptr));
    std::vector<float> interleaved(static_cast<size_t>(frames * kEngineChannels));
    for (int64_t t = 0; t < frames; ++t)
        for (int c = 0; c < kEngineChannels; ++c)
            interleaved[static_cast<size_t>(t * kEngineChannels + c)] = song.channel(c)[t];
    if (sf_writef_float(file.get(), interleaved.data(), frames) != frames)
        return makeError("'" + path + "': cannot write");
    return {};
}

} // namespace stemcrate::bench
