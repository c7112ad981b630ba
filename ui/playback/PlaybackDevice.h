#pragma once
// PlaybackDevice: the QIODevice a QAudioSink pulls from (pull mode). Each readData() renders the StemMixer
// into a pre-allocated planar scratch buffer and converts it to the sink's format (float or int16,
// interleaved, 1 or 2 channels).
//
// Ownership: does not own the mixer, which must outlive it. Threads: readData() runs wherever the sink's
// backend pulls (audio thread or the sink's thread); it never locks or allocates. Other members belong to
// the owning (GUI) thread. Units: bytes for QIODevice sizes, frames inside.

#include <QAudioFormat>
#include <QIODevice>

#include <atomic>
#include <chrono>
#include <vector>

namespace stemcrate::ui {

class FitStage;
class StemMixer;

// std::chrono::steady_clock in milliseconds: the clock of the start-latency measurement.
inline qint64 steadyMilliseconds()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

class PlaybackDevice : public QIODevice
{
    Q_OBJECT

public:
    static constexpr int kBlockFrames = 4096; // frames rendered per mixer call

    // format: Float or Int16 samples, 1 or 2 channels.
    PlaybackDevice(StemMixer& mixer, const QAudioFormat& format, QObject* parent = nullptr);

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;

    // steadyMilliseconds() at the first readData() since armFirstPull(); 0
    // until then.
    void armFirstPull() { m_firstPullMs.store(0, std::memory_order_relaxed); }
    qint64 firstPullMs() const { return m_firstPullMs.load(std::memory_order_relaxed); }

    // Renders through the project fit (FitStage passes through while inactive). Set before open(); the
    // stage must outlive the device.
    void setFitStage(FitStage* fit) { m_fit = fit; }

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    StemMixer& m_mixer;
    FitStage* m_fit = nullptr;
    const QAudioFormat m_format;
    const int m_channels;
    std::vector<float> m_scratch; // 2 * kBlockFrames, planar
    std::atomic<qint64> m_firstPullMs{0};
};

} // namespace stemcrate::ui
