// Export Stems… (issue 19): the dialog's choices, the write on a worker through core's StemSetWriter, and
// what lands on disk: exactly the chosen stems and mixes (the instrumental the sum of the other stems), or
// one NI Stems file with five audio streams; the files carry the song's BPM and key.

#include "audio/Decoder.h"
#include "export/StemExportActions.h"
#include "export/StemExportDialog.h"
#include "session/SongSession.h"
#include "songs/StemSet.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

using namespace stemcrate;
using namespace stemcrate::ui;

namespace {

constexpr int kWriteTimeoutMs = 120'000; // a loaded 2-core machine; a write takes well under a second idle

const QStringList kNames = {QStringLiteral("drums"), QStringLiteral("bass"), QStringLiteral("other"),
                            QStringLiteral("vocals")};

// Four distinct stems (a tone each, small enough that their sum stays far below full scale).
std::shared_ptr<StemSet> syntheticStems(int64_t frames)
{
    auto set = std::make_shared<StemSet>(frames);
    separation::Stems& s = set->writableStems();
    for (int i = 0; i < kNames.size(); ++i) {
        s.names.push_back(kNames[i].toStdString());
        AudioBuffer buffer(2, frames);
        for (int c = 0; c < 2; ++c)
            for (int64_t f = 0; f < frames; ++f)
                buffer.channel(c)[f] =
                    0.2f *
                    float(std::sin(2.0 * M_PI * (110.0 * (i + 1) + 3.0 * c) * double(f) / kEngineSampleRate));
        s.audio.push_back(std::move(buffer));
    }
    set->publish(frames);
    return set;
}

bool okEnabled(StemExportDialog& dialog)
{
    auto* buttons = dialog.findChild<QDialogButtonBox*>();
    return buttons && buttons->button(QDialogButtonBox::Ok)->isEnabled();
}

} // namespace

class TestStemExport : public QObject
{
    Q_OBJECT

private slots:
    void dialogNeedsAChoice();
    void flacDrumsAndInstrumental();
    void stemFileHasFiveStreams();
    void unwritableFolderIsReported();
};

void TestStemExport::dialogNeedsAChoice()
{
    StemExportDialog dialog(kNames, QStringLiteral("/tmp"));
    QVERIFY(!dialog.canAccept());
    QVERIFY(!okEnabled(dialog));
    QVERIFY(dialog.setChecked(QStringLiteral("drums"), true));
    QVERIFY(dialog.canAccept());
    QVERIFY(okEnabled(dialog));
    dialog.setChecked(QStringLiteral("drums"), false);
    QVERIFY(dialog.setChecked(QStringLiteral("acapella"), true));
    QVERIFY(okEnabled(dialog));
    QCOMPARE(dialog.choice().mixes.size(), size_t(1));
    QCOMPARE(dialog.choice().mixes.front().stems, std::vector<std::string>{"vocals"});
    dialog.setFolder(QString());
    QVERIFY(!okEnabled(dialog)); // no destination
    dialog.setFolder(QStringLiteral("/tmp"));
    dialog.setChecked(QStringLiteral("acapella"), false);
    QVERIFY(!okEnabled(dialog));
    dialog.setFormatIndex(3); // NI Stems: always the mix and every stem
    QVERIFY(okEnabled(dialog));
    QVERIFY(dialog.choice().stemFile);
    QVERIFY(!dialog.setChecked(QStringLiteral("nonsense"), true));

    // Without vocals there is no acapella to make.
    StemExportDialog noVocals({QStringLiteral("drums"), QStringLiteral("bass")}, QStringLiteral("/tmp"));
    noVocals.setChecked(QStringLiteral("acapella"), true);
    QVERIFY(noVocals.choice().mixes.empty());
    QVERIFY(!okEnabled(noVocals));
}

void TestStemExport::flacDrumsAndInstrumental()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const int64_t frames = 3 * kEngineSampleRate;
    const std::shared_ptr<StemSet> stems = syntheticStems(frames);
    SongSession session;
    StemExportActions actions(session, nullptr);
    QSignalSpy finished(&actions, &StemExportActions::finished);
    QSignalSpy status(&actions, &StemExportActions::status);

    StemExportDialog dialog(kNames, dir.path());
    dialog.setChecked(QStringLiteral("drums"), true);
    dialog.setChecked(QStringLiteral("instrumental"), true);
    dialog.setFormatIndex(1); // FLAC
    QVERIFY(okEnabled(dialog));
    const QString folder = QDir(dialog.folder()).filePath(QStringLiteral("song"));
    library::StemSetChoice choice = dialog.choice();
    choice.tags.bpm = 97.5; // the song's tempo and key (the musician's where edited, issue 17)
    choice.tags.key = "C minor";
    QVERIFY(actions.exportStems(choice, stems, folder));
    QVERIFY(actions.running());
    QVERIFY(!actions.action()->isEnabled());
    QVERIFY(!actions.exportStems(choice, stems, folder)); // one at a time
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWriteTimeoutMs);
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(!status.isEmpty());
    QCOMPARE(status.last().at(1).toBool(), false);
    QVERIFY(actions.action()->isEnabled());

    const QStringList files = QDir(folder).entryList(QDir::Files, QDir::Name);
    QCOMPARE(files, (QStringList{QStringLiteral("drums.flac"), QStringLiteral("instrumental.flac")}));

    Result<audio::Track> instrumental = audio::decodeFile(QDir(folder).filePath(files[1]).toStdString());
    QVERIFY2(instrumental, instrumental ? "" : instrumental.error().c_str());
    const AudioBuffer& got = instrumental->audio;
    QCOMPARE(got.frames, frames);
    QCOMPARE(got.channels, 2);
    const separation::Stems& s = stems->stems();
    double worst = 0.0;
    for (int c = 0; c < 2; ++c)
        for (int64_t f = 0; f < frames; ++f) {
            const double expected =
                double(s.audio[0].channel(c)[f]) + s.audio[1].channel(c)[f] + s.audio[2].channel(c)[f];
            worst = std::max(worst, std::abs(double(got.channel(c)[f]) - expected));
        }
    QVERIFY2(worst < 1e-5, qPrintable(QStringLiteral("worst difference %1").arg(worst))); // 24-bit: 1.2e-7

    Result<audio::Track> drums = audio::decodeFile(QDir(folder).filePath(files[0]).toStdString());
    QVERIFY(drums);
    QCOMPARE(drums->audio.frames, frames);
    QVERIFY(std::abs(drums->audio.channel(1)[1000] - s.audio[0].channel(1)[1000]) < 1e-5f);
    // Every file carries the song's BPM and key, and its own title.
    for (const QString& file : files) {
        const Result<audio::TrackInfo> info = audio::probeFile(QDir(folder).filePath(file).toStdString());
        QVERIFY(info);
        QCOMPARE(info->tags.at("BPM"), std::string("97.5"));
        QCOMPARE(info->tags.at("INITIALKEY"), std::string("C minor"));
        QCOMPARE(QString::fromStdString(info->tags.at("TITLE")),
                 QStringLiteral("song (%1)").arg(QFileInfo(file).completeBaseName()));
    }
}

void TestStemExport::stemFileHasFiveStreams()
{
    const QString ffprobe = QStandardPaths::findExecutable(QStringLiteral("ffprobe"));
    QVERIFY2(!ffprobe.isEmpty(), "ffprobe not in PATH (packaging/dev.sh installs ffmpeg)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::shared_ptr<StemSet> stems = syntheticStems(2 * kEngineSampleRate);
    SongSession session;
    StemExportActions actions(session, nullptr);
    QSignalSpy finished(&actions, &StemExportActions::finished);

    StemExportDialog dialog(kNames, dir.path());
    dialog.setFormatIndex(4); // NI Stems, ALAC
    library::StemSetChoice choice = dialog.choice();
    choice.title = "My Song";
    const QString folder = QDir(dir.path()).filePath(QStringLiteral("My Song"));
    QVERIFY(actions.exportStems(choice, stems, folder));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWriteTimeoutMs);
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList{QStringLiteral("My Song.stem.mp4")});

    QProcess probe;
    probe.start(ffprobe,
                {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-select_streams"),
                 QStringLiteral("a"), QStringLiteral("-show_entries"), QStringLiteral("stream=codec_name"),
                 QStringLiteral("-of"), QStringLiteral("csv=p=0"),
                 QDir(folder).filePath(QStringLiteral("My Song.stem.mp4"))});
    QVERIFY(probe.waitForFinished(kWriteTimeoutMs));
    QCOMPARE(probe.exitCode(), 0);
    const QStringList streams =
        QString::fromUtf8(probe.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(streams.size(), 5);
    for (const QString& codec : streams)
        QCOMPARE(codec.trimmed(), QStringLiteral("alac"));
}

void TestStemExport::unwritableFolderIsReported()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString blocker = QDir(dir.path()).filePath(QStringLiteral("a-file"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    SongSession session;
    StemExportActions actions(session, nullptr);
    QSignalSpy finished(&actions, &StemExportActions::finished);
    QSignalSpy status(&actions, &StemExportActions::status);
    library::StemSetChoice choice;
    choice.stems = {"drums"};
    QVERIFY(
        actions.exportStems(choice, syntheticStems(1000), QDir(blocker).filePath(QStringLiteral("song"))));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWriteTimeoutMs);
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(status.last().at(1).toBool(), true);
    QVERIFY2(status.last().first().toString().contains(QStringLiteral("a-file")),
             qPrintable(status.last().first().toString()));

    // A stem the song does not have: the error names it, nothing is written.
    const QString folder = QDir(dir.path()).filePath(QStringLiteral("song"));
    choice.stems = {"piano"};
    QVERIFY(actions.exportStems(choice, syntheticStems(1000), folder));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kWriteTimeoutMs);
    QCOMPARE(finished.last().first().toBool(), false);
    QVERIFY(status.last().first().toString().contains(QStringLiteral("piano")));
    QVERIFY(QDir(folder).entryList(QDir::Files).isEmpty());
}

QTEST_MAIN(TestStemExport)
#include "tst_ui_stem_export.moc"
