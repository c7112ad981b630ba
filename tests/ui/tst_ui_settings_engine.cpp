// Settings says where separation runs and in which precision, and that is what the engine then runs: the
// dialog's "Runs on:" text is compared with a Separator loaded from the same settings (a random-weights
// checkpoint), for the saved choice, a changed thread count and "all cores". On a machine without CUDA
// (CI) the automatic choice is the CPU in float32. English's plural forms are installed, as the app does
// ("CPU, 1 thread" / "CPU, 2 threads" for "CPU, %n thread(s)").

#include "PythonReference.h"
#include "separation/EngineChoice.h"
#include "separation/StemCache.h"
#include "settings/AppSettings.h"
#include "settings/SettingsDialog.h"

#include <QComboBox>
#include <QLabel>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace stemcrate;

namespace {

// The text the dialog must show for what the loaded engine runs.
QString expectedText(const separation::SeparatorOptions& loaded)
{
    const QString precision = QString::fromLatin1(separation::precisionName(loaded.precision));
    if (loaded.device == separation::Device::Cuda)
        return QStringLiteral("CUDA");
    return loaded.threads == 1 ? QStringLiteral("CPU, 1 thread, %1").arg(precision)
                               : QStringLiteral("CPU, %1 threads, %2").arg(loaded.threads).arg(precision);
}

} // namespace

class TestSettingsEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_english.load(QStringLiteral(STEMCRATE_QM_DIR "/stemcrate_en.qm")));
        QVERIFY(QCoreApplication::installTranslator(&m_english));
        QVERIFY(m_dir.isValid());
        m_checkpoint =
            test::makeCheckpoint(m_dir.filePath(QStringLiteral("hdemucs_low.pt")), QStringLiteral("low"));
        QVERIFY(!m_checkpoint.isEmpty());
    }

    void settingsShowWhatTheEngineRuns()
    {
        ui::AppSettings::setDevice(separation::Device::Auto);
        ui::AppSettings::setThreads(2);
        ui::SettingsDialog dialog(
            separation::StemCache(m_dir.filePath(QStringLiteral("cache")).toStdString()));
        auto* label = dialog.findChild<QLabel*>(QStringLiteral("engineLabel"));
        auto* threads = dialog.findChild<QSpinBox*>(QStringLiteral("threadsSpinBox"));
        auto* device = dialog.findChild<QComboBox*>(QStringLiteral("deviceComboBox"));
        QVERIFY(label && threads && device);
        QCOMPARE(device->currentData().toInt(), int(separation::Device::Auto));

        // The saved choice: automatic device, two threads.
        separation::SeparatorOptions loaded = loadedOptions(ui::AppSettings::separatorOptions());
        QTRY_COMPARE_WITH_TIMEOUT(textOf(label, loaded), expectedText(loaded), 30000);
        if (!separation::Separator::deviceAvailable(separation::Device::Cuda)) {
            QCOMPARE(loaded.device, separation::Device::Cpu);
            QCOMPARE(label->text(), QStringLiteral("CPU, 2 threads, float32"));
        }

        // One thread on the CPU, chosen in the dialog and saved: the label follows before saving.
        device->setCurrentIndex(device->findData(int(separation::Device::Cpu)));
        threads->setValue(1);
        QTRY_COMPARE_WITH_TIMEOUT(label->text(), QStringLiteral("CPU, 1 thread, float32"), 30000);
        dialog.save();
        loaded = loadedOptions(ui::AppSettings::separatorOptions());
        QCOMPARE(loaded.device, separation::Device::Cpu);
        QCOMPARE(loaded.threads, 1);
        QCOMPARE(loaded.precision, separation::Precision::Float32);

        // "All cores": the engine's thread budget, whatever this machine has.
        threads->setValue(0);
        dialog.save();
        loaded = loadedOptions(ui::AppSettings::separatorOptions());
        QVERIFY(loaded.threads >= 1);
        QTRY_COMPARE_WITH_TIMEOUT(label->text(), expectedText(loaded), 30000);
    }

private:
    // What a Separator loaded with `options` runs with (device, precision and threads resolved).
    separation::SeparatorOptions loadedOptions(const separation::SeparatorOptions& options)
    {
        auto separator = separation::Separator::load(m_checkpoint.toStdString(), options);
        if (!separator) {
            qWarning("%s", separator.error().c_str());
            return {};
        }
        return separator.value()->options();
    }

    // The label's text, or only its device when it runs on CUDA (the GPU's name varies).
    static QString textOf(const QLabel* label, const separation::SeparatorOptions& loaded)
    {
        const bool cuda = loaded.device == separation::Device::Cuda;
        return cuda && label->text().startsWith(QStringLiteral("CUDA")) ? QStringLiteral("CUDA")
                                                                        : label->text();
    }

    QTranslator m_english;
    QTemporaryDir m_dir;
    QString m_checkpoint;
};

QTEST_MAIN(TestSettingsEngine)
#include "tst_ui_settings_engine.moc"
