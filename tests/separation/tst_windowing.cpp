#include "separation/Windowing.h"

#include <QtTest>

#include <vector>

using namespace stemcrate::separation;

class TestWindowing : public QObject
{
    Q_OBJECT

private slots:
    void weightsSumToOne_data()
    {
        QTest::addColumn<qint64>("total");
        QTest::addColumn<qint64>("window");
        QTest::addColumn<double>("overlap");
        QTest::newRow("exact fit") << qint64(3000) << qint64(1000) << 0.0;
        QTest::newRow("quarter overlap") << qint64(10007) << qint64(1000) << 0.25;
        QTest::newRow("half overlap") << qint64(5123) << qint64(400) << 0.5;
        QTest::newRow("odd overlap") << qint64(7777) << qint64(999) << 0.137;
        QTest::newRow("shorter than a window") << qint64(10) << qint64(441000) << 0.25;
        QTest::newRow("whole track") << qint64(12345) << qint64(0) << 0.25;
        QTest::newRow("overlap clamped") << qint64(9000) << qint64(1000) << 0.9;
    }

    void weightsSumToOne()
    {
        QFETCH(qint64, total);
        QFETCH(qint64, window);
        QFETCH(double, overlap);
        const WindowPlan plan = planWindows(total, window, overlap);
        QVERIFY(plan.count() >= 1);
        QCOMPARE(qint64(plan.starts.front()), qint64(0));
        QVERIFY(plan.overlapFrames * 2 <= plan.windowFrames);
        if (window <= 0)
            QCOMPARE(qint64(plan.windowFrames), total);
        // The last window reaches the end (padded past it if need be).
        QVERIFY(plan.starts.back() + plan.windowFrames >= total);
        std::vector<double> sum(static_cast<size_t>(total), 0.0);
        std::vector<int> cover(static_cast<size_t>(total), 0);
        for (size_t k = 0; k < plan.count(); ++k) {
            if (k > 0)
                QCOMPARE(qint64(plan.starts[k] - plan.starts[k - 1]), qint64(plan.hopFrames()));
            for (int64_t i = 0; i < plan.windowFrames; ++i) {
                const int64_t t = plan.starts[k] + i;
                const float w = plan.weight(k, i);
                QVERIFY(w >= 0.0f && w <= 1.0f);
                if (t < total) {
                    sum[size_t(t)] += w;
                    cover[size_t(t)] += 1;
                }
            }
        }
        for (int64_t t = 0; t < total; ++t) {
            QVERIFY2(
                std::abs(sum[size_t(t)] - 1.0) <= 1e-6,
                qPrintable(QStringLiteral("frame %1 sums to %2").arg(t).arg(sum[size_t(t)], 0, 'g', 10)));
            QVERIFY(cover[size_t(t)] <= 2);
        }
    }

    void finalFramesGrow()
    {
        const WindowPlan plan = planWindows(10000, 1000, 0.25);
        int64_t previous = 0;
        for (size_t k = 0; k < plan.count(); ++k) {
            const int64_t final = plan.finalUpTo(k);
            QVERIFY(final >= previous);
            // No later window touches a frame already declared final.
            if (k + 1 < plan.count())
                QVERIFY(plan.starts[k + 1] >= final);
            previous = final;
        }
        QCOMPARE(qint64(previous), qint64(10000));
    }

    void emptyTrack()
    {
        const WindowPlan plan = planWindows(0, 1000, 0.25);
        QCOMPARE(plan.count(), size_t(1));
        QCOMPARE(qint64(plan.finalUpTo(0)), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestWindowing)
#include "tst_windowing.moc"
