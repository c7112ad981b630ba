// Decode speed of a 3-minute 192 kb/s stereo MP3 (the common case), reported as a multiple of real time.
// Also checks that a long file keeps its exact length (reservation, resampler flush). Labelled slow.

#include "AudioTestSupport.h"
#include "audio/Decoder.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

using namespace stemcrate::audio;
using namespace stemcrate::audio::test;

class DecodeSpeedTest : public QObject
{
    Q_OBJECT

private slots:
    void threeMinuteMp3();
};

void DecodeSpeedTest::threeMinuteMp3()
{
    constexpr int kSeconds = 180;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath("song.mp3");
    QString log;
    QVERIFY2(runFfmpeg({"-f", "lavfi", "-i",
                        QString("anoisesrc=duration=%1:amplitude=0.2:seed=3").arg(kSeconds), "-f", "lavfi",
                        "-i", QString("sine=frequency=220:duration=%1").arg(kSeconds), "-filter_complex",
                        "[0][1]amerge=inputs=2", "-ar", "44100", "-c:a", "libmp3lame", "-b:a", "192k", file},
                       &log),
             qPrintable(log));

    double bestSeconds = 1e9;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto track = decodeFile(file.toStdString());
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        QVERIFY2(track.ok(), track.ok() ? "" : track.error().c_str());
        QCOMPARE(track->audio.frames, int64_t(kSeconds) * 44100);
        bestSeconds = std::min(bestSeconds, seconds);
    }
    qInfo().noquote() << QString("3-minute MP3 decoded in %1 ms (%2x real time)")
                             .arg(bestSeconds * 1000, 0, 'f', 1)
                             .arg(kSeconds / bestSeconds, 0, 'f', 0);
}

QTEST_GUILESS_MAIN(DecodeSpeedTest)
#include "tst_audio_decode_speed.moc"
