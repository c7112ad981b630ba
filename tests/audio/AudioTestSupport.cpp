#include "AudioTestSupport.h"

#include <QFile>
#include <QProcess>

#include <cmath>
#include <numbers>
#include <random>

namespace stemcrate::audio::test {

bool runFfmpeg(const QStringList& args, QString* log)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    const QStringList fullArgs = QStringList{"-nostdin", "-y", "-hide_banner", "-loglevel", "error"} + args;
    process.start(QStringLiteral(STEMCRATE_FFMPEG_EXECUTABLE), fullArgs);
    const bool finished = process.waitForFinished(120'000);
    if (finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        return true;
    if (log)
        *log = "ffmpeg " + fullArgs.join(' ') + "\n" + QString::fromUtf8(process.readAll());
    return false;
}

bool writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray findChunk(const QByteArray& file, const char* id)
{
    const bool bigEndian = file.startsWith("FORM");
    for (qsizetype at = 12; at + 8 <= file.size();) {
        uint32_t size = 0;
        for (int i = 0; i < 4; ++i) {
            const auto byte = static_cast<uint8_t>(file[at + 4 + (bigEndian ? i : 3 - i)]);
            size = (size << 8) | byte;
        }
        if (file.mid(at, 4) == QByteArray(id, 4))
            return file.mid(at + 8, static_cast<qsizetype>(size));
        at += 8 + static_cast<qsizetype>(size) + (size & 1);
    }
    return {};
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

std::vector<double> testSignal(int64_t frames, int seed)
{
    std::mt19937 generator(static_cast<unsigned>(seed));
    std::uniform_real_distribution<double> noise(-0.3, 0.3);
    const double frequency = 220.0 * (seed + 1);
    std::vector<double> signal(static_cast<size_t>(frames));
    for (int64_t i = 0; i < frames; ++i)
        signal[i] = 0.6 * std::sin(2.0 * std::numbers::pi * frequency * i / 44100.0) + noise(generator);
    for (int64_t i = 100 + seed; i < frames; i += 9973)
        signal[i] = (i / 9973) % 2 ? -1.0 : 0.99999;
    return signal;
}

} // namespace stemcrate::audio::test
