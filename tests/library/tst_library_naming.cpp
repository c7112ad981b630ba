// File names: the template's collapsing rules and sanitising for every file system, as tables.

#include "library/FileNaming.h"

#include <QtTest>

using namespace stemcrate::library;

class NamingTest : public QObject
{
    Q_OBJECT

private slots:
    void expandTemplate_data()
    {
        QTest::addColumn<QString>("nameTemplate");
        QTest::addColumn<QString>("artist");
        QTest::addColumn<QString>("bpm");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("index");
        QTest::addColumn<QString>("expected");
        const QString full = QStringLiteral("{artist} - {title} - {stem} - {bpm}bpm {key} - {index}");
        QTest::newRow("all") << full << "Daft Punk"
                             << "120"
                             << "A minor"
                             << "3"
                             << "Daft Punk - Song - vocals - 120bpm A minor - 3";
        QTest::newRow("no artist") << full << ""
                                   << "120"
                                   << "Am"
                                   << "3"
                                   << "Song - vocals - 120bpm Am - 3";
        QTest::newRow("no bpm: its literal goes too") << full << "X"
                                                      << ""
                                                      << "Am"
                                                      << ""
                                                      << "X - Song - vocals - Am";
        QTest::newRow("no bpm, no key: no empty segment") << full << "X"
                                                          << ""
                                                          << ""
                                                          << "7"
                                                          << "X - Song - vocals - 7";
        QTest::newRow("nothing optional") << full << ""
                                          << ""
                                          << ""
                                          << ""
                                          << "Song - vocals";
        QTest::newRow("glued separators trimmed") << "{artist}_{title}"
                                                  << ""
                                                  << ""
                                                  << ""
                                                  << ""
                                                  << "Song";
        QTest::newRow("glued both") << "{artist}_{title}"
                                    << "A"
                                    << ""
                                    << ""
                                    << ""
                                    << "A_Song";
        QTest::newRow("unknown kept") << "{title} {nope}"
                                      << ""
                                      << ""
                                      << ""
                                      << ""
                                      << "Song {nope}";
        QTest::newRow("extra spaces") << "  {title}   -   {stem}  "
                                      << ""
                                      << ""
                                      << ""
                                      << ""
                                      << "Song - vocals";
        QTest::newRow("leading separators") << "- {artist} - {title}"
                                            << ""
                                            << ""
                                            << ""
                                            << ""
                                            << "Song";
    }

    void expandTemplate()
    {
        QFETCH(QString, nameTemplate);
        QFETCH(QString, artist);
        QFETCH(QString, bpm);
        QFETCH(QString, key);
        QFETCH(QString, index);
        QFETCH(QString, expected);
        const std::map<std::string, std::string> fields = {
            {"artist", artist.toStdString()}, {"title", "Song"},          {"stem", "vocals"},
            {"bpm", bpm.toStdString()},       {"key", key.toStdString()}, {"index", index.toStdString()}};
        QCOMPARE(QString::fromStdString(expandNameTemplate(nameTemplate.toStdString(), fields)), expected);
    }

    void sanitize_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("plain") << QByteArray("Kick 01") << QByteArray("Kick 01");
        QTest::newRow("unicode kept")
            << QByteArray("Björk – Jóga 日本語 🎵") << QByteArray("Björk – Jóga 日本語 🎵");
        QTest::newRow("forbidden") << QByteArray("a/b\\c:d*e?f\"g<h>i|j")
                                   << QByteArray("a_b_c_d_e_f_g_h_i_j");
        QTest::newRow("control chars") << QByteArray("a\tb\nc\x01"
                                                     "d\x7f"
                                                     "e")
                                       << QByteArray("a b c d e");
        QTest::newRow("C1 control") << QByteArray("a\xc2\x85"
                                                  "b")
                                    << QByteArray("a b");
        QTest::newRow("trailing dots and spaces") << QByteArray("name. . ") << QByteArray("name");
        QTest::newRow("leading spaces") << QByteArray("   name") << QByteArray("name");
        QTest::newRow("leading dot") << QByteArray(".hidden") << QByteArray("_hidden");
        QTest::newRow("dot dot") << QByteArray("..") << QByteArray("untitled");
        QTest::newRow("empty") << QByteArray("") << QByteArray("untitled");
        QTest::newRow("only forbidden") << QByteArray("///") << QByteArray("___");
        QTest::newRow("CON") << QByteArray("CON") << QByteArray("CON_");
        QTest::newRow("con.wav") << QByteArray("con.wav") << QByteArray("con_.wav");
        QTest::newRow("Com7") << QByteArray("Com7") << QByteArray("Com7_");
        QTest::newRow("LPT9 x") << QByteArray("LPT9.x") << QByteArray("LPT9_.x");
        QTest::newRow("nul with space") << QByteArray("nul .x") << QByteArray("nul_ .x");
        QTest::newRow("COM10 is fine") << QByteArray("COM10") << QByteArray("COM10");
        QTest::newRow("CONSOLE is fine") << QByteArray("CONSOLE") << QByteArray("CONSOLE");
        QTest::newRow("invalid utf8") << QByteArray("a\xff\xfe"
                                                    "b")
                                      << QByteArray("a__b");
        QTest::newRow("overlong utf8") << QByteArray("a\xc0\xaf"
                                                     "b")
                                       << QByteArray("a__b");
        QTest::newRow("surrogate") << QByteArray("a\xed\xa0\x80"
                                                 "b")
                                   << QByteArray("a___b");
        QTest::newRow("truncated sequence") << QByteArray("ab\xe6\x97") << QByteArray("ab__");
        QTest::newRow("collapsed spaces") << QByteArray("a    b") << QByteArray("a b");
    }

    void sanitize()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(QByteArray::fromStdString(sanitizeFileName(input.toStdString())), expected);
    }

    void lengthLimitKeepsCodePoints()
    {
        std::string name;
        for (int i = 0; i < 100; ++i)
            name += "日"; // 3 bytes each
        const std::string cut = sanitizeFileName(name, 200);
        QCOMPARE(cut.size(), size_t(198)); // 66 whole characters; 200 would split one
        QVERIFY(QString::fromUtf8(cut.data(), qsizetype(cut.size())).toUtf8() ==
                QByteArray::fromStdString(cut));
        const std::string emoji = sanitizeFileName(std::string(199, 'a') + "🎵🎵", 200);
        QCOMPARE(emoji, std::string(199, 'a'));
        // A cut that ends in a space or dot is trimmed again.
        QCOMPARE(sanitizeFileName(std::string(10, 'a') + " . b", 12), std::string(10, 'a'));
        QVERIFY(sanitizeFileName(std::string(1000, 'x')).size() <= kMaxFileNameBytes);
    }
};

QTEST_GUILESS_MAIN(NamingTest)
#include "tst_library_naming.moc"
