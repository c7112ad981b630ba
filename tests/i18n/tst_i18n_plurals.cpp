// Counted strings read right in every language: each compiled translation (en, de, es, fr, ja, as lrelease
// builds them for the app) is installed in turn, and the singular and plural come out in the language's
// forms, through the code that shows them (the engine label, the project fit's semitones) and straight from
// the catalogue (the kit's hits, the CLI's slices). English is a translation too: it holds only the plural
// forms ("1 hit" / "2 hits" for "%n hit(s)"), and Translation::load falls back to it for a language
// Stemcrate does not speak.

#include "common/Translation.h"
#include "fit/ProjectFitController.h"
#include "playback/FitStage.h"
#include "settings/EngineLabel.h"

#include <QCoreApplication>
#include <QTranslator>
#include <QtTest>

namespace {

const QString kQmDirectory = QStringLiteral(STEMCRATE_QM_DIR);

QString engineText(int threads)
{
    stemcrate::separation::EngineChoice choice;
    choice.device = stemcrate::separation::Device::Cpu;
    choice.precision = stemcrate::separation::Precision::Float32;
    choice.threads = threads;
    return stemcrate::ui::EngineLabel::describe(choice);
}

// The fit summary for a C major song fitted to `projectKey` (the nearest shift: C# +1, D +2, B -1).
QString semitoneSummary(const char* projectKey)
{
    stemcrate::ui::FitStage stage(512);
    stemcrate::ui::ProjectFitController controller(stage);
    controller.setSong(120, "C major");
    controller.setProject({0, QString::fromLatin1(projectKey)});
    return controller.summary();
}

QString hits(int count)
{
    return QCoreApplication::translate("stemcrate::ui::KitPanel", "%n hit(s)",
                                       "one-shots found in the drum stem", count);
}

QString slices(int count)
{
    return QCoreApplication::translate("stemcrate-cli", "found %n slice(s), more than the 92 keys from C1 up",
                                       nullptr, count);
}

} // namespace

class TestI18nPlurals : public QObject
{
    Q_OBJECT

private slots:
    void singularAndPlural_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("threads");   // 1, 2 threads
        QTest::addColumn<QStringList>("semitones"); // +1, +2, -1
        QTest::addColumn<QStringList>("hits");      // 0, 1, 2 hits
        QTest::addColumn<QString>("slices");        // 93 slices

        QTest::newRow("en") << "en" << QStringList{"CPU, 1 thread, float32", "CPU, 2 threads, float32"}
                            << QStringList{"+1 semitone", "+2 semitones", "-1 semitone"}
                            << QStringList{"0 hits", "1 hit", "2 hits"}
                            << "found 93 slices, more than the 92 keys from C1 up";
        QTest::newRow("de") << "de" << QStringList{"CPU, 1 Thread, float32", "CPU, 2 Threads, float32"}
                            << QStringList{"+1 Halbton", "+2 Halbtöne", "-1 Halbton"}
                            << QStringList{"0 Hits", "1 Hit", "2 Hits"}
                            << "93 Slices gefunden, mehr als die 92 Tasten ab C1 aufwärts";
        QTest::newRow("es") << "es" << QStringList{"CPU, 1 hilo, float32", "CPU, 2 hilos, float32"}
                            << QStringList{"+1 semitono", "+2 semitonos", "-1 semitono"}
                            << QStringList{"0 golpes", "1 golpe", "2 golpes"}
                            << "se encontraron 93 slices, más que las 92 teclas desde C1 hacia arriba";
        // French takes the singular for 0 and 1.
        QTest::newRow("fr") << "fr" << QStringList{"CPU, 1 thread, float32", "CPU, 2 threads, float32"}
                            << QStringList{"+1 demi-ton", "+2 demi-tons", "-1 demi-ton"}
                            << QStringList{"0 frappe", "1 frappe", "2 frappes"}
                            << "93 tranches trouvées, plus que les 92 touches disponibles à partir de C1";
        // Japanese has one form.
        QTest::newRow("ja") << "ja" << QStringList{"CPU、1 スレッド、float32", "CPU、2 スレッド、float32"}
                            << QStringList{"+1 半音", "+2 半音", "-1 半音"}
                            << QStringList{"ヒット 0 個", "ヒット 1 個", "ヒット 2 個"}
                            << "93 個のスライスが見つかりました。C1 から上の 92 鍵を超えています";
    }

    void singularAndPlural()
    {
        QFETCH(QString, language);
        QFETCH(QStringList, threads);
        QFETCH(QStringList, semitones);
        QFETCH(QStringList, hits);
        QFETCH(QString, slices);

        QTranslator translator;
        const QString qm = kQmDirectory + QStringLiteral("/stemcrate_") + language + QStringLiteral(".qm");
        QVERIFY2(translator.load(qm), qPrintable(QStringLiteral("cannot load ") + qm));
        QVERIFY(QCoreApplication::installTranslator(&translator));

        QCOMPARE(engineText(1), threads[0]);
        QCOMPARE(engineText(2), threads[1]);
        QCOMPARE(semitoneSummary("C# major"), semitones[0]);
        QCOMPARE(semitoneSummary("D major"), semitones[1]);
        QCOMPARE(semitoneSummary("B major"), semitones[2]);
        QCOMPARE(::hits(0), hits[0]);
        QCOMPARE(::hits(1), hits[1]);
        QCOMPARE(::hits(2), hits[2]);
        QCOMPARE(::slices(93), slices);

        QVERIFY(QCoreApplication::removeTranslator(&translator));
    }

    // Without a translation the source text shows, "(s)" and all: English is needed for the counted strings.
    void sourceTextIsNotEnglish() { QCOMPARE(engineText(2), QStringLiteral("CPU, 2 thread(s), float32")); }

    void localePicksItsLanguageElseEnglish_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("language");
        QTest::newRow("de_DE") << "de_DE" << "de";
        QTest::newRow("fr_CA") << "fr_CA" << "fr";
        QTest::newRow("ja_JP") << "ja_JP" << "ja";
        QTest::newRow("en_US") << "en_US" << "en";
        QTest::newRow("en_GB") << "en_GB" << "en";
        QTest::newRow("it_IT, not translated") << "it_IT" << "en";
        QTest::newRow("C") << "C" << "en";
    }

    void localePicksItsLanguageElseEnglish()
    {
        QFETCH(QString, locale);
        QFETCH(QString, language);
        QTranslator translator;
        QVERIFY(stemcrate::Translation::load(translator, QLocale(locale), kQmDirectory));
        QCOMPARE(translator.language(), language);
    }
};

QTEST_MAIN(TestI18nPlurals)
#include "tst_i18n_plurals.moc"
