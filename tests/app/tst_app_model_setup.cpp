// First run in the window, offscreen: with no model anywhere, ModelSetup downloads the default model
// with progress in the ModelBanner and hands the file to the window; offline, the banner says which file
// to put where and offers "Choose Model File…"; a configured but missing file is reported, not replaced.

#include "LocalHttpServer.h"

#include "MainWindow.h"
#include "ModelBanner.h"
#include "ModelSetup.h"
#include "common/ModelStore.h"
#include "settings/AppSettings.h"

#include <QFile>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace stemcrate;
using stemcrate::test::LocalHttpServer;

namespace {

QByteArray modelBytes()
{
    QByteArray bytes("PK\x03\x04", 4); // what torch.save writes first
    for (int i = 0; bytes.size() < 256 * 1024; ++i)
        bytes += char(i * 131 + (i >> 8));
    return bytes;
}

bool buttonShown(ui::MainWindow& window, const char* name)
{
    auto* button = window.findChild<QPushButton*>(QLatin1String(name));
    return button && button->isVisible();
}

// Shows the window and starts first-run set-up on it, as main() does. False when the window never showed.
bool showAndStartSetup(ui::MainWindow& window, bool autoDownload)
{
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    (new ModelSetup(window, QString(), autoDownload))->start(); // owned by the window
    return true;
}

} // namespace

class ModelSetupTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;

private slots:
    void initTestCase()
    {
        // Before the first QSettings/QStandardPaths use: both cache their folders.
        qputenv("HOME", QFile::encodeName(m_root.filePath(QStringLiteral("home"))));
        qputenv("XDG_CACHE_HOME", QFile::encodeName(m_root.filePath(QStringLiteral("cache"))));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_root.filePath(QStringLiteral("config"))));
        QStandardPaths::setTestModeEnabled(true);
        ui::AppSettings::setLibraryFolder(m_root.filePath(QStringLiteral("library")));
    }

    void init()
    {
        ui::AppSettings::setModelPath(QString());
        QFile::remove(ModelStore::defaultModelPath());
        qunsetenv(ModelStore::kModelUrlEnv);
    }

    void downloadsWithProgressOnFirstRun()
    {
        LocalHttpServer server(modelBytes());
        QVERIFY(server.listen());
        qputenv(ModelStore::kModelUrlEnv, server.url().toEncoded());
        ui::MainWindow window;
        QVERIFY(showAndStartSetup(window, true));
        QVERIFY(window.modelBanner().isVisible());
        QVERIFY(window.modelBanner().text().startsWith(QStringLiteral("Downloading the separation model")));
        QTRY_COMPARE_WITH_TIMEOUT(window.modelPath(), ModelStore::defaultModelPath(), 30000);
        QVERIFY(!window.modelBanner().isVisible());
        QCOMPARE(QFileInfo(ModelStore::defaultModelPath()).size(), modelBytes().size());
    }

    void offlineSaysWhereToPutTheFile()
    {
        qputenv(ModelStore::kModelUrlEnv, "http://127.0.0.1:1/hdemucs_high_trained.pt"); // nothing listens
        ui::MainWindow window;
        QVERIFY(showAndStartSetup(window, true));
        QTRY_VERIFY_WITH_TIMEOUT(buttonShown(window, "chooseModelButton"), 30000);
        QVERIFY(window.modelPath().isEmpty());
        // The message names the file and the folder it belongs in.
        QVERIFY2(window.modelBanner().text().contains(QLatin1String(ModelStore::kModelFileName)),
                 qPrintable(window.modelBanner().text()));
        QVERIFY(buttonShown(window, "downloadModelButton")); // "Try Again"
    }

    void withoutAutoDownloadItAsksFirst()
    {
        ui::MainWindow window;
        QVERIFY(showAndStartSetup(window, false));
        QVERIFY(window.modelBanner().isVisible());
        QVERIFY(buttonShown(window, "downloadModelButton"));
        QVERIFY(buttonShown(window, "chooseModelButton"));
        QVERIFY(
            window.modelBanner().text().contains(QDir::toNativeSeparators(ModelStore::defaultModelPath())));
    }

    void configuredButMissingIsReported()
    {
        const QString missing = m_root.filePath(QStringLiteral("nowhere/model.pt"));
        ui::AppSettings::setModelPath(missing);
        ui::MainWindow window;
        QVERIFY(showAndStartSetup(window, true));
        QVERIFY(window.modelBanner().isVisible());
        QVERIFY(window.modelBanner().text().contains(QStringLiteral("does not exist")));
        QVERIFY(buttonShown(window, "chooseModelButton"));
    }
};

QTEST_MAIN(ModelSetupTest)
#include "tst_app_model_setup.moc"
