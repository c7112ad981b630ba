#include "common/ModelDownloader.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QLockFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <unistd.h>

namespace stemcrate {

namespace {

Q_LOGGING_CATEGORY(lcDownload, "stemcrate.download")

// torch.save writes a zip archive; anything else (an HTML error page, a proxy notice) is not a model.
const QByteArray kZipMagic("PK\x03\x04", 4);
constexpr int kProgressIntervalMs = 100;
// Inactivity limit: abort when no byte arrives for this long (a dead link, not a slow one).
constexpr int kStallTimeoutMs = 60'000;
// One restart from zero (bad Content-Range, 416 on a foreign .part) is enough; more means a broken server.
constexpr int kMaxRestarts = 1;

QString sizeText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

// "bytes 100-199/200" -> {100, 200}; "bytes */200" -> {-1, 200}; total -1 for "*". nullopt if malformed.
struct ContentRange
{
    qint64 first = -1;
    qint64 total = -1;
};
std::optional<ContentRange> parseContentRange(const QByteArray& header)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^\s*bytes\s+(?:(\d+)-(\d+)|\*)/(\d+|\*)\s*$)"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(QString::fromLatin1(header));
    if (!match.hasMatch())
        return std::nullopt;
    ContentRange range;
    if (match.hasCaptured(1))
        range.first = match.captured(1).toLongLong();
    if (match.captured(3) != QLatin1String("*"))
        range.total = match.captured(3).toLongLong();
    return range;
}

// Makes the rename itself durable; best effort.
void syncFolder(const QString& folder)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

ModelDownloader::ModelDownloader(QObject* parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this))
{
}

ModelDownloader::~ModelDownloader()
{
    // No signals from the destructor; the .part stays for the next start.
    dropReply();
}

void ModelDownloader::start(const QUrl& url, const QString& finalPath)
{
    if (m_running)
        return;
    m_running = true;
    m_url = url;
    m_finalPath = QFileInfo(finalPath).absoluteFilePath();
    m_restarts = 0;

    // Reported from the event loop: callers connect, call start(), then enter their loop. Skipped if a
    // cancel() or a new start() came first.
    const auto failLater = [this](const QString& message) {
        QMetaObject::invokeMethod(
            this,
            [this, message] {
                if (m_running && !m_reply)
                    fail(message);
            },
            Qt::QueuedConnection);
    };

    const QString folder = QFileInfo(m_finalPath).absolutePath();
    QDir().mkpath(folder);
    // One writer per .part: a second Stemcrate (GUI and CLI at once) would interleave bytes.
    m_lock = std::make_unique<QLockFile>(m_finalPath + QStringLiteral(".lock"));
    m_lock->setStaleLockTime(0); // stale only if its process is gone; a download may take minutes
    if (!m_lock->tryLock(0)) {
        const bool busy = m_lock->error() == QLockFile::LockFailedError;
        m_lock.reset();
        failLater(busy ? tr("Another Stemcrate is already downloading the separation model to %1. Wait for "
                            "it to finish, or pass --model PATH.")
                             .arg(QDir::toNativeSeparators(m_finalPath))
                       : tr("Could not save the separation model to %1 (the folder is not writable). "
                            "Pass --model PATH to use a model file from elsewhere.")
                             .arg(QDir::toNativeSeparators(m_finalPath)));
        return;
    }
    m_partFile.setFileName(partPath());
    if (!m_partFile.open(QIODevice::ReadWrite)) {
        failLater(tr("Could not save the separation model to %1 (%2). Pass --model PATH to use a model file "
                     "from elsewhere.")
                      .arg(QDir::toNativeSeparators(m_finalPath), m_partFile.errorString()));
        return;
    }
    sendRequest();
}

void ModelDownloader::cancel()
{
    if (!m_running)
        return;
    fail(tr("The model download was stopped. The %1 received so far are kept in %2, and the next start "
            "resumes from there.")
             .arg(sizeText(m_received), QDir::toNativeSeparators(partPath())));
}

void ModelDownloader::sendRequest()
{
    m_resumeFrom = m_partFile.size();
    if (m_resumeFrom < kZipMagic.size()) {
        // Too short to have checked the magic on; cheaper to start over than to special-case.
        m_partFile.resize(0);
        m_resumeFrom = 0;
    }
    m_partFile.seek(m_resumeFrom);
    m_received = m_resumeFrom;
    m_total = -1;
    m_headersHandled = false;
    // A resumed file is checked as a whole in finalise(); a fresh one as soon as 4 bytes arrive.
    m_magicChecked = m_resumeFrom > 0;
    m_head.clear();

    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("Stemcrate/" STEMCRATE_VERSION));
    // Ranges must count bytes of the file itself, not of a gzip stream.
    request.setRawHeader("Accept-Encoding", "identity");
    if (m_resumeFrom > 0)
        request.setRawHeader("Range", "bytes=" + QByteArray::number(m_resumeFrom) + '-');
    request.setTransferTimeout(kStallTimeoutMs);
    qCInfo(lcDownload) << "GET" << m_url.toString() << "from byte" << m_resumeFrom << "into" << partPath();

    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::readyRead, this, &ModelDownloader::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ModelDownloader::onReplyFinished);
    m_sinceProgress.invalidate();
}

void ModelDownloader::onReadyRead()
{
    consumeAvailable();
}

bool ModelDownloader::consumeAvailable()
{
    if (!m_headersHandled && handleHeaders() == HeaderVerdict::Stop)
        return false;
    const QByteArray chunk = m_reply->readAll();
    if (chunk.isEmpty())
        return true;

    if (!m_magicChecked) {
        m_head += chunk.left(kZipMagic.size() - m_head.size());
        if (m_head.size() >= kZipMagic.size()) {
            m_magicChecked = true;
            if (!m_head.startsWith(kZipMagic)) {
                failWrongContent(m_head);
                return false;
            }
        }
    }
    if (m_partFile.write(chunk) != chunk.size()) {
        fail(tr("Could not save the separation model to %1 (%2). Free some disk space, or pass --model PATH.")
                 .arg(QDir::toNativeSeparators(m_finalPath), m_partFile.errorString()));
        return false;
    }
    m_received += chunk.size();
    emitProgress(false);
    return true;
}

ModelDownloader::HeaderVerdict ModelDownloader::handleHeaders()
{
    m_headersHandled = true;
    const QVariant statusAttribute = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttribute.isValid() ? statusAttribute.toInt() : 0; // 0: not HTTP (file://)

    if (status == 416) {
        // Range past the end: the .part may already be the whole file (stopped before the rename).
        const auto range = parseContentRange(m_reply->rawHeader("Content-Range"));
        if (range && range->total > 0 && range->total == m_resumeFrom) {
            m_total = range->total;
            dropReply();
            finalise();
        } else {
            restartFromZero(tr("the server refused to resume the partial download"));
        }
        return HeaderVerdict::Stop;
    }
    if (status != 0 && status != 200 && status != 206) {
        const QString phrase = m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        fail(manualInstallMessage(QStringLiteral("HTTP error %1 %2").arg(status).arg(phrase).trimmed()));
        return HeaderVerdict::Stop;
    }

    if (status == 206) {
        const auto range = parseContentRange(m_reply->rawHeader("Content-Range"));
        if (!range || range->first != m_resumeFrom) {
            restartFromZero(tr("the server resumed at the wrong place"));
            return HeaderVerdict::Stop;
        }
        m_total = range->total;
        return HeaderVerdict::Continue;
    }

    // A full body (200, or a non-HTTP URL): whatever the .part held is replaced.
    if (m_resumeFrom > 0) {
        qCInfo(lcDownload) << "server ignored the Range request; restarting from zero";
        m_partFile.resize(0);
        m_partFile.seek(0);
        m_resumeFrom = 0;
        m_received = 0;
        m_magicChecked = false;
        m_head.clear();
    }
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    m_total = length.isValid() ? length.toLongLong() : -1;
    return HeaderVerdict::Continue;
}

void ModelDownloader::onReplyFinished()
{
    const QNetworkReply::NetworkError error = m_reply->error();
    const bool gotHttpResponse = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid();
    // Drain what is left; this also turns an HTTP error status into its message.
    if ((gotHttpResponse || error == QNetworkReply::NoError) && !consumeAvailable())
        return;
    if (error != QNetworkReply::NoError) {
        fail(manualInstallMessage(networkReason(error, m_reply->errorString())));
        return;
    }
    dropReply();
    finalise();
}

void ModelDownloader::restartFromZero(const QString& reason)
{
    if (m_restarts >= kMaxRestarts) {
        fail(manualInstallMessage(reason));
        return;
    }
    ++m_restarts;
    qCInfo(lcDownload) << "restarting from zero:" << reason;
    dropReply();
    m_partFile.resize(0);
    sendRequest();
}

void ModelDownloader::finalise()
{
    if (!m_partFile.flush()) {
        fail(tr("Could not save the separation model to %1 (%2). Free some disk space, or pass --model PATH.")
                 .arg(QDir::toNativeSeparators(m_finalPath), m_partFile.errorString()));
        return;
    }
    const qint64 size = m_partFile.size();
    if (m_total >= 0 && size != m_total) {
        // Short: keep it for resuming. Long: it cannot be the file the server describes.
        fail(manualInstallMessage(tr("the download ended after %1 of %2; starting again resumes it")
                                      .arg(sizeText(size), sizeText(m_total))),
             size > m_total);
        return;
    }
    m_partFile.seek(0);
    const QByteArray head = m_partFile.read(kZipMagic.size());
    if (!head.startsWith(kZipMagic)) {
        failWrongContent(head);
        return;
    }
    // Data on disk before the name: a crash must never leave a truncated file under the final name.
    ::fsync(m_partFile.handle());
    m_partFile.close();
    if (std::rename(QFile::encodeName(partPath()).constData(), QFile::encodeName(m_finalPath).constData()) !=
        0) {
        fail(tr("Could not move the downloaded model from %1 to %2 (%3).")
                 .arg(QDir::toNativeSeparators(partPath()), QDir::toNativeSeparators(m_finalPath),
                      QString::fromLocal8Bit(std::strerror(errno))));
        return;
    }
    syncFolder(QFileInfo(m_finalPath).absolutePath());

    m_running = false;
    m_lock.reset();
    qCInfo(lcDownload) << "model saved to" << m_finalPath << size << "bytes";
    m_received = size;
    m_total = size;
    emitProgress(true);
    emit finished(m_finalPath);
}

void ModelDownloader::failWrongContent(const QByteArray& head)
{
    const QString reason = head.trimmed().startsWith('<')
                               ? tr("the server sent a web page instead of the model file")
                               : tr("the server sent something that is not a PyTorch model file");
    fail(manualInstallMessage(reason), true);
}

void ModelDownloader::fail(const QString& message, bool removePart)
{
    dropReply();
    m_partFile.close();
    // Only the lock holder may touch the .part. An empty one (no byte ever arrived) is clutter.
    if (m_lock && (removePart || QFileInfo(partPath()).size() == 0))
        QFile::remove(partPath());
    m_lock.reset();
    m_running = false;
    qCWarning(lcDownload).noquote() << message;
    emit failed(message);
}

void ModelDownloader::dropReply()
{
    if (!m_reply)
        return;
    // Disconnect first: abort() emits finished() synchronously. Qt reports an HTTP error status itself,
    // and aborting such a reply makes it report twice; deleting it closes the connection anyway.
    m_reply->disconnect(this);
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_reply->isRunning() && m_reply->error() == QNetworkReply::NoError && status < 400)
        m_reply->abort();
    m_reply->deleteLater();
    m_reply = nullptr;
}

void ModelDownloader::emitProgress(bool force)
{
    if (!force && m_sinceProgress.isValid() && m_sinceProgress.elapsed() < kProgressIntervalMs)
        return;
    m_sinceProgress.start();
    emit progress(m_received, m_total);
}

QString ModelDownloader::networkReason(int error, const QString& details) const
{
    switch (static_cast<QNetworkReply::NetworkError>(error)) {
    case QNetworkReply::HostNotFoundError:
        return tr("host not found");
    case QNetworkReply::ConnectionRefusedError:
        return tr("connection refused");
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // our own aborts are disconnected; this is the stall timeout
        return tr("the connection timed out");
    case QNetworkReply::RemoteHostClosedError:
        if (m_received > 0) {
            const QString total = m_total >= 0 ? sizeText(m_total) : tr("unknown");
            return tr("the connection broke off after %1 of %2; starting again resumes it")
                .arg(sizeText(m_received), total);
        }
        return tr("the server closed the connection");
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return tr("no network connection");
    case QNetworkReply::SslHandshakeFailedError:
        return tr("secure connection failed: %1").arg(details);
    default:
        return details;
    }
}

QString ModelDownloader::manualInstallMessage(const QString& reason) const
{
    return tr("Could not download the separation model (%1). Download %2 on a connected machine and copy it "
              "to %3, or pass --model PATH.")
        .arg(reason, m_url.toString(), QDir::toNativeSeparators(m_finalPath));
}

} // namespace stemcrate
