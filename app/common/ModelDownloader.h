#pragma once
// ModelDownloader: downloads one model file over HTTP(S) with resume and an atomic final rename.
//
// Data goes to "<finalPath>.part". If that exists, the request carries "Range: bytes=<size>-": a 206
// reply is appended, a 200 reply restarts from zero. The final file appears only when complete: size
// checked against Content-Length / Content-Range, content starts with the zip magic "PK\3\4" (what
// torch.save writes), fsync, then rename. A cancelled or failed transfer keeps the .part for the next
// start; wrong content (an HTML page, say) deletes it. Never leaves a file under the final name
// unless it is complete.
//
// Ownership/threads: a plain QObject; create, start and cancel it on one thread with a running event
// loop. It owns its QNetworkAccessManager, reply and .part file. Exactly one of finished()/failed()
// follows each start(); both are emitted from the event loop, except that cancel() emits failed()
// before it returns. "<finalPath>.lock" (QLockFile) keeps a second process off the same .part while
// running. Units: bytes.

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class QLockFile;
class QNetworkAccessManager;
class QNetworkReply;

namespace stemcrate {

class ModelDownloader : public QObject
{
    Q_OBJECT

public:
    explicit ModelDownloader(QObject* parent = nullptr);
    ~ModelDownloader() override;

    // Starts (or resumes) downloading url into finalPath; creates the folder. Ignored while running.
    void start(const QUrl& url, const QString& finalPath);
    // Aborts the transfer, keeps the .part and emits failed() at once. No-op when idle.
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    // Throttled to about 10 per second, plus one at the end. totalBytes is -1 while unknown.
    void progress(qint64 receivedBytes, qint64 totalBytes);
    void finished(const QString& path);
    // message is for the user: the reason, and where to put a manually downloaded file.
    void failed(const QString& message);

private:
    enum class HeaderVerdict
    {
        Continue,
        Stop, // the reply was dropped: failed, restarted or finalised
    };

    void sendRequest();
    void onReadyRead();
    void onReplyFinished();
    bool consumeAvailable(); // false: the reply was dropped
    HeaderVerdict handleHeaders();
    void restartFromZero(const QString& reason);
    void finalise();
    void failWrongContent(const QByteArray& head);
    void fail(const QString& message, bool removePart = false);
    void dropReply();
    void emitProgress(bool force);
    QString networkReason(int error, const QString& details) const;
    QString manualInstallMessage(const QString& reason) const;
    QString partPath() const { return m_finalPath + QStringLiteral(".part"); }

    QNetworkAccessManager* m_network = nullptr; // child
    QNetworkReply* m_reply = nullptr;           // owned while running; deleteLater'd when dropped
    QFile m_partFile;
    std::unique_ptr<QLockFile> m_lock; // "<finalPath>.lock", held while running
    QUrl m_url;
    QString m_finalPath;
    qint64 m_resumeFrom = 0; // .part size when the current request was sent (the Range start)
    qint64 m_received = 0;   // bytes in the .part, resumed ones included
    qint64 m_total = -1;     // full file size from the headers; -1 if unknown
    int m_restarts = 0;      // bounded, so a confused server cannot make us loop
    bool m_headersHandled = false;
    bool m_magicChecked = false;
    QByteArray m_head; // first bytes of a fresh body, for the zip magic check
    bool m_running = false;
    QElapsedTimer m_sinceProgress;
};

} // namespace stemcrate
