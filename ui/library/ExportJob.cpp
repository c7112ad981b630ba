#include "library/ExportJob.h"

#include "playback/StemMixer.h"

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

void ExportJob::setBounce(std::shared_ptr<const StemMixer> mixer, int64_t fromFrame, int64_t toFrame)
{
    m_bounce = std::move(mixer);
    m_bounceFrom = fromFrame;
    m_bounceTo = toFrame;
}

std::vector<std::shared_ptr<const void>> ExportJob::takeAudio()
{
    std::vector<std::shared_ptr<const void>> audio(m_sources.begin(), m_sources.end());
    if (m_bounce)
        audio.push_back(std::move(m_bounce));
    m_bounce.reset();
    m_sources.clear(); // keeps its storage: that is freed with the job
    m_request.stems.clear();
    return audio;
}

Result<QString> ExportJob::run() const
{
    library::ExportRequest request = m_request;
    AudioBuffer heard;
    if (m_bounce) {
        heard = m_bounce->bounce(m_bounceFrom, m_bounceTo);
        request.stems = {&heard};
        request.gains = {1.0f};
        request.startFrame -= m_bounceFrom;
        request.endFrame -= m_bounceFrom;
        request.sourceOffsetFrames = m_bounceFrom;
    }
    Result<library::ExportResult> exported = library::exportSample(request);
    if (!exported)
        return makeError(exported.error());
    return QString::fromStdString(exported->path);
}

} // namespace stemcrate::ui
