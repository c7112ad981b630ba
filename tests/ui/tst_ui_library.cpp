// The sample browser offscreen: a folder of tagged exports and untagged files shows in the table, search,
// filters (BPM range, key and compatible keys, kind, stem) and sorting narrow and order it as core's query
// does, "Find Similar" puts a near-copy first, rows drag out as file URLs, the watcher follows added and
// removed files, and reopening reads nothing again (the saved index).

#include "SampleSynth.h"
#include "library/LibraryFilterBar.h"
#include "library/LibraryFilterModel.h"
#include "library/LibraryIndexer.h"
#include "library/LibraryModel.h"
#include "library/LibraryPanel.h"
#include "library/SampleExporter.h"
#include "library/SampleQuery.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace stemcrate;
using namespace stemcrate::library;
using namespace stemcrate::library::test;
using stemcrate::ui::LibraryModel;
using stemcrate::ui::LibraryPanel;

namespace {

constexpr int kTimeoutMs = 60000; // a loaded 2-core machine reads slowly

bool exportTagged(const QString& folder, const AudioBuffer& audio, const char* stem, double bpm,
                  const char* key, const char* kind, const char* sampleClass, int index)
{
    ExportRequest request;
    request.stems = {&audio};
    request.endFrame = audio.frames;
    request.options.loop = std::string(kind) == "loop";
    request.metadata.stem = stem;
    request.metadata.bpm = bpm;
    request.metadata.key = key;
    request.metadata.kind = kind;
    request.metadata.sampleClass = sampleClass;
    request.metadata.sourcePath = "/music/Tune.flac";
    request.metadata.index = index;
    request.folder = folder.toStdString();
    request.nameTemplate = "{stem} {index}";
    return exportSample(request).ok();
}

QStringList namesShown(const LibraryPanel& panel)
{
    QStringList names;
    const QAbstractItemModel* shown = panel.view()->model();
    for (int row = 0; row < shown->rowCount(); ++row)
        names.append(shown->index(row, int(SampleColumn::Name)).data().toString());
    return names;
}

} // namespace

class TestLibraryBrowser : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_folder;
    QString m_indexPath;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_folder = m_dir.filePath(QStringLiteral("samples"));
        m_indexPath = m_dir.filePath(QStringLiteral("cache/library.index"));
        QVERIFY(QDir().mkpath(m_folder));
        QVERIFY(exportTagged(m_folder, drumLoop(120, 2), "drums", 120, "A minor", "loop", "", 1));
        QVERIFY(exportTagged(m_folder, drumLoop(100, 1, 3), "bass", 100, "C major", "loop", "", 2));
        QVERIFY(exportTagged(m_folder, tone(370, 0.8), "vocals", 0, "F#m", "slice", "", 3));
        QVERIFY(exportTagged(m_folder, kick(50, 0.12), "drums", 0, "", "one-shot", "kick", 4));
        QVERIFY(writePlainWav(QDir(m_folder).filePath(QStringLiteral("Kick copy.wav")).toStdString(),
                              nearCopy(kick(50, 0.12), 0.8f, 2, -55)));
        QVERIFY(
            writePlainWav(QDir(m_folder).filePath(QStringLiteral("Open Hat.wav")).toStdString(), hat(true)));
        QVERIFY(writePlainWav(QDir(m_folder).filePath(QStringLiteral("Pad 90bpm Em.wav")).toStdString(),
                              tone(165, 2.5)));
    }

    void showsSearchesFiltersSorts()
    {
        LibraryPanel panel;
        panel.resize(900, 600);
        panel.show();
        panel.setFolder(m_folder, m_indexPath);
        QTRY_COMPARE_WITH_TIMEOUT(panel.model()->rowCount(), 7, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.indexer()->isScanning(), kTimeoutMs);

        // Columns from the tags: the drum loop's row.
        const int loopRow = panel.model()->rowOfPath(m_folder + QStringLiteral("/drums 1.wav"));
        QVERIFY(loopRow >= 0);
        const auto cell = [&](int row, SampleColumn column) {
            return panel.model()->index(row, int(column)).data().toString();
        };
        QCOMPARE(cell(loopRow, SampleColumn::Stem), QStringLiteral("drums"));
        QCOMPARE(cell(loopRow, SampleColumn::Kind), QStringLiteral("loop"));
        QCOMPARE(cell(loopRow, SampleColumn::Bpm), QStringLiteral("120"));
        QCOMPARE(cell(loopRow, SampleColumn::Key), QStringLiteral("A minor (8A)"));
        QCOMPARE(cell(loopRow, SampleColumn::Bars), QStringLiteral("2"));
        QCOMPARE(cell(loopRow, SampleColumn::Source), QStringLiteral("Tune"));
        QVERIFY(cell(loopRow, SampleColumn::Loudness).endsWith(QStringLiteral("LUFS")));
        QCOMPARE(panel.model()->headerData(int(SampleColumn::Class), Qt::Horizontal).toString(),
                 QStringLiteral("Class"));

        ui::LibraryFilterBar* bar = panel.filterBar();
        bar->searchBox()->setText(QStringLiteral("kick"));
        QTRY_COMPARE(namesShown(panel),
                     (QStringList{QStringLiteral("drums 4"), QStringLiteral("Kick copy")}));
        bar->searchBox()->clear();
        QTRY_COMPARE(panel.view()->model()->rowCount(), 7);

        bar->minBpmBox()->setValue(95);
        bar->maxBpmBox()->setValue(125);
        QCOMPARE(namesShown(panel), (QStringList{QStringLiteral("bass 2"), QStringLiteral("drums 1")}));
        bar->minBpmBox()->setValue(0);
        bar->maxBpmBox()->setValue(0);

        bar->keyBox()->setCurrentIndex(bar->keyBox()->findData(QStringLiteral("8A")));
        QCOMPARE(namesShown(panel), QStringList{QStringLiteral("drums 1")});
        bar->compatibleBox()->setChecked(true); // + 9A (E minor, from the pad's name) and 8B (C major)
        QCOMPARE(namesShown(panel), (QStringList{QStringLiteral("bass 2"), QStringLiteral("drums 1"),
                                                 QStringLiteral("Pad 90bpm Em")}));
        bar->keyBox()->setCurrentIndex(0);

        bar->kindBox()->setCurrentIndex(bar->kindBox()->findData(int(SampleKind::OneShot)));
        QCOMPARE(namesShown(panel), (QStringList{QStringLiteral("drums 4"), QStringLiteral("Kick copy"),
                                                 QStringLiteral("Open Hat")}));
        bar->stemBox()->setCurrentIndex(bar->stemBox()->findData(QStringLiteral("drums")));
        QCOMPARE(namesShown(panel), QStringList{QStringLiteral("drums 4")});
        bar->kindBox()->setCurrentIndex(0);
        bar->stemBox()->setCurrentIndex(0);
        QCOMPARE(panel.view()->model()->rowCount(), 7);

        // Sorting by BPM: known tempi ascending, unknown ones after them (by name).
        panel.view()->sortByColumn(int(SampleColumn::Bpm), Qt::AscendingOrder);
        const QStringList byBpm = namesShown(panel);
        QCOMPARE(byBpm.mid(0, 3), (QStringList{QStringLiteral("Pad 90bpm Em"), QStringLiteral("bass 2"),
                                               QStringLiteral("drums 1")}));
        panel.view()->sortByColumn(int(SampleColumn::Name), Qt::DescendingOrder);
        QCOMPARE(namesShown(panel).front(), QStringLiteral("vocals 3"));

        // Find Similar on the exported kick: its near-copy first; Show All brings everything back.
        const QModelIndex kickIndex = panel.filterModel()->mapFromSource(
            panel.model()->index(panel.model()->rowOfPath(m_folder + QStringLiteral("/drums 4.wav")), 0));
        panel.view()->setCurrentIndex(kickIndex);
        QVERIFY(panel.findSimilar());
        QCOMPARE(panel.view()->model()->rowCount(), 6);
        QCOMPARE(namesShown(panel).front(), QStringLiteral("Kick copy"));
        panel.clearSimilar();
        QCOMPARE(panel.view()->model()->rowCount(), 7);

        // Drag-out: file URLs.
        std::unique_ptr<QMimeData> mime(
            panel.model()->mimeData({panel.model()->index(loopRow, 0), panel.model()->index(loopRow, 3)}));
        QCOMPARE(mime->urls(), QList<QUrl>{QUrl::fromLocalFile(m_folder + QStringLiteral("/drums 1.wav"))});
    }

    void modelTakesBatchesWhole()
    {
        // What keeps the GUI thread light while 10 000 rows stream in: a batch of new rows is one insert,
        // a batch of completed rows one dataChanged per run of neighbouring rows, removals one per run;
        // never a reset.
        LibraryModel model;
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const auto batch = [](int from, int to, ReadStage stage) {
            std::vector<SampleRecord> records;
            for (int i = from; i < to; ++i) {
                SampleRecord r;
                r.path = "/lib/s" + std::to_string(i) + ".wav";
                r.name = "s" + std::to_string(i);
                r.stage = stage;
                records.push_back(r);
            }
            return records;
        };
        model.upsert(batch(0, 300, ReadStage::Listed));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 300);
        model.upsert(batch(0, 256, ReadStage::Tagged));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.back().at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.back().at(1).toModelIndex().row(), 255);
        std::vector<SampleRecord> mixed = batch(10, 20, ReadStage::Analysed); // two runs and three new rows
        for (SampleRecord& r : batch(100, 110, ReadStage::Analysed))
            mixed.push_back(r);
        for (SampleRecord& r : batch(300, 303, ReadStage::Listed))
            mixed.push_back(r);
        model.upsert(std::move(mixed));
        QCOMPARE(changed.size(), 3);
        QCOMPARE(inserted.size(), 2);
        QVERIFY(model.record(15).stage == ReadStage::Analysed);
        model.removePaths({"/lib/s5.wav", "/lib/s6.wav", "/lib/s7.wav", "/lib/s200.wav"});
        QCOMPARE(removed.size(), 2);
        QCOMPARE(model.rowCount(), 299);
        QCOMPARE(model.rowOfPath(QStringLiteral("/lib/s8.wav")), 5);
        QCOMPARE(reset.size(), 0);
    }

    void searchFollowsRowUpdates()
    {
        // A search scans each row's folded search key: made when the row arrives and again when it changes,
        // and kept in step with the rows when some are removed.
        LibraryModel model;
        ui::LibraryFilterModel filter(&model);
        const auto record = [](const std::string& name) {
            SampleRecord r;
            r.path = "/lib/" + name + ".wav";
            r.name = name;
            r.stage = ReadStage::Listed;
            return r;
        };
        SampleRecord take = record("Take 1");
        model.upsert({take, record("Other"), record("Third")});
        SampleFilter f;
        f.text = "VINYL kick";
        filter.setFilter(f);
        QCOMPARE(filter.rowCount(), 0);
        take.title = "Vinyl Kick"; // the tag pass brings a title
        take.stage = ReadStage::Tagged;
        model.upsert({take});
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, 0).data(LibraryModel::kPathRole).toString(), QStringLiteral("/lib/Take 1.wav"));
        take.title.clear();
        take.artist = "Someone";
        model.upsert({take});
        QCOMPARE(filter.rowCount(), 0);
        f.text = "someone  TAKE";
        filter.setFilter(f);
        QCOMPARE(filter.rowCount(), 1);
        model.removePaths({"/lib/Take 1.wav"});
        QCOMPARE(filter.rowCount(), 0);
        f.text = "thi";
        filter.setFilter(f);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, 0).data(LibraryModel::kPathRole).toString(), QStringLiteral("/lib/Third.wav"));
    }

    void queuedBatchesAllArriveSorted()
    {
        // Batches that queue up faster than the GUI thread takes them go into the table a few ms per turn
        // of the event loop: all of them arrive, in name order in the view, a file listed and then completed
        // within the queue is one row with the later data, and a removal is not undone by queued rows.
        LibraryPanel panel;
        panel.resize(900, 600);
        panel.show();
        constexpr int kBatches = 40;
        constexpr int kPerBatch = 64;
        const auto record = [](int n, ReadStage stage) {
            SampleRecord r;
            r.name = QStringLiteral("s%1").arg(n, 5, 10, QLatin1Char('0')).toStdString();
            r.path = "/lib/" + r.name + ".wav";
            r.stage = stage;
            return r;
        };
        for (int b = 0; b < kBatches; ++b) {
            std::vector<SampleRecord> batch;
            for (int i = 0; i < kPerBatch; ++i)
                batch.push_back(record(i * kBatches + b, ReadStage::Listed)); // scattered through the order
            emit panel.indexer()->batchRead(std::move(batch));
        }
        SampleRecord done = record(0, ReadStage::Tagged);
        done.title = "Deep Kick";
        emit panel.indexer()->batchRead({done});
        QVERIFY(panel.hasPendingRows());
        QCOMPARE(panel.model()->rowCount(), 0); // queued, not inserted within the signal
        QTRY_VERIFY_WITH_TIMEOUT(!panel.hasPendingRows(), kTimeoutMs);
        QCOMPARE(panel.model()->rowCount(), kBatches * kPerBatch);
        const QStringList shown = namesShown(panel);
        QCOMPARE(shown.size(), kBatches * kPerBatch);
        for (int i = 0; i < shown.size(); ++i)
            QCOMPARE(shown[i], QString::fromStdString(record(i, ReadStage::Listed).name));
        const int doneRow = panel.model()->rowOfPath(QStringLiteral("/lib/s00000.wav"));
        QVERIFY(doneRow >= 0);
        QCOMPARE(panel.model()->record(doneRow).title, std::string("Deep Kick"));
        QVERIFY(panel.model()->record(doneRow).stage == ReadStage::Tagged);

        emit panel.indexer()->batchRead({record(90001, ReadStage::Listed), record(90000, ReadStage::Listed)});
        emit panel.indexer()->removed({"/lib/s90001.wav"});
        QVERIFY(!panel.hasPendingRows());
        QCOMPARE(panel.model()->rowOfPath(QStringLiteral("/lib/s90001.wav")), -1);
        QVERIFY(panel.model()->rowOfPath(QStringLiteral("/lib/s90000.wav")) >= 0);
        QCOMPARE(namesShown(panel).back(), QStringLiteral("s90000"));
    }

    void rowsStreamInBeforeFilesAreRead()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString folder = dir.filePath(QStringLiteral("many"));
        QVERIFY(QDir().mkpath(folder));
        constexpr int kFiles = 300;
        for (int i = 0; i < kFiles; ++i)
            QVERIFY(writePlainWav(QDir(folder).filePath(QStringLiteral("Kick %1.wav").arg(i)).toStdString(),
                                  kick(40 + i % 40, 0.02)));
        LibraryPanel panel;
        panel.resize(900, 600);
        panel.show();
        std::vector<ReadStage> firstSeen;
        connect(panel.indexer(), &ui::LibraryIndexer::batchRead, this, [&](std::vector<SampleRecord> batch) {
            if (firstSeen.empty())
                for (const SampleRecord& r : batch)
                    firstSeen.push_back(r.stage);
        });
        panel.setFolder(folder, dir.filePath(QStringLiteral("many.index"))); // clears the table: a new folder
        QSignalSpy reset(panel.model(), &QAbstractItemModel::modelReset);  // the worker's rows come after
        QSignalSpy relaid(panel.filterModel(), &QAbstractItemModel::layoutChanged);
        QTRY_VERIFY_WITH_TIMEOUT(!firstSeen.empty(), kTimeoutMs);
        // The first rows are the walk's: names only, before any file is opened.
        for (const ReadStage stage : firstSeen)
            QVERIFY(stage == ReadStage::Listed);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.indexer()->isScanning(), kTimeoutMs);
        QVERIFY(!panel.hasPendingRows()); // a finished scan's rows are all in the table
        QCOMPARE(panel.model()->rowCount(), kFiles);
        for (const SampleRecord& r : panel.model()->records())
            QVERIFY(r.stage == ReadStage::Analysed && !r.features.empty() && r.durationSeconds > 0);
        // Filled in place: no reset of the table, and (sorted by name, which never changes) no re-sort.
        QCOMPARE(reset.size(), 0);
        QCOMPARE(relaid.size(), 0);
    }

    void followsTheFolderAndReopensFromTheIndex()
    {
        {
            LibraryPanel panel;
            panel.setFolder(m_folder, m_indexPath);
            QTRY_COMPARE_WITH_TIMEOUT(panel.model()->rowCount(), 7, kTimeoutMs);
            QTRY_VERIFY_WITH_TIMEOUT(!panel.indexer()->isScanning(), kTimeoutMs);

            const QString added = QDir(m_folder).filePath(QStringLiteral("sub/Snare 2.wav"));
            QVERIFY(QDir().mkpath(QFileInfo(added).path()));
            QVERIFY(writePlainWav(added.toStdString(), snare()));
            QTRY_VERIFY_WITH_TIMEOUT(panel.model()->rowOfPath(added) >= 0, kTimeoutMs);
            QVERIFY(QFile::remove(QDir(m_folder).filePath(QStringLiteral("Open Hat.wav"))));
            QTRY_VERIFY_WITH_TIMEOUT(panel.model()->rowOfPath(m_folder + QStringLiteral("/Open Hat.wav")) < 0,
                                     kTimeoutMs);
            QCOMPARE(panel.model()->rowCount(), 7);
            // A file in a new sub-folder is seen too (the sub-folder is watched once walked).
            const QString deeper = QDir(m_folder).filePath(QStringLiteral("sub/Hat 3.wav"));
            QTRY_VERIFY_WITH_TIMEOUT(!panel.indexer()->isScanning(), kTimeoutMs);
            QVERIFY(writePlainWav(deeper.toStdString(), hat(false)));
            QTRY_VERIFY_WITH_TIMEOUT(panel.model()->rowOfPath(deeper) >= 0, kTimeoutMs);
            QTRY_VERIFY_WITH_TIMEOUT(!panel.indexer()->isScanning(), kTimeoutMs);
        }
        // Reopened: every row comes from the saved index, and nothing is read again.
        LibraryPanel panel;
        QSignalSpy finished(panel.indexer(), &ui::LibraryIndexer::scanFinished);
        panel.setFolder(m_folder, m_indexPath);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
        QCOMPARE(finished.front().at(0).toInt(), 8); // kept
        QCOMPARE(finished.front().at(1).toInt(), 0); // read
        QCOMPARE(panel.model()->rowCount(), 8);
    }
};

QTEST_MAIN(TestLibraryBrowser)
#include "tst_ui_library.moc"
