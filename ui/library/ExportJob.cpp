#include "library/ExportJob.h"

namespace stemcrate::ui {

library::ExportOptions ExportJob::coreOptions(const ExportOptions& options)
{
    library::ExportOptions o;
    o.format = options.format;
    o.sampleFormat = options.sampleFormat;
    if (o.format == audio::FileFormat::Flac && o.sampleFormat == audio::SampleFormat::Float32)
        o.sampleFormat = audio::SampleFormat::Int24; // FLAC has no float; settings from older runs may ask
    o.fadeInMs = options.fadeInMs;
    o.fadeOutMs = options.fadeOutMs;
    o.loop = options.loop;
    o.fit = options.fit;
    return o;
}

std::string ExportJob::coreNameTemplate(const QString& nameTemplate)
{
    QString t = nameTemplate.trimmed().isEmpty() ? ExportOptions().nameTemplate : nameTemplate;
    t.replace(QLatin1String("{song}"), QLatin1String("{source}"));
    return t.toStdString();
}

ExportJob::ExportJob(const ExportOptions& options, library::SampleMetadata metadata, int64_t startFrame,
                     int64_t endFrame)
{
    m_request.startFrame = startFrame;
    m_request.endFrame = endFrame;
    m_request.options = coreOptions(options);
    m_request.metadata = std::move(metadata);
    m_request.folder = options.folder.toStdString();
    m_request.nameTemplate = coreNameTemplate(options.nameTemplate);
}

void ExportJob::addSource(std::shared_ptr<const AudioBuffer> buffer, float gain)
{
    m_request.stems.push_back(buffer.get());
    m_request.gains.push_back(gain);
    m_sources.push_back(std::move(buffer));
}

Result<QString> ExportJob::run() const
{
    Result<library::ExportResult> exported = library::exportSample(m_request);
    if (!exported)
        return makeError(exported.error());
    return QString::fromStdString(exported->path);
}

} // namespace stemcrate::ui
