#include "playback/Transport.h"

#include "playback/PlaybackDevice.h"

#include <QAudioDevice>
#include <QAudioSink>
#include <QDebug>
#include <QMediaDevices>
#include <QTimer>

#include <thread>

namespace stemcrate::ui {

Transport::Transport(QObject* parent)
    : QObject(parent), m_fit(std::make_shared<FitStage>(PlaybackDevice::kBlockFrames))
{
    // The fit's engine takes tens of milliseconds to build: on its own thread, never the GUI's or the audio's;
    // playback passes unfitted until it is published.
    std::thread([fit = m_fit] { fit->prepare(); }).detach();
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
            m_output = output;
            m_format = format;
            stopSink(); // prepares the first sink
            m_device = new PlaybackDevice(m_mixer, format, this);
            m_device->setFitStage(m_fit.get());
            // Unbuffered: QIODevice must not keep rendered audio across a pause or a seek.
            m_device->open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        }
    }
    m_endPoll = new QTimer(this);
    m_endPoll->setInterval(50);
    connect(m_endPoll, &QTimer::timeout, this, &Transport::pollEnd);
}

Transport::~Transport()
{
    stopSink();
}

void Transport::setSong(std::shared_ptr<const AudioBuffer> mix, std::shared_ptr<const StemSet> stems)
{
    pause();
    m_mixer.setSources(std::move(mix), std::move(stems));
}

void Transport::startSink()
{
    m_playCalledMs = steadyMilliseconds();
    m_device->armFirstPull();
    m_sink->start(m_device);
    if (m_sink->error() != QAudio::NoError)
        qWarning() << "playback: the audio output did not start, error" << m_sink->error();
}

void Transport::stopSink()
{
    // Each start gets a sink that was never started: Qt 6.4's PulseAudio sink does not pull again after
    // stop() + start(), and a fresh stream starts empty, so nothing stale is heard after a seek. It is made
    // here, ahead of the next start, because a stream started right after its creation did not play
    // (measured on PulseAudio's null sink). No setBufferSize() either: with an explicit size it stopped
    // pulling too.
    if (m_sink) {
        m_sink->stop();
        delete m_sink;
    }
    m_sink = new QAudioSink(m_output, m_format, this);
}

void Transport::play()
{
    if (!m_device || m_playing || m_mixer.frames() <= 0)
        return;
    if (m_mixer.atEnd() || m_mixer.position() >= m_mixer.frames())
        m_mixer.seek(0);
    m_mixer.settleGains(); // no sink is pulling yet
    startSink();
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
    stopSink();
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
    m_fit->requestReset();
    const bool wasPlaying = m_playing;
    if (wasPlaying) {
        // Restarting drops what the sink buffered, so the jump is heard at once.
        stopSink();
        m_mixer.seek(frame);
        startSink();
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
