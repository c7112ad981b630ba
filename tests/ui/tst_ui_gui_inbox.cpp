// GuiInbox (ui/GuiInbox.h): closures from worker threads run on the GUI thread exactly once, in each
// poster's order, with no wake-up lost, a turn's budget at a time, never for a context that died, are
// destroyed off the GUI thread, and (with the eventfd) put nothing into Qt's posted-event queue.

#include "GuiInbox.h"

#include <QCoreApplication>
#include <QEvent>
#include <QEventLoop>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

using namespace stemcrate::ui;
using namespace std::chrono_literals;

namespace {

constexpr int kDeadlineMs = 120000; // a liveness deadline on a loaded machine, not a timing

// Counts the events of one type that the application delivers, to any object of any thread.
class EventCount : public QObject
{
public:
    explicit EventCount(QEvent::Type type) : m_type(type) { qApp->installEventFilter(this); }
    ~EventCount() override { qApp->removeEventFilter(this); }
    int count() const { return m_count; }

protected:
    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() == m_type)
            ++m_count;
        return false;
    }

private:
    QEvent::Type m_type;
    int m_count = 0;
};

// Runs the event loop (blocking in its poll, as the app's does, not QTest::qWait's sleeps) until `done`
// holds or the deadline passed; whether it holds.
template <class Done> bool runLoopUntil(Done done)
{
    QEventLoop loop;
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    check.start(5);
    QTimer::singleShot(kDeadlineMs, &loop, &QEventLoop::quit);
    if (!done())
        loop.exec();
    return done();
}

// Runs `work(i)` on `threads` threads at once and joins them.
template <class Work> void onThreads(int threads, Work work)
{
    std::vector<std::thread> running;
    for (int i = 0; i < threads; ++i)
        running.emplace_back([&work, i] { work(i); });
    for (std::thread& thread : running)
        thread.join();
}

// Records the thread that destroys it.
struct DestroyedOn
{
    std::atomic<std::thread::id>* where;
    ~DestroyedOn() { where->store(std::this_thread::get_id()); }
};

GuiInbox::Options withEventFd(bool eventFd)
{
    GuiInbox::Options options;
    options.eventFd = eventFd;
    return options;
}

} // namespace

class GuiInboxTest : public QObject
{
    Q_OBJECT

private slots:
    void wakeUp_data()
    {
        QTest::addColumn<bool>("eventFd");
        QTest::newRow("eventfd") << true;
        QTest::newRow("queued call") << false;
    }

    // Several threads post at once: every closure runs once, on the GUI thread, each thread's in its order.
    void exactlyOnceInEachPostersOrder_data() { wakeUp_data(); }
    void exactlyOnceInEachPostersOrder()
    {
        QFETCH(bool, eventFd);
        constexpr int kPosters = 4;
        constexpr int kEach = 20000;
        GuiInbox inbox(withEventFd(eventFd));
        inbox.attach();
        const std::thread::id gui = std::this_thread::get_id();
        std::vector<std::vector<int>> ran(kPosters); // GUI thread only
        std::atomic<int> offGuiThread{0};
        std::thread posters([&] {
            onThreads(kPosters, [&](int poster) {
                for (int i = 0; i < kEach; ++i)
                    inbox.post([&, poster, i] {
                        if (std::this_thread::get_id() != gui)
                            ++offGuiThread;
                        ran[size_t(poster)].push_back(i);
                    });
            });
        });
        const auto total = [&] {
            size_t sum = 0;
            for (const auto& one : ran)
                sum += one.size();
            return sum;
        };
        runLoopUntil([&] { return total() == size_t(kPosters * kEach); });
        QCOMPARE(total(), size_t(kPosters * kEach));
        posters.join();
        QCoreApplication::processEvents(); // anything run twice would show here
        QCOMPARE(total(), size_t(kPosters * kEach));
        QCOMPARE(offGuiThread.load(), 0);
        for (int poster = 0; poster < kPosters; ++poster)
            for (int i = 0; i < kEach; ++i)
                QCOMPARE(ran[size_t(poster)][size_t(i)], i);
    }

    // Each poster waits for its closure before it posts the next, so nearly every post finds the inbox empty
    // and wakes the GUI thread, racing the GUI thread's drain: a lost wake-up leaves a poster waiting for
    // good.
    void noWakeUpLost_data() { wakeUp_data(); }
    void noWakeUpLost()
    {
        QFETCH(bool, eventFd);
        constexpr int kPosters = 3;
        constexpr int kRounds = 20000;
        GuiInbox inbox(withEventFd(eventFd));
        inbox.attach();
        std::vector<std::atomic<int>> ran(kPosters); // of each poster's closures
        std::thread posters([&] {
            onThreads(kPosters, [&](int poster) {
                std::atomic<int>& mine = ran[size_t(poster)];
                for (int round = 0; round < kRounds && mine.load() == round; ++round) {
                    inbox.post([&mine] {
                        ++mine;
                        mine.notify_one();
                    });
                    mine.wait(round);
                }
            });
        });
        const auto all = [&] {
            int sum = 0;
            for (const auto& one : ran)
                sum += one.load();
            return sum;
        };
        const bool allRan = runLoopUntil([&] { return all() == kPosters * kRounds; });
        const int ranInTime = all();
        for (auto& one : ran) { // a waiting poster gives up
            one += kRounds + 1;
            one.notify_one();
        }
        posters.join();
        QVERIFY2(allRan, qPrintable(QStringLiteral("%1 of %2 ran").arg(ranInTime).arg(kPosters * kRounds)));
    }

    // A batch longer than a turn's budget runs over several turns, and events posted meanwhile come between.
    void aLongBatchRunsOverSeveralTurns_data() { wakeUp_data(); }
    void aLongBatchRunsOverSeveralTurns()
    {
        QFETCH(bool, eventFd);
        constexpr int kClosures = 30;
        GuiInbox::Options options = withEventFd(eventFd);
        options.turnBudget = 2ms;
        GuiInbox inbox(options);
        inbox.attach();
        std::vector<int> order; // closure i as i, the other event as -1
        QObject other;
        struct Marker : QObject
        {
            std::vector<int>* order;
            bool event(QEvent* e) override
            {
                if (e->type() != QEvent::User)
                    return QObject::event(e);
                order->push_back(-1);
                return true;
            }
        } marker;
        marker.order = &order;
        std::thread poster([&] {
            for (int i = 0; i < kClosures; ++i)
                inbox.post([&order, &marker, i] {
                    order.push_back(i);
                    if (i == 0)
                        QCoreApplication::postEvent(&marker, new QEvent(QEvent::User));
                    // Each closure takes 1 ms: the budget lets two run per turn at most.
                    const auto until = std::chrono::steady_clock::now() + 1ms;
                    while (std::chrono::steady_clock::now() < until) {
                    }
                });
        });
        poster.join(); // all queued before the event loop runs
        runLoopUntil([&] { return order.size() == size_t(kClosures + 1); });
        QCOMPARE(order.size(), size_t(kClosures + 1));
        const auto event = std::find(order.begin(), order.end(), -1) - order.begin();
        QVERIFY2(event > 0 && event < kClosures,
                 qPrintable(QStringLiteral("the event came at %1").arg(event)));
        order.erase(order.begin() + event);
        for (int i = 0; i < kClosures; ++i)
            QCOMPARE(order[size_t(i)], i);
    }

    // As Qt drops a queued call whose receiver died: a closure whose context died meanwhile does not run.
    void aDeadContextsClosureDoesNotRun()
    {
        GuiInbox inbox;
        inbox.attach();
        auto dies = std::make_unique<QObject>();
        QObject lives;
        std::atomic<int> ranForDead{0};
        std::atomic<int> ranForLiving{0};
        std::atomic<bool> after{false};
        std::thread poster([&] {
            inbox.post(dies.get(), [&] { ++ranForDead; });
            inbox.post(&lives, [&] { ++ranForLiving; });
            inbox.post([&] { after = true; });
        });
        poster.join(); // posted while `dies` lived; the event loop has not run since
        dies.reset();
        QVERIFY(runLoopUntil([&] { return after.load(); }));
        QCOMPARE(ranForDead.load(), 0);
        QCOMPARE(ranForLiving.load(), 1);
    }

    // A closure that has run is destroyed (its captures, its memory) on another thread than the GUI thread,
    // without waiting for another post.
    void spentClosuresAreDestroyedOffTheGuiThread()
    {
        GuiInbox inbox;
        inbox.attach();
        constexpr int kClosures = 50;
        std::vector<std::atomic<std::thread::id>> destroyedOn(kClosures);
        std::atomic<int> ran{0};
        std::thread poster([&] {
            for (int i = 0; i < kClosures; ++i) {
                auto probe = std::make_shared<DestroyedOn>(DestroyedOn{&destroyedOn[size_t(i)]});
                inbox.post([probe, &ran] { ++ran; });
            }
        });
        poster.join();
        runLoopUntil([&] { return ran.load() == kClosures; });
        QCOMPARE(ran.load(), kClosures);
        const auto allDestroyed = [&] {
            for (const auto& on : destroyedOn)
                if (on.load() == std::thread::id())
                    return false;
            return true;
        };
        QVERIFY(runLoopUntil([&] { return allDestroyed(); }));
        for (const auto& on : destroyedOn)
            QVERIFY(on.load() != std::this_thread::get_id());
    }

    // The point of the inbox: posts from workers put no event into the GUI thread's queue (Qt's posted-event
    // lock untouched). The count is shown to see such events: the queued-call wake-up path is counted.
    void postsPutNoEventIntoQtsQueue_data()
    {
        QTest::addColumn<bool>("eventFd");
        QTest::addColumn<bool>("expectEvents");
        QTest::newRow("eventfd: none") << true << false;
        QTest::newRow("queued call (the control): some") << false << true;
    }
    void postsPutNoEventIntoQtsQueue()
    {
        QFETCH(bool, eventFd);
        QFETCH(bool, expectEvents);
        GuiInbox inbox(withEventFd(eventFd));
        if (eventFd && !inbox.wakesThroughEventFd())
            QSKIP("no eventfd on this system");
        inbox.attach();
        QCoreApplication::processEvents(); // attach()'s own wake-up, before counting
        constexpr int kPosters = 2;
        constexpr int kEach = 5000;
        EventCount metaCalls(QEvent::MetaCall);
        std::atomic<int> ran{0};
        std::thread posters([&] {
            onThreads(kPosters, [&](int) {
                for (int i = 0; i < kEach; ++i) {
                    inbox.post([&ran] { ++ran; });
                    if (i % 64 == 0)
                        std::this_thread::sleep_for(100us); // let the inbox run empty now and then
                }
            });
        });
        runLoopUntil([&] { return ran.load() == kPosters * kEach; });
        QCOMPARE(ran.load(), kPosters * kEach);
        posters.join();
        if (expectEvents)
            QVERIFY(metaCalls.count() > 0);
        else
            QCOMPARE(metaCalls.count(), 0);
    }

    // The app's inbox is attached to the application's thread from the start.
    void theAppsInboxRuns()
    {
        std::atomic<bool> ran{false};
        std::atomic<std::thread::id> on{};
        std::thread poster([&] {
            GuiInbox::instance().post([&] {
                on = std::this_thread::get_id();
                ran = true;
            });
        });
        poster.join();
        QVERIFY(runLoopUntil([&] { return ran.load(); }));
        QCOMPARE(on.load(), std::this_thread::get_id());
    }
};

QTEST_GUILESS_MAIN(GuiInboxTest)
#include "tst_ui_gui_inbox.moc"
