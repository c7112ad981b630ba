// SongQueue on a random-weights model (needs Debian's python3-torchaudio for the checkpoint): a song that
// waits behind another's separation shows and stays "queued"; cancel and retry work on it while it waits;
// a cancel followed at once by a retry ends in the retried run's result (the cancelled job's late reports
// are dropped); the queue decodes and separates with the budget's threads, never more than one separation.

#include "PythonReference.h"
#include "SongQueueTesting.h"

#include "audio/AudioFileWriter.h"
#include "songs/Song.h"
#include "songs/SongList.h"
#include "songs/SongQueue.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace stemcrate;
using namespace stemcrate::ui;
using namespace stemcrate::ui::testing;

namespace {

constexpr int kLongWaitMs = 600000; // a loaded 2-core machine; the assertions are on states, not times

} // namespace

class TestSongQueue : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_checkpoint;
    QString m_long;  // 12 s: separating long enough to act on the songs behind it
    QString m_short; // 2 s

    SeparationConfig config() const
    {
        SeparationConfig c;
        c.modelPath = m_checkpoint;
        c.options.segmentSeconds = 1.0;
        c.options.threads = 1;
        return c;
    }

private slots:
    void initTestCase()
    {
        m_checkpoint = test::makeCheckpoint(m_dir.filePath(QStringLiteral("hdemucs_random.pt")));
        QVERIFY(!m_checkpoint.isEmpty());
        m_long = m_dir.filePath(QStringLiteral("long.wav"));
        writeSong(m_long, 12.0, 220.0);
        m_short = m_dir.filePath(QStringLiteral("short.wav"));
        writeSong(m_short, 2.0, 330.0);
    }

    void waitingSongIsQueuedAndCanBeCancelledAndRetried()
    {
        SongList songs;
        SongQueue queue(songs, m_dir.filePath(QStringLiteral("cache-queued")));
        queue.setConfig(config());
        QSignalSpy published(&queue, &SongQueue::stemsPublished);
        const int first = queue.add(m_long);
        const int second = queue.add(m_short);
        // The first song's model is running (it published a first region).
        QTRY_VERIFY_WITH_TIMEOUT(!published.isEmpty() && published.last().at(0).toInt() == first &&
                                     published.last().at(1).toLongLong() > 0,
                                 kLongWaitMs);
        QCOMPARE(stateOf(songs, first), SongState::Separating);
        // The second song is decoded, then waits for the one separation slot: shown as queued.
        QTRY_VERIFY_WITH_TIMEOUT(songs.song(second)->track != nullptr, kLongWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(songs, second), SongState::Queued, kLongWaitMs);
        QCOMPARE(SongList::stateText(*songs.song(second)), QStringLiteral("queued"));
        QVERIFY(stateOf(songs, first) == SongState::Separating); // it did not take the slot

        // Cancel while waiting, then retry: queued again, still behind the first song.
        queue.cancel(second);
        QCOMPARE(stateOf(songs, second), SongState::Cancelled);
        queue.retry(second);
        QCOMPARE(stateOf(songs, second), SongState::Queued);
        QVERIFY(songs.song(second)->track != nullptr); // decoded once: not decoded again

        // Cancelling the first song gives the slot to the second, which completes.
        queue.cancel(first);
        QCOMPARE(stateOf(songs, first), SongState::Cancelled);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(songs, second), SongState::Done, kLongWaitMs);
        QCOMPARE(songs.song(second)->stems->validFrames(), qint64(2 * kEngineSampleRate));
        QCOMPARE(stateOf(songs, first), SongState::Cancelled); // its late reports changed nothing
        queue.waitForDone();
        QCoreApplication::processEvents();
        QCOMPARE(stateOf(songs, first), SongState::Cancelled);
        QCOMPARE(queue.separationsRun(), 2); // the first song's (cancelled) and the second's
    }

    void cancelThenRetryAtOnceEndsInTheRetriedRun()
    {
        SongList songs;
        SongQueue queue(songs, m_dir.filePath(QStringLiteral("cache-retry")));
        queue.setConfig(config());
        QSignalSpy finished(&queue, &SongQueue::songFinished);
        QSignalSpy problems(&queue, &SongQueue::problem);
        const int id = queue.add(m_short);
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(songs, id) == SongState::Separating, kLongWaitMs);
        const std::shared_ptr<StemSet> cancelledStems = songs.song(id)->stems;
        // Cancel and retry in the same event-loop turn: the old job is still running when the new run is
        // queued; it reports after the retry, with a token that is no longer current.
        queue.cancel(id);
        queue.retry(id);
        QCOMPARE(stateOf(songs, id), SongState::Queued);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(songs, id), SongState::Done, kLongWaitMs);
        queue.waitForDone();
        QCoreApplication::processEvents();
        QCOMPARE(stateOf(songs, id), SongState::Done);
        QCOMPARE(finished.count(), 1); // only the retried run finished the song
        QCOMPARE(problems.count(), 0); // the cancelled run's "cancelled" error never surfaced
        QVERIFY(songs.song(id)->stems != cancelledStems); // a fresh StemSet for the retry
        QVERIFY(songs.song(id)->stems->complete());
        QVERIFY(queue.cache().contains(songs.song(id)->cacheKey.toStdString()));

        // Opening the same file again hits the cache: no separation.
        const int runs = queue.separationsRun();
        const int again = queue.add(m_short);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(songs, again), SongState::Done, kLongWaitMs);
        QVERIFY(songs.song(again)->fromCache);
        QCOMPARE(queue.separationsRun(), runs);
    }

    void failureAndRemoval()
    {
        SongList songs;
        SongQueue queue(songs, m_dir.filePath(QStringLiteral("cache-fail")));
        queue.setConfig(config());
        QSignalSpy problems(&queue, &SongQueue::problem);
        const int missing = queue.add(m_dir.filePath(QStringLiteral("nope.wav")));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(songs, missing), SongState::Failed, kLongWaitMs);
        QVERIFY(!songs.song(missing)->error.isEmpty());
        QCOMPARE(problems.count(), 1);
        QVERIFY(problems.first().first().toString().contains(QStringLiteral("nope.wav")));

        // A song removed mid-separation: its job stops, the queue goes idle, the next song runs.
        const int removed = queue.add(m_long);
        const int next = queue.add(m_short);
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(songs, removed) == SongState::Separating, kLongWaitMs);
        queue.remove(removed);
        QVERIFY(!songs.song(removed));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(songs, next), SongState::Done, kLongWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(queue.isIdle(), kLongWaitMs);
    }

    void foldersAreScannedOffTheGuiThread()
    {
        SongList songs;
        SongQueue queue(songs, m_dir.filePath(QStringLiteral("cache-scan")));
        QTemporaryDir folder;
        QDir(folder.path()).mkpath(QStringLiteral("inner"));
        QVERIFY(QFile::copy(m_short, folder.filePath(QStringLiteral("inner/b.wav"))));
        QVERIFY(QFile::copy(m_short, folder.filePath(QStringLiteral("a.flac"))));
        QFile text(folder.filePath(QStringLiteral("notes.txt")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.close();
        QSignalSpy added(&queue, &SongQueue::pathsAdded);
        queue.addPaths({folder.path()});
        QCOMPARE(songs.count(), 0); // nothing yet: the scan runs on a worker
        QTRY_COMPARE(added.count(), 1);
        const QList<int> ids = added.first().at(1).value<QList<int>>();
        QCOMPARE(ids.size(), 2);
        QVERIFY(songs.song(ids[0])->path.endsWith(QStringLiteral("a.flac")));
        QVERIFY(songs.song(ids[1])->path.endsWith(QStringLiteral("inner/b.wav")));
        // No model configured: decoded songs wait for one.
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(songs, ids[1]), SongState::WaitingForModel, kLongWaitMs);
        queue.cancel(ids[1]);
        QCOMPARE(stateOf(songs, ids[1]), SongState::Cancelled);

        // A missing path is passed on as a file: decoding then names the error.
        queue.addPaths({folder.filePath(QStringLiteral("missing.wav"))});
        QTRY_COMPARE(added.count(), 2);
        const QList<int> missing = added.last().at(1).value<QList<int>>();
        QCOMPARE(missing.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(songs, missing[0]), SongState::Failed, kLongWaitMs);
    }
};

QTEST_GUILESS_MAIN(TestSongQueue)
#include "tst_ui_song_queue.moc"
