#include "LocalHttpServer.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QTcpSocket>

namespace stemcrate::test {

namespace {

constexpr qint64 kMaxRequestHeadBytes = 16 * 1024;

QByteArray headerValue(const QByteArray& request, const QByteArray& name)
{
    for (const QByteArray& line : request.split('\n')) {
        const int colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name.toLower())
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

} // namespace

LocalHttpServer::LocalHttpServer(QByteArray body, QObject* parent) : QObject(parent), m_body(std::move(body))
{
    connect(&m_server, &QTcpServer::newConnection, this, &LocalHttpServer::onNewConnection);
    m_lifetime.setSingleShot(true);
    connect(&m_lifetime, &QTimer::timeout, &m_server, &QTcpServer::close);
}

LocalHttpServer::~LocalHttpServer()
{
    m_server.close();
}

bool LocalHttpServer::listen()
{
    // Loopback only: the tests never touch any other address.
    if (!m_server.listen(QHostAddress(QHostAddress::LocalHost), 0))
        return false;
    m_lifetime.start(kLifetimeMs);
    return true;
}

QUrl LocalHttpServer::url() const
{
    return QUrl(
        QStringLiteral("http://127.0.0.1:%1/models/hdemucs_high_trained.pt").arg(m_server.serverPort()));
}

void LocalHttpServer::setMode(Mode mode, qint64 cutBytes)
{
    m_mode = mode;
    m_cutBytes = cutBytes;
}

void LocalHttpServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QObject::destroyed, this, [this, socket] { m_requestHeads.remove(socket); });
        // Collect the request head, then answer once per connection ("Connection: close").
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            QByteArray& head = m_requestHeads[socket];
            head += socket->readAll();
            if (head.size() > kMaxRequestHeadBytes) {
                socket->abort();
                return;
            }
            if (head.contains("\r\n\r\n")) {
                const QByteArray request = std::exchange(head, {});
                respond(socket, request);
            }
        });
    }
}

void LocalHttpServer::respond(QTcpSocket* socket, const QByteArray& request)
{
    if (m_rangeHeaders.size() >= kMaxRequests) {
        m_server.close();
        socket->abort();
        return;
    }
    const QByteArray range = headerValue(request, "Range");
    m_rangeHeaders << range;

    if (m_mode == Mode::NotFound || m_mode == Mode::Html) {
        const QByteArray html = "<!DOCTYPE html><html><body><h1>Nope</h1></body></html>\n";
        const QByteArray status = m_mode == Mode::NotFound ? "404 Not Found" : "200 OK";
        send(socket,
             "HTTP/1.1 " + status + "\r\nContent-Type: text/html\r\nContent-Length: " +
                 QByteArray::number(html.size()) + "\r\nConnection: close\r\n\r\n",
             html, true);
        return;
    }

    const qint64 size = m_body.size();
    qint64 first = 0;
    static const QRegularExpression rangePattern(QStringLiteral(R"(^bytes=(\d+)-$)"));
    const QRegularExpressionMatch match = rangePattern.match(QString::fromLatin1(range));
    if (m_mode != Mode::IgnoreRange && match.hasMatch())
        first = match.captured(1).toLongLong();

    QByteArray head;
    if (first >= size && first > 0) {
        send(socket,
             "HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */" + QByteArray::number(size) +
                 "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
             {}, true);
        return;
    }
    if (first > 0) {
        head = "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes " + QByteArray::number(first) + '-' +
               QByteArray::number(size - 1) + '/' + QByteArray::number(size) + "\r\n";
    } else {
        head = "HTTP/1.1 200 OK\r\n";
    }
    head += "Content-Type: application/octet-stream\r\nContent-Length: " + QByteArray::number(size - first) +
            "\r\nConnection: close\r\n\r\n";

    QByteArray body = m_body.mid(first);
    const bool cut = m_mode == Mode::CutAfter || m_mode == Mode::Stall;
    if (cut)
        body.truncate(m_cutBytes);
    send(socket, head, body, m_mode != Mode::Stall);
}

void LocalHttpServer::send(QTcpSocket* socket, const QByteArray& head, const QByteArray& body, bool close)
{
    connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] {
        if (socket->bytesToWrite() == 0)
            ++m_responsesFlushed;
    });
    socket->write(head);
    socket->write(body);
    if (close)
        socket->disconnectFromHost(); // after the pending bytes are written
}

} // namespace stemcrate::test
