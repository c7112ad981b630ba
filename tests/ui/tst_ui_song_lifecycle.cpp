// SongLifecycle, the one transition function of a song's state: every (state, event) pair against a table
// written out here independently, and the tokens: a report from a job that was cancelled, retried or
// replaced is dropped and changes nothing.

#include "songs/SongLifecycle.h"

#include <QtTest>

#include <map>
#include <utility>

using namespace stemcrate::ui;

namespace {

using S = SongState;
using E = SongEvent;

// The legal transitions, and nothing else.
const std::map<std::pair<S, E>, S> kLegal = {
    {{S::Queued, E::StartDecode}, S::Decoding},
    {{S::Queued, E::NeedModel}, S::WaitingForModel},
    {{S::Queued, E::StartSeparation}, S::Separating},
    {{S::Queued, E::Cancel}, S::Cancelled},
    {{S::Decoding, E::Progress}, S::Decoding},
    {{S::Decoding, E::Decoded}, S::Decoding},
    {{S::Decoding, E::CacheHit}, S::Done},
    {{S::Decoding, E::CacheMiss}, S::Queued},
    {{S::Decoding, E::Failed}, S::Failed},
    {{S::Decoding, E::Cancel}, S::Cancelled},
    {{S::WaitingForModel, E::ModelReady}, S::Queued},
    {{S::WaitingForModel, E::Cancel}, S::Cancelled},
    {{S::Separating, E::Progress}, S::Separating},
    {{S::Separating, E::CacheHit}, S::Done},
    {{S::Separating, E::Separated}, S::Done},
    {{S::Separating, E::Failed}, S::Failed},
    {{S::Separating, E::Cancel}, S::Cancelled},
    {{S::Done, E::Analysed}, S::Done},
    {{S::Failed, E::Retry}, S::Queued},
    {{S::Cancelled, E::Retry}, S::Queued},
};

bool isReport(E e)
{
    return e == E::Progress || e == E::Decoded || e == E::CacheHit || e == E::CacheMiss ||
           e == E::Separated || e == E::Analysed || e == E::Failed;
}

// A lifecycle brought into `state` through legal events; `token` is the job token that is current there.
SongLifecycle reach(S state, SongLifecycle::Token* token = nullptr)
{
    SongLifecycle life;
    auto step = [&](E event) {
        const SongLifecycle::Transition t = life.apply(event, life.token());
        if (!t)
            qFatal("cannot reach the state");
    };
    switch (state) {
    case S::Queued:
        break;
    case S::Decoding:
        step(E::StartDecode);
        break;
    case S::WaitingForModel:
        step(E::NeedModel);
        break;
    case S::Separating:
        step(E::StartSeparation);
        break;
    case S::Done:
        step(E::StartSeparation);
        step(E::Separated);
        break;
    case S::Failed:
        step(E::StartDecode);
        step(E::Failed);
        break;
    case S::Cancelled:
        step(E::Cancel);
        break;
    }
    if (token)
        *token = life.token();
    return life;
}

} // namespace

class TestSongLifecycle : public QObject
{
    Q_OBJECT

private slots:
    void everyStateAndEventAgainstTheTable()
    {
        int accepted = 0;
        for (int si = 0; si < kSongStateCount; ++si) {
            for (int ei = 0; ei < kSongEventCount; ++ei) {
                const S state = S(si);
                const E event = E(ei);
                const auto legal = kLegal.find({state, event});
                const QByteArray where = QByteArray::number(si) + "/" + QByteArray::number(ei);

                S next = S::Queued;
                QCOMPARE(SongLifecycle::legal(state, event, &next), legal != kLegal.end());
                QCOMPARE(SongLifecycle::isReport(event), isReport(event));

                SongLifecycle::Token token = 0;
                SongLifecycle life = reach(state, &token);
                QCOMPARE(life.state(), state);
                const SongLifecycle::Transition t = life.apply(event, token);
                QVERIFY2(bool(t) == (legal != kLegal.end()), where.constData());
                QCOMPARE(t.from, state);
                if (t) {
                    ++accepted;
                    QCOMPARE(next, legal->second);
                    QCOMPARE(t.to, legal->second);
                    QCOMPARE(life.state(), legal->second);
                } else {
                    QCOMPARE(life.state(), state); // a refused event changes nothing
                    QCOMPARE(life.token(), token);
                }
            }
        }
        QCOMPARE(accepted, int(kLegal.size()));
    }

    void reportsNeedTheCurrentToken()
    {
        for (const auto& [from, to] : kLegal) {
            if (!isReport(from.second))
                continue;
            SongLifecycle::Token token = 0;
            SongLifecycle life = reach(from.first, &token);
            QVERIFY(token != SongLifecycle::kNoToken);
            QVERIFY(!life.apply(from.second, token + 1));               // another job's
            QVERIFY(!life.apply(from.second, SongLifecycle::kNoToken)); // nobody's
            QCOMPARE(life.state(), from.first);
            QVERIFY(life.apply(from.second, token));
            QCOMPARE(life.state(), to);
        }
    }

    void startingAJobIssuesAFreshToken()
    {
        SongLifecycle life;
        QCOMPARE(life.token(), SongLifecycle::kNoToken);
        const SongLifecycle::Transition decode = life.apply(E::StartDecode);
        QVERIFY(decode && decode.token != SongLifecycle::kNoToken);
        QVERIFY(life.apply(E::Decoded, decode.token));
        QVERIFY(life.apply(E::CacheMiss, decode.token));
        const SongLifecycle::Transition separate = life.apply(E::StartSeparation);
        QVERIFY(separate && separate.token != decode.token);
        QVERIFY(!life.apply(E::Progress, decode.token)); // the decode job is over
        QVERIFY(life.apply(E::Progress, separate.token));
    }

    void lateReportOfACancelledJobCannotOverwriteTheRetry()
    {
        // Separation 1 runs, the user cancels and retries, separation 2 starts; then separation 1's
        // reports arrive (it noticed the cancel late, or finished just before it): all dropped.
        SongLifecycle life;
        const SongLifecycle::Token first = life.apply(E::StartSeparation).token;
        QVERIFY(life.apply(E::Progress, first));
        QVERIFY(life.apply(E::Cancel));
        QCOMPARE(life.state(), S::Cancelled);
        QVERIFY(!life.apply(E::Separated, first)); // still cancelled: no late "done"
        QVERIFY(!life.apply(E::Failed, first));
        QCOMPARE(life.state(), S::Cancelled);
        QVERIFY(life.apply(E::Retry));
        QCOMPARE(life.state(), S::Queued);
        const SongLifecycle::Token second = life.apply(E::StartSeparation).token;
        QVERIFY(second != first);
        for (const E late : {E::Progress, E::Separated, E::CacheHit, E::Failed}) {
            QVERIFY(!life.apply(late, first));
            QCOMPARE(life.state(), S::Separating);
            QCOMPARE(life.token(), second);
        }
        QVERIFY(life.apply(E::Separated, second));
        QCOMPARE(life.state(), S::Done);
        QVERIFY(!life.apply(E::Analysed, first)); // the old run's analysis neither
        QVERIFY(life.apply(E::Analysed, second));
    }

    void failedReportRetiresTheToken()
    {
        SongLifecycle life;
        const SongLifecycle::Token token = life.apply(E::StartDecode).token;
        QVERIFY(life.apply(E::Failed, token));
        QCOMPARE(life.token(), SongLifecycle::kNoToken);
        QVERIFY(life.apply(E::Retry));
        QVERIFY(!life.apply(E::CacheMiss, token));
        QCOMPARE(life.state(), S::Queued);
    }

    void queuedAndWaitingSongsCancelAndRetry()
    {
        for (const S waiting : {S::Queued, S::WaitingForModel}) {
            SongLifecycle life = reach(waiting);
            QVERIFY(life.apply(E::Cancel));
            QCOMPARE(life.state(), S::Cancelled);
            QVERIFY(!life.apply(E::Cancel)); // twice is harmless
            QVERIFY(life.apply(E::Retry));
            QCOMPARE(life.state(), S::Queued);
        }
    }
};

QTEST_GUILESS_MAIN(TestSongLifecycle)
#include "tst_ui_song_lifecycle.moc"
