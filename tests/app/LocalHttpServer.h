#pragma once
// LocalHttpServer: a tiny HTTP/1.1 file server for the download tests. Listens on 127.0.0.1 only,
// serves one body, and misbehaves on request (ignores Range, cuts the connection, 404, HTML).
// Bounded: it stops listening after kMaxRequests requests or kLifetimeMs, whichever comes first.
//
// Ownership/threads: lives on the test thread and is served by that thread's event loop (QSignalSpy::wait,
// QTest::qWait or a QEventLoop). Owns its sockets. Units: bytes.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QTimer>
#include <QUrl>

class QTcpSocket;

namespace stemcrate::test {

class LocalHttpServer : public QObject
{
    Q_OBJECT

public:
    enum class Mode
    {
        Normal,      // 200, or 206 for "Range: bytes=N-", 416 past the end
        IgnoreRange, // always 200 with the whole body
        CutAfter,    // like Normal, but closes the connection after cutBytes of body
        Stall,       // like Normal, but sends cutBytes of body and then nothing, keeping the connection
        NotFound,    // 404 with an HTML body
        Html,        // 200 with an HTML page instead of the file
    };

    static constexpr int kMaxRequests = 32;
    static constexpr int kLifetimeMs = 90'000;

    explicit LocalHttpServer(QByteArray body, QObject* parent = nullptr);
    ~LocalHttpServer() override;

    bool listen();
    QUrl url() const;
    void setMode(Mode mode, qint64 cutBytes = 0);

    // One entry per request: its Range header, empty when absent.
    const QList<QByteArray>& rangeHeaders() const { return m_rangeHeaders; }
    // Responses whose bytes have all been handed to the kernel (a Stall response included).
    int responsesFlushed() const { return m_responsesFlushed; }

private:
    void onNewConnection();
    void respond(QTcpSocket* socket, const QByteArray& request);
    void send(QTcpSocket* socket, const QByteArray& head, const QByteArray& body, bool close);

    QTcpServer m_server;
    QTimer m_lifetime;
    QByteArray m_body;
    Mode m_mode = Mode::Normal;
    qint64 m_cutBytes = 0;
    QList<QByteArray> m_rangeHeaders;
    QHash<QTcpSocket*, QByteArray> m_requestHeads; // request bytes so far, per open connection
    int m_responsesFlushed = 0;
};

} // namespace stemcrate::test
