// The library index: tags read back from files Stemcrate exported and from files other tools wrote (ffmpeg
// -metadata), file-name hints, the Camelot table, the index file's round trip and incremental updates
// (touch, add, remove), batches and cancel, damaged or foreign index files, queries, and "find similar"
// ranking a near-copy above unrelated sounds.

#include "AudioTestSupport.h"
#include "SampleSynth.h"
#include "library/CamelotKey.h"
#include "library/FileNameHints.h"
#include "library/IndexFile.h"
#include "library/LibraryIndex.h"
#include "library/SampleExporter.h"
#include "library/SampleReader.h"
#include "mining/SampleFeatures.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <utime.h>

#include <cmath>

using namespace stemcrate;
using namespace stemcrate::library;
using namespace stemcrate::library::test;

namespace {

std::string pathIn(const QTemporaryDir& dir, const char* name)
{
    return QDir(dir.path()).filePath(QString::fromUtf8(name)).toStdString();
}

std::string exportInto(const std::string& folder, const AudioBuffer& audio, const SampleMetadata& metadata,
                       audio::FileFormat format, bool loop)
{
    ExportRequest request;
    request.stems = {&audio};
    request.startFrame = 0;
    request.endFrame = audio.frames;
    request.options.format = format;
    request.options.sampleFormat =
        format == audio::FileFormat::Wav ? audio::SampleFormat::Float32 : audio::SampleFormat::Int24;
    request.options.loop = loop;
    request.metadata = metadata;
    request.folder = folder;
    request.nameTemplate = "{stem} {index}";
    Result<ExportResult> result = exportSample(request);
    if (!result) {
        qWarning("%s", result.error().c_str());
        return {};
    }
    return result->path;
}

SampleRecord readOrFail(const std::string& path)
{
    struct stat info
    {
    };
    ::stat(path.c_str(), &info);
    Result<SampleRecord> record = readSample(path, info.st_size, 0);
    if (!record)
        qWarning("%s", record.error().c_str());
    return record ? record.value() : SampleRecord{};
}

// Moves a file's modification time, as an editor re-saving it would.
bool setModifiedSeconds(const std::string& path, time_t seconds)
{
    utimbuf times{seconds, seconds};
    return ::utime(path.c_str(), &times) == 0;
}

SampleRecord record(const char* name, double bpm, const char* key, SampleKind kind, const char* stem)
{
    SampleRecord r;
    r.path = std::string("/lib/") + name + ".wav";
    r.name = name;
    r.bpm = bpm;
    r.key = key;
    r.kind = kind;
    r.stem = stem;
    return r;
}

} // namespace

class TestLibraryIndex : public QObject
{
    Q_OBJECT

private slots:
    void camelotWheel()
    {
        // Every key of the wheel, as the Camelot chart prints it.
        const char* majors[12] = {"8B", "3B", "10B", "5B", "12B", "7B", "2B", "9B", "4B", "11B", "6B", "1B"};
        const char* minors[12] = {"5A", "12A", "7A", "2A", "9A", "4A", "11A", "6A", "1A", "8A", "3A", "10A"};
        for (int tonic = 0; tonic < 12; ++tonic) {
            QCOMPARE(CamelotKey::fromTonic(tonic, false).code(), std::string(majors[tonic]));
            QCOMPARE(CamelotKey::fromTonic(tonic, true).code(), std::string(minors[tonic]));
            QCOMPARE(CamelotKey::fromTonic(tonic, true).tonic(), tonic);
            QCOMPARE(CamelotKey::fromTonic(tonic, false).tonic(), tonic);
        }
        QCOMPARE(CamelotKey::parse("A minor")->code(), std::string("8A"));
        QCOMPARE(CamelotKey::parse("Am")->code(), std::string("8A"));
        QCOMPARE(CamelotKey::parse("f#m")->code(), std::string("11A"));
        QCOMPARE(CamelotKey::parse("Gb major")->code(), std::string("2B"));
        QCOMPARE(CamelotKey::parse("Bbmaj")->code(), std::string("6B"));
        QCOMPARE(CamelotKey::parse("Bb")->code(), std::string("6B"));
        QCOMPARE(CamelotKey::parse("E\u266Dm")->code(), std::string("2A"));
        QCOMPARE(CamelotKey::parse("C")->code(), std::string("8B"));
        QCOMPARE(CamelotKey::parse("08b")->keyName(), std::string("C major"));
        QCOMPARE(CamelotKey::parse("12A")->keyName(), std::string("C# minor"));
        QVERIFY(!CamelotKey::parse("H minor"));
        QVERIFY(!CamelotKey::parse("13A"));
        QVERIFY(!CamelotKey::parse("bass"));
        QVERIFY(!CamelotKey::parse(""));

        // Neighbours: same letter +-1 (wrapping 12 -> 1) and the relative key.
        const auto codes = [](const char* key) {
            std::vector<std::string> out;
            for (const CamelotKey& k : CamelotKey::parse(key)->compatibleKeys())
                out.push_back(k.code());
            return out;
        };
        QCOMPARE(codes("8A"), (std::vector<std::string>{"8A", "9A", "7A", "8B"}));
        QCOMPARE(codes("12B"), (std::vector<std::string>{"12B", "1B", "11B", "12A"}));
        QCOMPARE(codes("1A"), (std::vector<std::string>{"1A", "2A", "12A", "1B"}));
        QVERIFY(CamelotKey::parse("A minor")->isCompatibleWith(*CamelotKey::parse("C major")));
        QVERIFY(CamelotKey::parse("A minor")->isCompatibleWith(*CamelotKey::parse("E minor")));
        QVERIFY(CamelotKey::parse("A minor")->isCompatibleWith(*CamelotKey::parse("D minor")));
        QVERIFY(!CamelotKey::parse("A minor")->isCompatibleWith(*CamelotKey::parse("A major")));
        QVERIFY(!CamelotKey::parse("A minor")->isCompatibleWith(*CamelotKey::parse("B minor")));
    }

    void fileNameHints()
    {
        FileNameHints h = FileNameHints::fromName("/x/drums_loop_124bpm_Am.wav");
        QCOMPARE(h.bpm, 124.0);
        QCOMPARE(h.key, std::string("A minor"));
        QCOMPARE(h.stem, std::string("drums"));
        QVERIFY(h.kind == SampleKind::Loop);
        h = FileNameHints::fromName("Vox Chop - F# min - 128 BPM.aif");
        QCOMPARE(h.bpm, 128.0);
        QCOMPARE(h.key, std::string("F# minor"));
        QCOMPARE(h.stem, std::string("vocals"));
        QVERIFY(h.kind == SampleKind::Slice);
        h = FileNameHints::fromName("Open HH 02.wav");
        QCOMPARE(h.sampleClass, std::string("hat_open"));
        QCOMPARE(h.bpm, 0.0);
        QVERIFY(h.key.empty());
        h = FileNameHints::fromName("Kick 03 (a bit long).flac");
        QCOMPARE(h.sampleClass, std::string("kick"));
        QVERIFY(h.key.empty()); // the lone "a" is a word here, not a key
        h = FileNameHints::fromName("bass loop 100 Em.wav");
        QCOMPARE(h.bpm, 100.0);
        QCOMPARE(h.key, std::string("E minor"));
        QCOMPARE(FileNameHints::fromName("kick 100.wav").bpm, 0.0); // a lone number only in a loop's name
    }

    void readsStemcrateExports()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string folder = dir.path().toStdString();
        SampleMetadata loopMeta;
        loopMeta.stem = "drums";
        loopMeta.bpm = 120;
        loopMeta.key = "A minor";
        loopMeta.sourcePath = "/music/Some Song.flac";
        loopMeta.index = 1;
        const AudioBuffer loop = drumLoop(120, 2);
        const std::string wav = exportInto(folder, loop, loopMeta, audio::FileFormat::Wav, true);
        SampleRecord r = readOrFail(wav);
        QVERIFY2(r.error.empty(), r.error.c_str());
        QCOMPARE(r.stem, std::string("drums"));
        QCOMPARE(r.bpm, 120.0);
        QVERIFY(r.bpmSource == ValueSource::Tag);
        QCOMPARE(r.key, std::string("A minor"));
        QVERIFY(r.keySource == ValueSource::Tag);
        QVERIFY(r.kind == SampleKind::Loop);
        QVERIFY(r.hasLoopPoints); // the 'smpl' chunk, through libsndfile
        QCOMPARE(r.sourceSong, std::string("Some Song"));
        QCOMPARE(r.bars(), 2.0);
        QCOMPARE(r.durationSeconds, double(loop.frames) / 44100.0);
        QVERIFY(std::isfinite(r.loudnessLufs) && r.loudnessLufs < 0 && r.loudnessLufs > -40);
        QCOMPARE(r.features.size(), size_t(mining::kEmbeddingSize));

        // AIFF loop (INST sustain loop) and a FLAC one-shot with kind and class tags.
        loopMeta.index = 2;
        loopMeta.key = "F#m";
        r = readOrFail(exportInto(folder, loop, loopMeta, audio::FileFormat::Aiff, true));
        QVERIFY(r.kind == SampleKind::Loop);
        QVERIFY(r.hasLoopPoints);
        QCOMPARE(r.key, std::string("F# minor"));
        QCOMPARE(r.bpm, 120.0);

        SampleMetadata hitMeta;
        hitMeta.stem = "drums";
        hitMeta.kind = "one-shot";
        hitMeta.sampleClass = "kick";
        hitMeta.index = 3;
        r = readOrFail(exportInto(folder, kick(50, 0.1), hitMeta, audio::FileFormat::Flac, false));
        QVERIFY(r.kind == SampleKind::OneShot);
        QCOMPARE(r.sampleClass, std::string("kick"));
        QVERIFY(!r.hasLoopPoints);
        QCOMPARE(r.bpm, 0.0);
        QCOMPARE(r.sampleRate, 44100);

        // A FLAC loop carries LOOPSTART/LOOPLENGTH.
        loopMeta.index = 4;
        r = readOrFail(exportInto(folder, loop, loopMeta, audio::FileFormat::Flac, true));
        QVERIFY(r.hasLoopPoints);
        QVERIFY(r.kind == SampleKind::Loop);
    }

    void readsOtherToolsTags()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString log;
        const std::string flac = pathIn(dir, "pad.flac");
        QVERIFY2(audio::test::runFfmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                                         QStringLiteral("sine=frequency=330:duration=3"),
                                         QStringLiteral("-metadata"), QStringLiteral("BPM=128"),
                                         QStringLiteral("-metadata"), QStringLiteral("INITIALKEY=F#m"),
                                         QStringLiteral("-metadata"), QStringLiteral("title=Warm Pad"),
                                         QString::fromStdString(flac)},
                                        &log),
                 qPrintable(log));
        SampleRecord r = readOrFail(flac);
        QCOMPARE(r.bpm, 128.0);
        QVERIFY(r.bpmSource == ValueSource::Tag);
        QCOMPARE(r.key, std::string("F# minor"));
        QCOMPARE(r.title, std::string("Warm Pad"));
        QVERIFY(std::abs(r.durationSeconds - 3.0) < 0.01);
        QVERIFY(r.kind == SampleKind::Unknown); // 3 s, no loop points, nothing in the name

        const std::string mp3 = pathIn(dir, "stab.mp3");
        QVERIFY2(audio::test::runFfmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                                         QStringLiteral("sine=frequency=220:duration=1"),
                                         QStringLiteral("-metadata"), QStringLiteral("TBPM=96"),
                                         QStringLiteral("-metadata"), QStringLiteral("TKEY=Dm"),
                                         QString::fromStdString(mp3)},
                                        &log),
                 qPrintable(log));
        r = readOrFail(mp3);
        QCOMPARE(r.bpm, 96.0);
        QCOMPARE(r.key, std::string("D minor"));
        QVERIFY(r.kind == SampleKind::OneShot); // under 2 s

        // A WAV from ffmpeg holds only LIST/INFO: BPM and key come from the name.
        const std::string wav = pathIn(dir, "Bass Loop 100bpm Em.wav");
        QVERIFY2(audio::test::runFfmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                                         QStringLiteral("sine=frequency=82:duration=2.4"),
                                         QStringLiteral("-metadata"), QStringLiteral("artist=Somebody"),
                                         QString::fromStdString(wav)},
                                        &log),
                 qPrintable(log));
        r = readOrFail(wav);
        QCOMPARE(r.artist, std::string("Somebody"));
        QCOMPARE(r.bpm, 100.0);
        QVERIFY(r.bpmSource == ValueSource::FileName);
        QCOMPARE(r.key, std::string("E minor"));
        QVERIFY(r.keySource == ValueSource::FileName);
        QCOMPARE(r.stem, std::string("bass"));
        QVERIFY(r.kind == SampleKind::Loop);
        QCOMPARE(r.bars(), 1.0);

        // No tags, no hints: the tempo of a loop comes from the audio.
        const std::string groove = pathIn(dir, "groove.wav");
        QVERIFY(writePlainWav(groove, drumLoop(110, 4)));
        r = readOrFail(groove);
        QVERIFY(r.bpmSource == ValueSource::Analysis);
        QVERIFY2(std::abs(r.bpm - 110) < 1.0, qPrintable(QString::number(r.bpm)));

        // Not audio at all: an error naming the file.
        const std::string junk = pathIn(dir, "junk.wav");
        QVERIFY(audio::test::writeBytes(QString::fromStdString(junk), QByteArray("not a sound", 11)));
        Result<SampleRecord> bad = readSample(junk, 11, 0);
        QVERIFY(!bad);
        QVERIFY2(bad.error().find("junk.wav") != std::string::npos, bad.error().c_str());
    }

    void indexRoundTripAndIncrementalUpdate()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string folder = dir.path().toStdString();
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("sub/.hidden")));
        QVERIFY(writePlainWav(pathIn(dir, "kick.wav"), kick(50, 0.1)));
        QVERIFY(writePlainWav(pathIn(dir, "snare.wav"), snare()));
        QVERIFY(writePlainWav(pathIn(dir, "sub/hat.wav"), hat(false)));
        QVERIFY(writePlainWav(pathIn(dir, "sub/.hidden/ignored.wav"), hat(true)));
        QVERIFY(writePlainWav(pathIn(dir, ".ignored.wav"), hat(true)));
        QVERIFY(writePlainWav(pathIn(dir, "tmp.wav.part-Ab12Cd"), hat(true)));
        QVERIFY(audio::test::writeBytes(dir.filePath(QStringLiteral("notes.txt")), "hello"));
        const std::string indexPath = pathIn(dir, "cache/library.index");
        const FeatureExtractor features = defaultFeatureExtractor();

        LibraryIndex index(folder);
        LibraryScanResult scan = index.update({});
        QCOMPARE(scan.read, size_t(3));
        QCOMPARE(index.size(), size_t(3));
        QVERIFY(index.find(pathIn(dir, "sub/hat.wav")));
        QVERIFY(index.save(indexPath, features).ok());

        Result<LibraryIndex> loaded = LibraryIndex::load(indexPath, folder, features);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().c_str());
        QCOMPARE(loaded->size(), size_t(3));
        for (const SampleRecord& original : index.records()) {
            const SampleRecord* copy = loaded->find(original.path);
            QVERIFY(copy);
            QCOMPARE(copy->fileBytes, original.fileBytes);
            QCOMPARE(copy->modifiedNs, original.modifiedNs);
            QCOMPARE(copy->name, original.name);
            QVERIFY(copy->kind == original.kind);
            QCOMPARE(copy->durationSeconds, original.durationSeconds);
            QCOMPARE(copy->loudnessLufs, original.loudnessLufs);
            QCOMPARE(copy->features, original.features);
        }

        // Nothing changed: nothing is read.
        scan = loaded->update({});
        QCOMPARE(scan.read, size_t(0));
        QCOMPARE(scan.kept, size_t(3));

        // Touched, added and removed files: only those are read; the gone one is reported.
        QVERIFY(setModifiedSeconds(pathIn(dir, "kick.wav"), 1'000'000'000));
        QVERIFY(writePlainWav(pathIn(dir, "sub/tone.wav"), tone(440, 0.5)));
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("snare.wav"))));
        std::vector<std::string> batched, removed;
        LibraryScanOptions options;
        options.onBatch = [&](std::vector<SampleRecord> batch) {
            for (const SampleRecord& r : batch)
                batched.push_back(r.path);
        };
        options.onRemoved = [&](std::vector<std::string> paths) { removed = paths; };
        scan = loaded->update(options);
        QCOMPARE(scan.read, size_t(2));
        QCOMPARE(scan.tagged, size_t(2));
        QCOMPARE(scan.analysed, size_t(2));
        QCOMPARE(scan.kept, size_t(1));
        QCOMPARE(scan.removed, std::vector<std::string>{pathIn(dir, "snare.wav")});
        QCOMPARE(removed, scan.removed);
        // Each new or changed file is handed out three times (found, tagged, analysed), nothing else is.
        std::sort(batched.begin(), batched.end());
        QCOMPARE(batched, (std::vector<std::string>{pathIn(dir, "kick.wav"), pathIn(dir, "kick.wav"),
                                                    pathIn(dir, "kick.wav"), pathIn(dir, "sub/tone.wav"),
                                                    pathIn(dir, "sub/tone.wav"), pathIn(dir, "sub/tone.wav")}));
        QCOMPARE(loaded->size(), size_t(3));
        QVERIFY(!loaded->find(pathIn(dir, "snare.wav")));
        QCOMPARE(loaded->find(pathIn(dir, "kick.wav"))->modifiedNs, int64_t(1'000'000'000) * 1'000'000'000);
    }

    void batchesAndCancel()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (int i = 0; i < 5; ++i)
            QVERIFY(writePlainWav(pathIn(dir, ("hit" + std::to_string(i) + ".wav").c_str()),
                                  kick(40 + 5 * i, 0.05)));
        LibraryIndex index(dir.path().toStdString());
        std::vector<std::vector<SampleRecord>> batches;
        LibraryScanOptions options;
        options.maxBatch = 2;
        options.firstBatchMs = options.batchIntervalMs = 1 << 30; // batches by size only, whatever the load
        options.onBatch = [&](std::vector<SampleRecord> batch) { batches.push_back(std::move(batch)); };
        const LibraryScanResult scan = index.update(options);
        QCOMPARE(scan.read, size_t(5));
        QCOMPARE(scan.analysed, size_t(5));
        // Three passes of 2 + 2 + 1, each pass's records one stage further, every field of the last complete.
        QCOMPARE(batches.size(), size_t(9));
        for (size_t i = 0; i < batches.size(); ++i) {
            QCOMPARE(batches[i].size(), size_t(i % 3 == 2 ? 1 : 2));
            for (const SampleRecord& r : batches[i]) {
                QCOMPARE(int(r.stage), int(i / 3)); // Listed, Tagged, Analysed
                QVERIFY(!r.name.empty());
                QCOMPARE(r.durationSeconds > 0, r.stage != ReadStage::Listed); // no file read while listing
                QCOMPARE(!r.features.empty(), r.stage == ReadStage::Analysed);
            }
        }

        // Cancelled while decoding: what was analysed is complete, the rest is Listed or Tagged, and the next
        // update completes exactly those without reading the others again.
        LibraryIndex cancelled(dir.path().toStdString());
        int polls = 0;
        options.onBatch = {};
        options.isCancelled = [&] { return ++polls > 60; };
        QVERIFY(cancelled.update(options).cancelled);
        size_t complete = 0;
        for (const SampleRecord& r : cancelled.records()) {
            QCOMPARE(!r.features.empty(), r.stage == ReadStage::Analysed);
            complete += r.stage == ReadStage::Analysed;
        }
        QVERIFY(complete < 5);
        options.isCancelled = {};
        const LibraryScanResult resumed = cancelled.update(options);
        QCOMPARE(resumed.analysed, size_t(5) - complete);
        QCOMPARE(cancelled.size(), size_t(5));
        for (const SampleRecord& r : cancelled.records())
            QVERIFY(r.stage == ReadStage::Analysed && !r.features.empty());
    }

    void firstRowsBeforeAnyFileIsRead()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writePlainWav(pathIn(dir, "Drums Loop 124bpm Am.wav"), drumLoop(124, 1)));
        QVERIFY(writePlainWav(pathIn(dir, "Vox Chop.wav"), tone(300, 0.4)));
        QVERIFY(writePlainWav(pathIn(dir, "Snare 3.wav"), snare(3)));
        QVERIFY(audio::test::writeBytes(dir.filePath(QStringLiteral("Broken Kick.wav")), "not a sound"));
        LibraryIndex index(dir.path().toStdString());
        std::vector<SampleRecord> firstBatch;
        std::vector<std::string> analysedOrder;
        LibraryScanOptions options;
        options.firstBatchMs = options.batchIntervalMs = 1 << 30;
        options.maxBatch = 4; // the walk's four files in one batch
        options.onBatch = [&](std::vector<SampleRecord> batch) {
            if (firstBatch.empty())
                firstBatch = batch;
            for (const SampleRecord& r : batch)
                if (r.stage == ReadStage::Analysed)
                    analysedOrder.push_back(r.name);
        };
        // The browser wants the snare (on screen) first, then the loop.
        bool asked = false;
        options.takeWanted = [&] {
            if (asked)
                return std::vector<std::string>{};
            asked = true;
            return std::vector<std::string>{pathIn(dir, "Snare 3.wav"), pathIn(dir, "Drums Loop 124bpm Am.wav")};
        };
        const LibraryScanResult scan = index.update(options);
        QCOMPARE(scan.analysed, size_t(4));
        QCOMPARE(scan.unreadable, size_t(1));

        // Listed from the walk alone: names and what they say, nothing from the files (not even the broken one's
        // error).
        QCOMPARE(firstBatch.size(), size_t(4));
        for (const SampleRecord& r : firstBatch) {
            QVERIFY(r.stage == ReadStage::Listed);
            QVERIFY(r.error.empty() && r.durationSeconds == 0);
            if (r.name == "Drums Loop 124bpm Am") {
                QCOMPARE(r.bpm, 124.0);
                QCOMPARE(r.key, std::string("A minor"));
                QCOMPARE(r.stem, std::string("drums"));
                QVERIFY(r.kind == SampleKind::Loop);
            }
        }
        QCOMPARE(analysedOrder.size(), size_t(4));
        QCOMPARE(analysedOrder[0], std::string("Snare 3"));
        QCOMPARE(analysedOrder[1], std::string("Drums Loop 124bpm Am"));
        const SampleRecord* broken = index.find(pathIn(dir, "Broken Kick.wav"));
        QVERIFY(broken && broken->stage == ReadStage::Analysed);
        QVERIFY2(broken->error.find("Broken Kick.wav") != std::string::npos, broken->error.c_str());

        // A stage survives the index file: a walk cut after listing resumes from the tags on reload.
        const std::string indexPath = pathIn(dir, "cache/library.index");
        LibraryIndex partial(dir.path().toStdString());
        LibraryScanOptions cut;
        bool listed = false;
        cut.firstBatchMs = cut.batchIntervalMs = 1 << 30; // the walk's rows in one batch, at its end
        cut.onBatch = [&](std::vector<SampleRecord>) { listed = true; };
        cut.isCancelled = [&] { return listed; }; // cancelled once the walk has handed its rows out
        QVERIFY(partial.update(cut).cancelled);
        QCOMPARE(partial.size(), size_t(4));
        QVERIFY(partial.save(indexPath, defaultFeatureExtractor()).ok());
        Result<LibraryIndex> reloaded = LibraryIndex::load(indexPath, dir.path().toStdString(), defaultFeatureExtractor());
        QVERIFY(reloaded.ok());
        for (const SampleRecord& r : reloaded->records())
            QVERIFY(r.stage == ReadStage::Listed);
        const LibraryScanResult resumed = reloaded->update({});
        QCOMPARE(resumed.read, size_t(0)); // nothing new: the saved records are completed
        QCOMPARE(resumed.tagged, size_t(4));
        QCOMPARE(resumed.analysed, size_t(4));
    }

    void damagedOrForeignIndexIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string folder = dir.path().toStdString();
        QVERIFY(writePlainWav(pathIn(dir, "kick.wav"), kick(50, 0.1)));
        const std::string indexPath = pathIn(dir, "library.index");
        LibraryIndex index(folder);
        (void)index.update({});
        QVERIFY(index.save(indexPath, defaultFeatureExtractor()).ok());

        FeatureExtractor other = defaultFeatureExtractor();
        other.version += 1;
        Result<LibraryIndex> foreign = LibraryIndex::load(indexPath, folder, other);
        QVERIFY(!foreign.ok());
        QVERIFY(foreign.error().find("library.index") != std::string::npos);
        QVERIFY(!LibraryIndex::load(indexPath, folder + "/elsewhere", defaultFeatureExtractor()).ok());

        QFile file(QString::fromStdString(indexPath));
        const qint64 size = file.size();
        for (const qint64 cut : {qint64(10), size / 2, size - 1}) {
            QVERIFY(file.resize(cut));
            Result<LibraryIndex> damaged = LibraryIndex::load(indexPath, folder, defaultFeatureExtractor());
            QVERIFY(!damaged.ok());
            QVERIFY2(damaged.error().find("library.index") != std::string::npos, damaged.error().c_str());
        }
        // No index yet is not an error: an empty index.
        Result<LibraryIndex> none =
            LibraryIndex::load(pathIn(dir, "none.index"), folder, defaultFeatureExtractor());
        QVERIFY(none.ok());
        QCOMPARE(none->size(), size_t(0));
        QVERIFY(LibraryIndex::defaultIndexPath(folder).find("/stemcrate/library/") != std::string::npos);
    }

    void similarRanksNearCopyFirst()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const AudioBuffer kickA = kick(50, 0.12);
        QVERIFY(writePlainWav(pathIn(dir, "a kick.wav"), kickA));
        QVERIFY(writePlainWav(pathIn(dir, "a kick copy.wav"), nearCopy(kickA, 0.7f, 3, -55)));
        QVERIFY(writePlainWav(pathIn(dir, "b kick.wav"), kick(65, 0.07)));
        QVERIFY(writePlainWav(pathIn(dir, "snare.wav"), snare(3)));
        QVERIFY(writePlainWav(pathIn(dir, "hat closed.wav"), hat(false, 4)));
        QVERIFY(writePlainWav(pathIn(dir, "hat open.wav"), hat(true, 5)));
        QVERIFY(writePlainWav(pathIn(dir, "tone 440.wav"), tone(440, 0.6)));
        QVERIFY(writePlainWav(pathIn(dir, "tone 880.wav"), tone(880, 1.5)));
        LibraryIndex index(dir.path().toStdString());
        QCOMPARE(index.update({}).read, size_t(8));

        const auto ranked = [&](const char* name) {
            const SampleRecord* target = index.find(pathIn(dir, name));
            std::vector<std::string> names;
            for (const SimilarMatch& m : index.similarTo(target->features, 10, target->path))
                names.push_back(index.records()[m.index].name);
            return names;
        };
        const std::vector<std::string> toKick = ranked("a kick.wav");
        QCOMPARE(toKick.size(), size_t(7)); // not itself
        QCOMPARE(toKick[0], std::string("a kick copy"));
        QCOMPARE(toKick[1], std::string("b kick")); // a kick of another pitch before anything else
        QCOMPARE(ranked("a kick copy.wav")[0], std::string("a kick"));
        const std::vector<std::string> toHat = ranked("hat closed.wav");
        QCOMPARE(toHat[0], std::string("hat open"));
        const std::vector<std::string> toTone = ranked("tone 440.wav");
        QCOMPARE(toTone[0], std::string("tone 880"));
    }

    void queryFiltersAndSorts()
    {
        LibraryIndex index;
        index.upsert(record("Drum Loop", 124, "A minor", SampleKind::Loop, "drums"));
        index.upsert(record("Bass Loop", 122, "C major", SampleKind::Loop, "bass"));
        index.upsert(record("Vox Slice", 0, "E minor", SampleKind::Slice, "vocals"));
        index.upsert(record("Kick", 0, "", SampleKind::OneShot, "drums"));
        index.upsert(record("Pad", 90, "B minor", SampleKind::Loop, "other"));
        const auto names = [&](const SampleFilter& filter, SampleColumn column = SampleColumn::Name,
                               bool ascending = true) {
            std::vector<std::string> out;
            for (size_t row : index.query(filter, column, ascending))
                out.push_back(index.records()[row].name);
            return out;
        };
        using Names = std::vector<std::string>;
        QCOMPARE(names({}), (Names{"Bass Loop", "Drum Loop", "Kick", "Pad", "Vox Slice"}));
        SampleFilter f;
        f.text = "loop DRUM";
        QCOMPARE(names(f), Names{"Drum Loop"});
        f = {};
        f.text = "vocals";
        QCOMPARE(names(f), Names{"Vox Slice"}); // the stem is searched too
        f = {};
        f.minBpm = 100;
        f.maxBpm = 125;
        QCOMPARE(names(f), (Names{"Bass Loop", "Drum Loop"}));
        f = {};
        f.key = "8A";
        QCOMPARE(names(f), Names{"Drum Loop"});
        f.compatibleKeys = true; // 8A, 9A (E minor), 7A, 8B (C major)
        QCOMPARE(names(f), (Names{"Bass Loop", "Drum Loop", "Vox Slice"}));
        f = {};
        f.kind = SampleKind::Loop;
        f.stem = "drums";
        QCOMPARE(names(f), Names{"Drum Loop"});
        // BPM ascending: unknown tempi last.
        QCOMPARE(names({}, SampleColumn::Bpm), (Names{"Pad", "Bass Loop", "Drum Loop", "Kick", "Vox Slice"}));
        QCOMPARE(names({}, SampleColumn::Key).back(), std::string("Kick"));
        QCOMPARE(names({}, SampleColumn::Name, false).front(), std::string("Vox Slice"));
        QVERIFY(index.remove("/lib/Pad.wav"));
        QVERIFY(!index.find("/lib/Pad.wav"));
        QCOMPARE(index.size(), size_t(4));
        QVERIFY(index.find("/lib/Kick.wav"));
    }
};

QTEST_GUILESS_MAIN(TestLibraryIndex)
#include "tst_library_index.moc"
