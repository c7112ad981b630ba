// ModelStore: findModel precedence (override > setting > cache) and the blocking ensureModel().
// QStandardPaths runs in test mode, which puts cache and config under $HOME/.qttest (ignoring the
// XDG variables), so HOME and the XDG folders all point into a temporary folder: nothing touches the
// real cache or settings.

#include "LocalHttpServer.h"
#include "common/ModelStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using stemcrate::ModelStore;
using stemcrate::test::LocalHttpServer;

namespace {

QByteArray modelBytes()
{
    QByteArray bytes("PK\x03\x04", 4);
    for (int i = 0; bytes.size() < 512 * 1024; ++i)
        bytes += char(i * 131 + (i >> 8));
    return bytes;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

QSettings stemcrateSettings()
{
    return QSettings(QStringLiteral("stemcrate"), QStringLiteral("stemcrate"));
}

} // namespace

class ModelStoreTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        // Before the first QSettings/QStandardPaths use: both cache their folders.
        qputenv("HOME", QFile::encodeName(m_root.filePath(QStringLiteral("home"))));
        qputenv("XDG_CACHE_HOME", QFile::encodeName(m_root.filePath(QStringLiteral("cache"))));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_root.filePath(QStringLiteral("config"))));
        qunsetenv(ModelStore::kModelUrlEnv);
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(ModelStore::defaultModelPath().startsWith(m_root.path()),
                 qPrintable(ModelStore::defaultModelPath()));
    }

    void init()
    {
        stemcrateSettings().remove(QLatin1String(ModelStore::kModelPathSettingKey));
        QFile::remove(ModelStore::defaultModelPath());
        qunsetenv(ModelStore::kModelUrlEnv);
    }

    void defaultPathIsInCache()
    {
        const QString cache = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
        QCOMPARE(ModelStore::defaultModelPath(),
                 cache + QStringLiteral("/stemcrate/models/hdemucs_high_trained.pt"));
    }

    void modelUrlHonoursEnvironment()
    {
        QCOMPARE(ModelStore::modelUrl(), QUrl(QString::fromLatin1(ModelStore::kDefaultModelUrl)));
        qputenv(ModelStore::kModelUrlEnv, "http://127.0.0.1:1/mirror/model.pt");
        QCOMPARE(ModelStore::modelUrl(), QUrl(QStringLiteral("http://127.0.0.1:1/mirror/model.pt")));
    }

    void findModelPrecedence()
    {
        QCOMPARE(ModelStore::findModel(), std::nullopt);

        QVERIFY(writeFile(ModelStore::defaultModelPath(), modelBytes()));
        QCOMPARE(ModelStore::findModel(), ModelStore::defaultModelPath());

        const QString configured = m_root.filePath(QStringLiteral("configured.pt"));
        stemcrateSettings().setValue(QLatin1String(ModelStore::kModelPathSettingKey), configured);
        QCOMPARE(ModelStore::findModel(), configured); // returned even though missing: report, don't replace

        const QString explicitPath = m_root.filePath(QStringLiteral("explicit.pt"));
        QCOMPARE(ModelStore::findModel(explicitPath), explicitPath);

        // A relative --model is resolved against the working folder.
        QCOMPARE(ModelStore::findModel(QStringLiteral("rel/model.pt")),
                 QDir::current().absoluteFilePath(QStringLiteral("rel/model.pt")));
    }

    void ensureModelUsesExistingFile()
    {
        const QString explicitPath = m_root.filePath(QStringLiteral("mine.pt"));
        QVERIFY(writeFile(explicitPath, modelBytes()));
        const auto result = ModelStore::ensureModel(explicitPath);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().c_str());
        QCOMPARE(result.value(), explicitPath);
    }

    void ensureModelReportsMissingOverride()
    {
        const QString missing = m_root.filePath(QStringLiteral("typo.pt"));
        const auto result = ModelStore::ensureModel(missing);
        QVERIFY(!result.ok());
        QVERIFY2(QString::fromStdString(result.error()).contains(missing), result.error().c_str());
    }

    void ensureModelDownloadsIntoCache()
    {
        const QByteArray body = modelBytes();
        LocalHttpServer server(body);
        QVERIFY(server.listen());
        qputenv(ModelStore::kModelUrlEnv, server.url().toEncoded());

        qint64 lastReceived = -1;
        qint64 lastTotal = -1;
        const auto result = ModelStore::ensureModel({}, [&](qint64 received, qint64 total) {
            lastReceived = received;
            lastTotal = total;
        });
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().c_str());
        QCOMPARE(result.value(), ModelStore::defaultModelPath());
        QFile file(result.value());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll() == body);
        QCOMPARE(lastReceived, qint64(body.size()));
        QCOMPARE(lastTotal, qint64(body.size()));

        // Now cached: the second call finds it without asking the server.
        const auto again = ModelStore::ensureModel();
        QVERIFY(again.ok());
        QCOMPARE(server.rangeHeaders().size(), 1);
    }

    void ensureModelCanBeCancelled()
    {
        LocalHttpServer server(modelBytes());
        QVERIFY(server.listen());
        server.setMode(LocalHttpServer::Mode::Stall, 1000);
        qputenv(ModelStore::kModelUrlEnv, server.url().toEncoded());

        const auto result = ModelStore::ensureModel({}, {}, [] { return true; });
        QVERIFY(!result.ok());
        QVERIFY2(QString::fromStdString(result.error()).contains(QStringLiteral("stopped")),
                 result.error().c_str());
        QVERIFY(!QFileInfo::exists(ModelStore::defaultModelPath()));
    }

private:
    QTemporaryDir m_root;
};

QTEST_GUILESS_MAIN(ModelStoreTest)
#include "tst_app_model_store.moc"
