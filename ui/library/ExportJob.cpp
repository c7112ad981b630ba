#include "library/SampleExporter.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace stemcrate::ui {

AudioBuffer SampleExporter::cut(const AudioBuffer& source, int64_t startFrame, int64_t endFrame,
                                double fadeInMs, double fadeOutMs)
{
    startFrame = std::clamp<int64_t>(startFrame, 0, source.frames);
    endFrame = std::clamp<int64_t>(endFrame, startFrame, source.frames);
    AudioBuffer out(source.channels, endFrame - startFrame, source.sampleRate);
    const int64_t fadeIn = std::min(out.frames, int64_t(fadeInMs * source.sampleRate / 1000.0));
    const int64_t fadeOut = std::min(out.frames, int64_t(fadeOutMs * source.sampleRate / 1000.0));
    for (int c = 0; c < source.channels; ++c) {
        const float* in = source.channel(c) + startFrame;
        float* o = out.channel(c);
        std::copy(in, in + out.frames, o);
        for (int64_t t = 0; t < fadeIn; ++t)
            o[t] *= float(t) / float(fadeIn);
        for (int64_t t = 0; t < fadeOut; ++t)
            o[out.frames - 1 - t] *= float(t) / float(fadeOut);
    }
    return out;
}

QString SampleExporter::fileBaseName(const QString& nameTemplate, const SampleNameFields& f)
{
    const double startSeconds = double(f.startFrame) / kEngineSampleRate;
    const int minutes = int(startSeconds / 60.0);
    const QString start =
        QStringLiteral("%1-%2").arg(minutes).arg(startSeconds - minutes * 60.0, 6, 'f', 3, QLatin1Char('0'));
    QString name = nameTemplate.isEmpty() ? QStringLiteral("{song} - {stem} - {start}") : nameTemplate;
    name.replace(QLatin1String("{song}"), f.song)
        .replace(QLatin1String("{stem}"), f.stem)
        .replace(QLatin1String("{start}"), start)
        .replace(QLatin1String("{length}"), QString::number(double(f.frames) / kEngineSampleRate, 'f', 3))
        .replace(QLatin1String("{bpm}"), f.bpm)
        .replace(QLatin1String("{key}"), f.key);
    // An unknown token leaves " -  - " behind: collapse repeated separators.
    static const QRegularExpression emptyField(QStringLiteral("( - )( - )+"));
    name.replace(emptyField, QStringLiteral(" - "));
    // Characters that some file system or DAW refuses; no leading dots (hidden files).
    static const QRegularExpression unsafe(QStringLiteral("[/\\\\:*?\"<>|\\x00-\\x1f]"));
    name.replace(unsafe, QStringLiteral("_"));
    while (name.startsWith(QLatin1Char('.')))
        name.remove(0, 1);
    name = name.trimmed();
    return name.isEmpty() ? QStringLiteral("sample") : name.left(180);
}

QString SampleExporter::uniquePath(const QString& folder, const QString& baseName, const QString& extension)
{
    const QDir dir(folder);
    QString candidate = dir.filePath(baseName + extension);
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = dir.filePath(QStringLiteral("%1 (%2)%3").arg(baseName).arg(n).arg(extension));
    return candidate;
}

Result<QString> SampleExporter::exportRegion(const AudioBuffer& source, int64_t startFrame, int64_t endFrame,
                                             const ExportOptions& options, const SampleNameFields& fields)
{
    if (endFrame <= startFrame)
        return makeError(QObject::tr("Select a region first.").toStdString());
    if (options.folder.isEmpty() || !QDir().mkpath(options.folder))
        return makeError(
            QObject::tr("Cannot create the library folder '%1'.").arg(options.folder).toStdString());
    audio::SampleFormat sampleFormat = options.sampleFormat;
    if (options.format == audio::FileFormat::Flac && sampleFormat == audio::SampleFormat::Float32)
        sampleFormat = audio::SampleFormat::Int24; // FLAC has no float
    const AudioBuffer region = cut(source, startFrame, endFrame, options.fadeInMs, options.fadeOutMs);
    const QString extension =
        options.format == audio::FileFormat::Flac ? QStringLiteral(".flac") : QStringLiteral(".wav");
    SampleNameFields named = fields;
    named.startFrame = fields.startFrame + startFrame;
    named.frames = region.frames;
    const QString path = uniquePath(options.folder, fileBaseName(options.nameTemplate, named), extension);
    Result<void> written = audio::writeAudioFile(path.toStdString(), region, options.format, sampleFormat);
    if (!written)
        return makeError(written.error());
    return path;
}

} // namespace stemcrate::ui
