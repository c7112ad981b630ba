#pragma once
// Transport: play/pause/seek/loop for the current song through a QAudioSink in pull mode. Owns the
// StemMixer (tests and the lanes' controls reach it through mixer()) and the PlaybackDevice.
//
// With no audio output device (CI, headless) hasOutput() is false, play() does nothing and
// outputMessage() says why; everything else, the mixer included, still works.
//
// Ownership: owned by the window; owns sink, device and mixer. Threads: GUI thread only (the
// mixer's audio side runs in the sink's pull). Units: frames at 44.1 kHz, milliseconds for latency.

#include "playback/FitStage.h"
#include "playback/StemMixer.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QObject>
#include <QString>

#include <memory>

class QAudioSink;
class QTimer;

namespace stemcrate::ui {

class PlaybackDevice;

class Transport : public QObject
{
    Q_OBJECT

public:
    explicit Transport(QObject* parent = nullptr);
    ~Transport() override;

    bool hasOutput() const { return m_device != nullptr; }
    QString outputMessage() const { return m_outputMessage; }

    // Stops playback and plays this song from now on (either may be null: nothing to play).
    void setSong(std::shared_ptr<const AudioBuffer> mix, std::shared_ptr<const StemSet> stems);

    void play();
    void pause();
    void togglePlay();
    bool isPlaying() const { return m_playing; }

    void seek(int64_t frame);
    // The frame being heard now: the mixer's position less what the sink still buffers.
    int64_t audiblePosition() const;

    StemMixer& mixer() { return m_mixer; }
    // The project fit in the playback path (ProjectFitController drives it).
    FitStage& fitStage() { return *m_fit; }

    // Milliseconds from the last play() to the sink's first pull; -1 until known.
    double lastStartLatencyMs() const;

signals:
    void playingChanged(bool playing);

private:
    void startSink();
    void stopSink();
    void pollEnd();

    StemMixer m_mixer;
    std::shared_ptr<FitStage> m_fit; // shared with the thread that prepares its engine
    QAudioDevice m_output;
    QAudioFormat m_format;
    QAudioSink* m_sink = nullptr;       // child while playing (a new one per start)
    PlaybackDevice* m_device = nullptr; // child; null without a usable output device
    QTimer* m_endPoll = nullptr;        // child: pauses at the end of the song
    QString m_outputMessage;
    bool m_playing = false;
    qint64 m_playCalledMs = 0;
};

} // namespace stemcrate::ui
