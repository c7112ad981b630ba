// Parity of the libtorch HDemucs with torchaudio.models.HDemucs on random weights (LayerScale, GroupNorm and
// attention decay moved away from their tiny initial values so every branch matters). The reference runs
// at test time with Debian's python3-torchaudio; nothing large is committed.

#include "PythonReference.h"

#include "model/ForwardState.h"
#include "model/HDemucsLoader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <torch/torch.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

using namespace stemcrate;

class TestModelParity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(2); }

    void parity_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("dtype");
        QTest::addColumn<QStringList>("cases");
        // high: under 1 s; not a multiple of the hop with a batch of 2; long enough (> 200 frames of 1024)
        // that the BLSTM frames its input; and the Separator's 10 s window.
        QTest::newRow("high") << QStringLiteral("high") << QStringLiteral("float32")
                              << QStringList{QStringLiteral("22050"), QStringLiteral("57333x2"),
                                             QStringLiteral("230000"), QStringLiteral("441000")};
        QTest::newRow("medium") << QStringLiteral("medium") << QStringLiteral("float32")
                                << QStringList{QStringLiteral("30011")};
        QTest::newRow("low") << QStringLiteral("low") << QStringLiteral("float32")
                             << QStringList{QStringLiteral("30011")};
        // An fp16 checkpoint: both sides widen the same half-precision weights to float32.
        QTest::newRow("high, fp16 checkpoint")
            << QStringLiteral("high") << QStringLiteral("float16") << QStringList{QStringLiteral("44100")};
    }

    void parity()
    {
        QFETCH(QString, config);
        QFETCH(QString, dtype);
        QFETCH(QStringList, cases);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString checkpoint =
            test::makeCheckpoint(dir.filePath(QStringLiteral("ckpt.pt")), config, dtype);
        QVERIFY(!checkpoint.isEmpty());
        QStringList args{QStringLiteral("reference"),
                         QStringLiteral("--config"),
                         config,
                         QStringLiteral("--checkpoint"),
                         checkpoint,
                         QStringLiteral("--out"),
                         dir.path()};
        for (const QString& c : cases)
            args << QStringLiteral("--case") << c;
        QString log;
        QVERIFY2(test::runReference(args, &log), qPrintable(log));

        Result<model::LoadedModel> loaded = model::loadHDemucs(checkpoint.toStdString());
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().c_str());
        QCOMPARE(static_cast<int>(loaded->module->config().sources.size()), 4);

        QFile manifestFile(dir.filePath(QStringLiteral("manifest.json")));
        QVERIFY(manifestFile.open(QIODevice::ReadOnly));
        const QJsonArray entries =
            QJsonDocument::fromJson(manifestFile.readAll()).object()[u"cases"].toArray();
        QCOMPARE(entries.size(), cases.size());
        torch::InferenceMode guard;
        model::ForwardState state;
        for (const QJsonValue& entry : entries) {
            const QJsonObject e = entry.toObject();
            const int64_t batch = e[u"batch"].toInt(), length = e[u"length"].toInt();
            std::vector<float> input = test::readFloats(dir.filePath(e[u"input"].toString()));
            std::vector<float> expected = test::readFloats(dir.filePath(e[u"output"].toString()));
            QCOMPARE(static_cast<int64_t>(input.size()), batch * 2 * length);
            QCOMPARE(static_cast<int64_t>(expected.size()), batch * 4 * 2 * length);

            const torch::Tensor mix = torch::from_blob(input.data(), {batch, 2, length});
            const torch::Tensor out = loaded->module->forward(mix, state).contiguous();
            QCOMPARE(out.sizes().vec(), (std::vector<int64_t>{batch, 4, 2, length}));
            const float* got = out.data_ptr<float>();
            for (int64_t b = 0; b < batch; ++b) {
                for (int64_t s = 0; s < 4; ++s) {
                    const size_t offset = static_cast<size_t>((b * 4 + s) * 2 * length);
                    const double error = test::relativeL2(got + offset, expected.data() + offset,
                                                          static_cast<size_t>(2 * length));
                    qInfo("%s length %lld batch %lld source %lld: relative L2 %.3g", qPrintable(config),
                          static_cast<long long>(length), static_cast<long long>(b),
                          static_cast<long long>(s), error);
                    QVERIFY2(error <= 1e-4, qPrintable(QStringLiteral("relative L2 %1 > 1e-4").arg(error)));
                }
            }
        }
    }

    // One prepared model, two threads, each with its own ForwardState, passes at once: both shapes on both
    // threads in opposite orders (the first pass of a shape plans it while the other thread runs), every
    // output held to torchaudio as parity() holds one thread's.
    void concurrentPasses()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString checkpoint = test::makeCheckpoint(dir.filePath(QStringLiteral("ckpt.pt")),
                                                        QStringLiteral("high"), QStringLiteral("float32"));
        QVERIFY(!checkpoint.isEmpty());
        QString log;
        QVERIFY2(test::runReference({QStringLiteral("reference"), QStringLiteral("--config"),
                                     QStringLiteral("high"), QStringLiteral("--checkpoint"), checkpoint,
                                     QStringLiteral("--out"), dir.path(), QStringLiteral("--case"),
                                     QStringLiteral("57333x2"), QStringLiteral("--case"),
                                     QStringLiteral("230000")},
                                    &log),
                 qPrintable(log));
        QFile manifestFile(dir.filePath(QStringLiteral("manifest.json")));
        QVERIFY(manifestFile.open(QIODevice::ReadOnly));
        const QJsonArray entries =
            QJsonDocument::fromJson(manifestFile.readAll()).object()[u"cases"].toArray();
        QCOMPARE(entries.size(), 2);
        struct Case
        {
            int64_t batch = 0, length = 0;
            std::vector<float> input, expected;
        };
        std::vector<Case> cases;
        for (const QJsonValue& entry : entries) {
            const QJsonObject e = entry.toObject();
            Case c;
            c.batch = e[u"batch"].toInt();
            c.length = e[u"length"].toInt();
            c.input = test::readFloats(dir.filePath(e[u"input"].toString()));
            c.expected = test::readFloats(dir.filePath(e[u"output"].toString()));
            QCOMPARE(static_cast<int64_t>(c.expected.size()), c.batch * 4 * 2 * c.length);
            cases.push_back(std::move(c));
        }

        Result<model::LoadedModel> loaded = model::loadHDemucs(checkpoint.toStdString());
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().c_str());
        model::HDemucs module = loaded->module;
        // errors[t][i]: thread t's worst relative L2 over the sources of case i; messages: what threw.
        double errors[2][2] = {{-1, -1}, {-1, -1}};
        std::string messages[2];
        auto worker = [&](int t) {
            try {
                torch::InferenceMode guard; // per thread
                model::ForwardState state;
                for (int step = 0; step < 2; ++step) {
                    const int i = t == 0 ? step : 1 - step;
                    Case& c = cases[static_cast<size_t>(i)];
                    const torch::Tensor mix = torch::from_blob(c.input.data(), {c.batch, 2, c.length});
                    const torch::Tensor out = module->forward(mix, state).contiguous();
                    double worst = 0;
                    for (int64_t item = 0; item < c.batch * 4; ++item) {
                        const size_t offset = static_cast<size_t>(item * 2 * c.length);
                        worst = std::max(worst, test::relativeL2(out.data_ptr<float>() + offset,
                                                                 c.expected.data() + offset,
                                                                 static_cast<size_t>(2 * c.length)));
                    }
                    errors[t][i] = worst;
                }
            } catch (const std::exception& e) {
                messages[t] = e.what();
            }
        };
        std::thread first(worker, 0), second(worker, 1);
        first.join();
        second.join();
        for (int t = 0; t < 2; ++t) {
            QVERIFY2(messages[t].empty(), messages[t].c_str());
            for (int i = 0; i < 2; ++i) {
                qInfo("thread %d, case %d: relative L2 %.3g", t, i, errors[t][i]);
                QVERIFY2(
                    errors[t][i] >= 0 && errors[t][i] <= 1e-4,
                    qPrintable(
                        QStringLiteral("thread %1 case %2: relative L2 %3").arg(t).arg(i).arg(errors[t][i])));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestModelParity)
#include "tst_model_parity.moc"
