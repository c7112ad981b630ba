// StemSelection: stem lists in the song's order, the named mixes (instrumental, acapella, drumless,
// NAME=a+b) and their sums, and errors that name the unknown stem.

#include "library/StemSelection.h"

#include <QtTest>

using namespace stemcrate;
using namespace stemcrate::library;

namespace {

const std::vector<std::string> kStems = {"drums", "bass", "other", "vocals"};

} // namespace

class TestLibraryStemSelection : public QObject
{
    Q_OBJECT

private slots:
    void lists()
    {
        QCOMPARE(parseStemList("", kStems).value(), kStems);
        QCOMPARE(parseStemList("vocals, Drums,vocals", kStems).value(),
                 (std::vector<std::string>{"drums", "vocals"}));
        Result<std::vector<std::string>> bad = parseStemList("drums,piano", kStems);
        QVERIFY(!bad.ok());
        QVERIFY(QString::fromStdString(bad.error()).contains("'piano'"));
        QVERIFY(QString::fromStdString(bad.error()).contains("drums, bass, other, vocals"));
    }

    void mixes()
    {
        Result<std::vector<StemMix>> mixes =
            parseStemMixes("instrumental, acapella,drumless,groove=bass+drums", kStems);
        QVERIFY2(mixes.ok(), mixes.ok() ? "" : mixes.error().c_str());
        QCOMPARE(mixes->size(), size_t(4));
        QCOMPARE(mixes.value()[0].stems, (std::vector<std::string>{"drums", "bass", "other"}));
        QCOMPARE(mixes.value()[1].stems, (std::vector<std::string>{"vocals"}));
        QCOMPARE(mixes.value()[2].stems, (std::vector<std::string>{"bass", "other", "vocals"}));
        QCOMPARE(mixes.value()[3].name, std::string("groove"));
        QCOMPARE(mixes.value()[3].stems, (std::vector<std::string>{"drums", "bass"}));
        for (const char* bad :
             {"karaoke", "x=flute", "a.b=drums", "=drums", "vocals=vocals", "a=drums,a=bass"})
            QVERIFY2(!parseStemMixes(bad, kStems).ok(), bad);
        QVERIFY(!parseStemMix("acapella", {"drums", "bass"}).ok()); // no vocals stem
    }

    void sums()
    {
        std::vector<AudioBuffer> audio;
        for (int s = 0; s < 4; ++s) {
            AudioBuffer b(2, 100);
            for (size_t i = 0; i < b.samples.size(); ++i)
                b.samples[i] = float(s + 1) * 0.01f * float(i % 7);
            audio.push_back(std::move(b));
        }
        Result<AudioBuffer> sum = mixStems(kStems, audio, {"drums", "other"});
        QVERIFY(sum.ok());
        for (size_t i = 0; i < sum->samples.size(); ++i)
            QCOMPARE(sum->samples[i], audio[0].samples[i] + audio[2].samples[i]);
        QVERIFY(!mixStems(kStems, audio, {}).ok());
        QVERIFY(!mixStems(kStems, audio, {"piano"}).ok());
    }
};

QTEST_GUILESS_MAIN(TestLibraryStemSelection)
#include "tst_library_stem_selection.moc"
