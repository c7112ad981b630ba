// ModelDownloader against LocalHttpServer on 127.0.0.1: full download, resume after a cut, a server
// that ignores Range, a complete .part (416), HTTP 404, connection refused, HTML instead of the
// model, cancel, and a second downloader on the same file.

#include "LocalHttpServer.h"
#include "common/ModelDownloader.h"

#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using stemcrate::ModelDownloader;
using stemcrate::test::LocalHttpServer;

namespace {

constexpr qint64 kBodyBytes = 3 * 1024 * 1024 + 17;
constexpr int kDownloadTimeoutMs = 30'000;

// Random bytes behind the zip magic: passes the "is it a torch.save file" check, and any mix-up of
// offsets shows as a mismatch.
QByteArray makeModelBytes(qint64 size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator random(seed);
    random.fillRange(reinterpret_cast<quint32*>(bytes.data()), size / 4);
    for (qint64 i = size / 4 * 4; i < size; ++i)
        bytes[i] = char(random.generate());
    bytes.replace(0, 4, QByteArray("PK\x03\x04", 4));
    return bytes;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

struct Outcome
{
    bool finished = false;
    QString text; // the path on success, the message on failure
};

// Runs one start() to its end on a local event loop (which also serves LocalHttpServer).
Outcome download(ModelDownloader& downloader, const QUrl& url, const QString& finalPath)
{
    QSignalSpy finished(&downloader, &ModelDownloader::finished);
    QSignalSpy failed(&downloader, &ModelDownloader::failed);
    downloader.start(url, finalPath);
    if (!QTest::qWaitFor([&] { return finished.count() + failed.count() > 0; }, kDownloadTimeoutMs))
        return {false, QStringLiteral("<timed out>")};
    if (finished.count() == 1 && failed.isEmpty())
        return {true, finished.first().first().toString()};
    if (failed.count() == 1 && finished.isEmpty())
        return {false, failed.first().first().toString()};
    return {false, QStringLiteral("<no single outcome: %1 finished, %2 failed>")
                       .arg(finished.count())
                       .arg(failed.count())};
}

} // namespace

class ModelDownloaderTest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_finalPath = m_dir.filePath(QStringLiteral("models/case%1/hdemucs_high_trained.pt").arg(++m_case));
        m_partPath = m_finalPath + QStringLiteral(".part");
    }

    void fullDownload()
    {
        LocalHttpServer server(m_body);
        QVERIFY(server.listen());
        ModelDownloader downloader;
        QSignalSpy progress(&downloader, &ModelDownloader::progress);

        const Outcome outcome = download(downloader, server.url(), m_finalPath);
        QVERIFY2(outcome.finished, qPrintable(outcome.text));
        QCOMPARE(outcome.text, m_finalPath);
        QVERIFY(readFile(m_finalPath) == m_body);
        QVERIFY(!QFileInfo::exists(m_partPath));
        QCOMPARE(server.rangeHeaders(), QList<QByteArray>{QByteArray()});
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toLongLong(), kBodyBytes);
        QCOMPARE(progress.last().at(1).toLongLong(), kBodyBytes);
        QVERIFY(!downloader.isRunning());
    }

    void resumesAfterInterruptedTransfer()
    {
        constexpr qint64 kCut = 1024 * 1024 + 123;
        LocalHttpServer server(m_body);
        QVERIFY(server.listen());
        server.setMode(LocalHttpServer::Mode::CutAfter, kCut);
        ModelDownloader downloader;

        const Outcome first = download(downloader, server.url(), m_finalPath);
        QVERIFY2(!first.finished, qPrintable(first.text));
        QVERIFY2(first.text.contains(m_finalPath), qPrintable(first.text));
        QVERIFY(!QFileInfo::exists(m_finalPath));
        QCOMPARE(QFileInfo(m_partPath).size(), kCut);

        server.setMode(LocalHttpServer::Mode::Normal);
        const Outcome second = download(downloader, server.url(), m_finalPath);
        QVERIFY2(second.finished, qPrintable(second.text));
        QCOMPARE(server.rangeHeaders().size(), 2);
        QCOMPARE(server.rangeHeaders().at(1), "bytes=" + QByteArray::number(kCut) + '-');
        QVERIFY(readFile(m_finalPath) == m_body);
        QVERIFY(!QFileInfo::exists(m_partPath));
    }

    void restartsWhenServerIgnoresRange()
    {
        // A stale .part whose tail differs from the real file: it must be replaced, not appended to.
        QVERIFY(QDir().mkpath(QFileInfo(m_finalPath).absolutePath()));
        writeFile(m_partPath, makeModelBytes(500'000, 7));
        LocalHttpServer server(m_body);
        QVERIFY(server.listen());
        server.setMode(LocalHttpServer::Mode::IgnoreRange);
        ModelDownloader downloader;

        const Outcome outcome = download(downloader, server.url(), m_finalPath);
        QVERIFY2(outcome.finished, qPrintable(outcome.text));
        QCOMPARE(server.rangeHeaders(), QList<QByteArray>{"bytes=500000-"});
        QVERIFY(readFile(m_finalPath) == m_body);
        QVERIFY(!QFileInfo::exists(m_partPath));
    }

    void completePartIsFinalisedWithout416Loop()
    {
        // Stopped after the last byte but before the rename: the server answers 416 with the total.
        QVERIFY(QDir().mkpath(QFileInfo(m_finalPath).absolutePath()));
        writeFile(m_partPath, m_body);
        LocalHttpServer server(m_body);
        QVERIFY(server.listen());
        ModelDownloader downloader;

        const Outcome outcome = download(downloader, server.url(), m_finalPath);
        QVERIFY2(outcome.finished, qPrintable(outcome.text));
        QCOMPARE(server.rangeHeaders().size(), 1);
        QVERIFY(readFile(m_finalPath) == m_body);
        QVERIFY(!QFileInfo::exists(m_partPath));
    }

    void httpErrorNamesStatusAndPath()
    {
        LocalHttpServer server(m_body);
        QVERIFY(server.listen());
        server.setMode(LocalHttpServer::Mode::NotFound);
        ModelDownloader downloader;

        const Outcome outcome = download(downloader, server.url(), m_finalPath);
        QVERIFY(!outcome.finished);
        QVERIFY2(outcome.text.contains(QStringLiteral("HTTP error 404 Not Found")), qPrintable(outcome.text));
        QVERIFY2(outcome.text.contains(server.url().toString()), qPrintable(outcome.text));
        QVERIFY2(outcome.text.contains(m_finalPath), qPrintable(outcome.text));
        QVERIFY(!QFileInfo::exists(m_finalPath));
        QVERIFY(!QFileInfo::exists(m_partPath)); // nothing received: no empty .part left behind
    }

    void connectionRefusedSaysWhereToPutTheFile()
    {
        // A port that was free a moment ago on loopback: nothing listens there now.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress(QHostAddress::LocalHost), 0));
        const quint16 port = probe.serverPort();
        probe.close();
        const QUrl url(QStringLiteral("http://127.0.0.1:%1/hdemucs_high_trained.pt").arg(port));
        ModelDownloader downloader;

        const Outcome outcome = download(downloader, url, m_finalPath);
        QVERIFY(!outcome.finished);
        const QString expected =
            QStringLiteral("Could not download the separation model (connection refused). "
                           "Download %1 on a connected machine and copy it to %2, or pass "
                           "--model PATH.")
                .arg(url.toString(), m_finalPath);
        QCOMPARE(outcome.text, expected);
        QVERIFY(!QFileInfo::exists(m_finalPath));
    }

    void rejectsHtmlInsteadOfModel()
    {
        LocalHttpServer server(m_body);
        QVERIFY(server.listen());
        server.setMode(LocalHttpServer::Mode::Html);
        ModelDownloader downloader;

        const Outcome outcome = download(downloader, server.url(), m_finalPath);
        QVERIFY(!outcome.finished);
        QVERIFY2(outcome.text.contains(QStringLiteral("web page")), qPrintable(outcome.text));
        QVERIFY2(outcome.text.contains(m_finalPath), qPrintable(outcome.text));
        QVERIFY(!QFileInfo::exists(m_finalPath));
        QVERIFY(!QFileInfo::exists(m_partPath)); // wrong content is not worth resuming
    }

    void cancelKeepsPartForResume()
    {
        constexpr qint64 kSent = 200'000;
        LocalHttpServer server(m_body);
        QVERIFY(server.listen());
        server.setMode(LocalHttpServer::Mode::Stall, kSent);
        ModelDownloader downloader;
        QSignalSpy failed(&downloader, &ModelDownloader::failed);

        downloader.start(server.url(), m_finalPath);
        QTRY_COMPARE_WITH_TIMEOUT(server.responsesFlushed(), 1, kDownloadTimeoutMs);
        QTest::qWait(300); // let the client read what the kernel already holds
        downloader.cancel();
        QCOMPARE(failed.count(), 1); // synchronous, as documented
        QVERIFY(!downloader.isRunning());
        QCOMPARE(QFileInfo(m_partPath).size(), kSent);
        QVERIFY(!QFileInfo::exists(m_finalPath));

        server.setMode(LocalHttpServer::Mode::Normal);
        const Outcome resumed = download(downloader, server.url(), m_finalPath);
        QVERIFY2(resumed.finished, qPrintable(resumed.text));
        QCOMPARE(server.rangeHeaders().last(), "bytes=" + QByteArray::number(kSent) + '-');
        QVERIFY(readFile(m_finalPath) == m_body);
    }

    void secondDownloaderIsLockedOut()
    {
        // Another process (here: another lock object) is writing this .part.
        QVERIFY(QDir().mkpath(QFileInfo(m_finalPath).absolutePath()));
        QLockFile other(m_finalPath + QStringLiteral(".lock"));
        QVERIFY(other.tryLock(0));
        writeFile(m_partPath, QByteArray());
        LocalHttpServer server(m_body);
        QVERIFY(server.listen());
        ModelDownloader downloader;

        const Outcome outcome = download(downloader, server.url(), m_finalPath);
        QVERIFY(!outcome.finished);
        QVERIFY2(outcome.text.contains(QStringLiteral("already downloading")), qPrintable(outcome.text));
        QVERIFY(server.rangeHeaders().isEmpty());
        QVERIFY(QFileInfo::exists(m_partPath)); // the other writer's file is left alone

        other.unlock();
        const Outcome afterwards = download(downloader, server.url(), m_finalPath);
        QVERIFY2(afterwards.finished, qPrintable(afterwards.text));
        QVERIFY(!QFileInfo::exists(m_finalPath + QStringLiteral(".lock")));
    }

private:
    const QByteArray m_body = makeModelBytes(kBodyBytes, 42);
    QTemporaryDir m_dir;
    int m_case = 0;
    QString m_finalPath;
    QString m_partPath;
};

QTEST_GUILESS_MAIN(ModelDownloaderTest)
#include "tst_app_model_downloader.moc"
