#pragma once
// Helpers for the audio tests: run the ffmpeg CLI, write raw sample files, make test signals.
// Test-only; main thread.

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace stemcrate::audio::test {

// Runs `ffmpeg -nostdin -y -hide_banner -loglevel error <args>`; on failure returns false and puts the
// command and its output into *log.
bool runFfmpeg(const QStringList& args, QString* log);

bool writeBytes(const QString& path, const QByteArray& bytes);

// Little-endian raw bytes of a sample vector (int16_t, int32_t, uint8_t, float, double).
template <class Sample> QByteArray rawBytes(const std::vector<Sample>& interleaved)
{
    return QByteArray(reinterpret_cast<const char*>(interleaved.data()),
                      static_cast<qsizetype>(interleaved.size() * sizeof(Sample)));
}

// Deterministic test signal in [-1, 1]: a tone plus pseudo-random noise, distinct per seed, hitting
// exactly -1 and nearly +1 at a few frames so the extremes are covered.
std::vector<double> testSignal(int64_t frames, int seed);

// The payload of the first top-level chunk `id` of a RIFF/WAVE (little-endian sizes) or FORM/AIFF
// (big-endian sizes) file, or a null QByteArray when there is none.
QByteArray findChunk(const QByteArray& file, const char* id);

// Reads a file whole (empty on error).
QByteArray readFile(const QString& path);

// Interleaves equally long channels.
template <class Sample> std::vector<Sample> interleave(const std::vector<std::vector<Sample>>& channels)
{
    std::vector<Sample> out;
    out.reserve(channels.size() * channels.front().size());
    for (size_t frame = 0; frame < channels.front().size(); ++frame)
        for (const auto& channel : channels)
            out.push_back(channel[frame]);
    return out;
}

} // namespace stemcrate::audio::test
