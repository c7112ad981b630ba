// Kit files: SFZ and Decent Sampler text, General MIDI drum note layout, and exported slice and drum kits
// whose instruments reference files that exist, with the hi-hat choke, as well-formed XML.
#include "DrumGrooves.h"

#include "library/DecentSamplerWriter.h"
#include "library/SfzWriter.h"
#include "mining/KitExporter.h"

#include <QtTest>

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>


using namespace stemcrate;
using namespace stemcrate::mining;

namespace {

QString readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

struct DsSample
{
    QString path;
    int rootNote = -1, loNote = -1, hiNote = -1;
    QString groupTags, silencedBy;
};

// Parses a .dspreset; fails the test when it is not well-formed XML.
std::vector<DsSample> parseDspreset(const QString& path, bool& wellFormed)
{
    std::vector<DsSample> samples;
    QFile file(path);
    wellFormed = file.open(QIODevice::ReadOnly);
    if (!wellFormed)
        return samples;
    QXmlStreamReader xml(&file);
    QString tags, silencedBy;
    bool root = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto a = xml.attributes();
        if (xml.name() == QLatin1String("DecentSampler"))
            root = true;
        if (xml.name() == QLatin1String("group")) {
            tags = a.value(QLatin1String("tags")).toString();
            silencedBy = a.value(QLatin1String("silencedByTags")).toString();
        }
        if (xml.name() == QLatin1String("sample"))
            samples.push_back({a.value(QLatin1String("path")).toString(), a.value(QLatin1String("rootNote")).toInt(),
                               a.value(QLatin1String("loNote")).toInt(), a.value(QLatin1String("hiNote")).toInt(),
                               tags, silencedBy});
    }
    wellFormed = !xml.hasError() && root;
    return samples;
}

struct SfzRegion
{
    QString sample;
    int key = -1;
    bool oneShot = false;
    int group = 0, offBy = 0;
};

std::vector<SfzRegion> parseSfz(const QString& text)
{
    std::vector<SfzRegion> regions;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("<region>")))
            regions.emplace_back();
        if (regions.empty())
            continue;
        SfzRegion& r = regions.back();
        if (line.startsWith(QLatin1String("sample=")))
            r.sample = line.mid(7);
        const QRegularExpression opcode(QStringLiteral("(key|group|off_by|loop_mode)=(\\S+)"));
        for (auto m = opcode.globalMatch(line); m.hasNext();) {
            const auto match = m.next();
            if (match.captured(1) == QLatin1String("key"))
                r.key = match.captured(2).toInt();
            else if (match.captured(1) == QLatin1String("group"))
                r.group = match.captured(2).toInt();
            else if (match.captured(1) == QLatin1String("off_by"))
                r.offBy = match.captured(2).toInt();
            else
                r.oneShot = match.captured(2) == QLatin1String("one_shot");
        }
    }
    return regions;
}

} // namespace

class TestMiningKits : public QObject
{
    Q_OBJECT

private slots:
    void drumNotesFollowGeneralMidi()
    {
        const std::vector<DrumVoice> voices = {
            {HitClass::Kick, 0},   {HitClass::Snare, 0},   {HitClass::Clap, 0},      {HitClass::HatClosed, 0},
            {HitClass::HatOpen, 0}, {HitClass::Tom, 200},  {HitClass::Tom, 90},      {HitClass::Tom, 140},
            {HitClass::Cymbal, 0}, {HitClass::Cymbal, 0},  {HitClass::Kick, 0},      {HitClass::Perc, 0},
            {HitClass::HatOpen, 0}};
        const std::vector<int> notes = assignDrumNotes(voices);
        const std::vector<int> expected = {36, 38, 39, 42, 46, 45, 41, 43, 49, 51, 35, 55, 54}; // spill: by class
        QCOMPARE(notes, expected);
    }

    void textIsEscapedAndWellFormed()
    {
        library::InstrumentKit kit{"Drums & <Bass> \"mix\"", {{"a&b.wav", 36, "kick <1>", 0, 0}}};
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kit.dspreset"));
        QVERIFY(library::writeDecentSampler(path.toStdString(), kit).ok());
        bool wellFormed = false;
        const std::vector<DsSample> samples = parseDspreset(path, wellFormed);
        QVERIFY(wellFormed);
        QCOMPARE(int(samples.size()), 1);
        QCOMPARE(samples[0].path, QStringLiteral("a&b.wav"));
        QCOMPARE(samples[0].rootNote, 36);
        const std::string sfz = library::sfzText(kit);
        QVERIFY(sfz.find("sample=a&b.wav\n") != std::string::npos);
        QVERIFY(sfz.find("loop_mode=one_shot") != std::string::npos);
        // No temporary left beside the file.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
    }

    void sliceKitMapsChromaticallyFromC1()
    {
        QTemporaryDir dir;
        std::vector<AudioBuffer> slices;
        for (int i = 0; i < 5; ++i) {
            AudioBuffer slice(2, 4410);
            slice.channel(0)[100] = 0.5f;
            slices.push_back(std::move(slice));
        }
        const QString folder = dir.filePath(QStringLiteral("chops"));
        Result<KitFiles> files = exportSliceKit(slices, folder.toStdString(), "break");
        QVERIFY2(files.ok(), files.ok() ? "" : files.error().c_str());
        QCOMPARE(int(files->samples.size()), 5);
        QCOMPARE(QString::fromStdString(files->sfzPath), folder + QStringLiteral("/break.sfz"));
        const std::vector<SfzRegion> regions = parseSfz(readAll(QString::fromStdString(files->sfzPath)));
        QCOMPARE(int(regions.size()), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(regions[size_t(i)].key, 36 + i);
            QVERIFY(regions[size_t(i)].oneShot);
            QCOMPARE(regions[size_t(i)].sample, QStringLiteral("break-0%1.wav").arg(i + 1));
            QVERIFY(QFile::exists(folder + QLatin1Char('/') + regions[size_t(i)].sample));
        }
        bool wellFormed = false;
        const std::vector<DsSample> samples = parseDspreset(QString::fromStdString(files->dspresetPath), wellFormed);
        QVERIFY(wellFormed);
        QCOMPARE(int(samples.size()), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(samples[size_t(i)].loNote, 36 + i);
            QCOMPARE(samples[size_t(i)].hiNote, 36 + i);
            QVERIFY(QFile::exists(folder + QLatin1Char('/') + samples[size_t(i)].path));
        }
    }

    void drumKitChokesTheOpenHat()
    {
        Result<testing::DrumKit> kit =
            testing::loadHydrogenKit(std::string(testing::kHydrogenKitsFolder) + "/ElectricEmpireKit");
        QVERIFY(kit.ok());
        const testing::Groove groove = testing::makeGroove(kit.value(), 8, 3);
        const OneShotMiner miner;
        Result<OneShotResult> result = miner.mine(groove.audio);
        QVERIFY(result.ok());
        QTemporaryDir dir;
        Result<KitFiles> files =
            exportDrumKit(groove.audio, result.value(), HitExtractor(), dir.path().toStdString(), "groove");
        QVERIFY2(files.ok(), files.ok() ? "" : files.error().c_str());
        QCOMPARE(files->samples.size(), result->groups.size());
        const std::vector<SfzRegion> regions = parseSfz(readAll(QString::fromStdString(files->sfzPath)));
        QCOMPARE(regions.size(), result->groups.size());
        bool sawClosed = false, sawOpen = false, sawKick = false;
        for (size_t g = 0; g < regions.size(); ++g) {
            const SfzRegion& r = regions[g];
            QVERIFY(r.oneShot);
            QVERIFY(QFile::exists(dir.filePath(r.sample)));
            QCOMPARE(r.key, files->notes[g]);
            const HitClass c = result->groups[g].hitClass;
            QVERIFY(r.sample.contains(QString::fromLatin1(hitClassName(c))));
            if (c == HitClass::HatClosed) {
                sawClosed = true;
                QCOMPARE(r.group, 1);
            }
            if (c == HitClass::HatOpen) {
                sawOpen = true;
                QCOMPARE(r.group, 2);
                QCOMPARE(r.offBy, 1);
            }
            if (c == HitClass::Kick && r.key == 36)
                sawKick = true;
        }
        QVERIFY2(sawClosed && sawOpen && sawKick,
                 qPrintable(QStringLiteral("closed %1 open %2 kick %3").arg(sawClosed).arg(sawOpen).arg(sawKick)));
        bool wellFormed = false;
        const std::vector<DsSample> samples = parseDspreset(QString::fromStdString(files->dspresetPath), wellFormed);
        QVERIFY(wellFormed);
        QCOMPARE(samples.size(), regions.size());
        for (size_t g = 0; g < samples.size(); ++g) {
            QCOMPARE(samples[g].path, regions[g].sample);
            QCOMPARE(samples[g].rootNote, regions[g].key);
            if (result->groups[g].hitClass == HitClass::HatOpen)
                QCOMPARE(samples[g].silencedBy, QStringLiteral("choke1"));
        }
    }

    void unwritableFolderIsAnErrorNamingIt()
    {
        // A folder that cannot be created, for root too: its parent is a regular file. And a "folder" that
        // is a regular file. Both fail naming the folder, and the file is left as it was.
        QTemporaryDir dir;
        const QString blocker = dir.filePath(QStringLiteral("not-a-folder"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write("user data") == 9);
        file.close();
        for (const QString& path : {blocker + QStringLiteral("/kit"), blocker}) {
            const std::string folder = path.toStdString();
            Result<KitFiles> files = exportSliceKit({AudioBuffer(2, 100)}, folder, "x");
            QVERIFY(!files.ok());
            QVERIFY2(files.error().find(folder) != std::string::npos, files.error().c_str());
            QCOMPARE(readAll(blocker), QStringLiteral("user data"));
        }
    }
};

QTEST_GUILESS_MAIN(TestMiningKits)
#include "tst_mining_kits.moc"
