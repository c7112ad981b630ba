#include "playback/Transport.h"

#include "playback/PlaybackDevice.h"

#include <QAudioDevice>
#include <QAudioSink>
#include <QDebug>
#include <QElapsedTimer>
#include <QMediaDevices>
#include <QTimer>

namespace stemcrate::ui {

namespace {

constexpr int kSinkBufferFrames = 2048; // ~46 ms: small enough for a start well under 100 ms

} // namespace

Transport::Transport(QObject* parent) : QObject(parent)
{
    const QAudioDevice output = QMediaDevices::defaultAudioOutput();
    if (output.isNull()) {
        m_outputMessage = tr("No audio output device: playback is off. Everything else works.");
        qInfo("playback: no audio output device");
    } else {
        QAudioFormat format;
        format.setSampleRate(kEngineSampleRate);
        format.setChannelCount(2);
        format.setSampleFormat(QAudioFormat::Float);
        if (!output.isFormatSupported(format))
            format.setSampleFormat(QAudioFormat::Int16);
        if (!output.isFormatSupported(format)) {
            m_outputMessage = tr("The audio output '%1' does not play 44.1 kHz stereo: playback is off.")
                                  .arg(output.description());
            qWarning() << "playback: unsupported output format on" << output.description();
        } else {
            m_sink = new QAudioSink(output, format, this);
            m_sink->setBufferSize(kSinkBufferFrames * format.bytesPerFrame());
            m_device = new PlaybackDevice(m_mixer, format, this);
            m_device->open(QIODevice::ReadOnly);
        }
    }
    m_endPoll = new QTimer(this);
    m_endPoll->setInterval(50);
    connect(m_endPoll, &QTimer::timeout, this, &Transport::pollEnd);
}

Transport::~Transport()
{
    if (m_sink)
        m_sink->stop();
}

void Transport::setSong(std::shared_ptr<const AudioBuffer> mix, std::shared_ptr<const StemSet> stems)
{
    pause();
    m_mixer.setSources(std::move(mix), std::move(stems));
}

void Transport::play()
{
    if (!m_sink || m_playing || m_mixer.frames() <= 0)
        return;
    if (m_mixer.atEnd() || m_mixer.position() >= m_mixer.frames())
        m_mixer.seek(0);
    QElapsedTimer now;
    now.start();
    m_playCalledMs = now.msecsSinceReference();
    m_device->armFirstPull();
    m_sink->start(m_device);
    m_playing = true;
    m_endPoll->start();
    emit playingChanged(true);
}

void Transport::pause()
{
    if (!m_playing)
        return;
    // Keep the heard position, not the mixer's (which runs one sink buffer ahead).
    const int64_t heard = audiblePosition();
    m_sink->stop();
    m_mixer.seek(heard);
    m_playing = false;
    m_endPoll->stop();
    emit playingChanged(false);
}

void Transport::togglePlay()
{
    if (m_playing)
        pause();
    else
        play();
}

void Transport::seek(int64_t frame)
{
    const bool wasPlaying = m_playing;
    if (wasPlaying) {
        // Restarting drops what the sink buffered, so the jump is heard at once.
        m_sink->stop();
        m_mixer.seek(frame);
        m_device->armFirstPull();
        m_sink->start(m_device);
    } else {
        m_mixer.seek(frame);
    }
}

int64_t Transport::audiblePosition() const
{
    int64_t position = m_mixer.position();
    if (m_sink && m_playing) {
        const int bytesPerFrame = m_sink->format().bytesPerFrame();
        if (bytesPerFrame > 0)
            position -= (m_sink->bufferSize() - m_sink->bytesFree()) / bytesPerFrame;
        if (m_mixer.looping() && position < 0)
            position = 0;
    }
    return std::max<int64_t>(0, position);
}

double Transport::lastStartLatencyMs() const
{
    if (!m_device || m_device->firstPullMs() == 0)
        return -1.0;
    return double(m_device->firstPullMs() - m_playCalledMs);
}

void Transport::pollEnd()
{
    if (m_mixer.atEnd())
        pause();
}

} // namespace stemcrate::ui
