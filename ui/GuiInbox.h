#pragma once
// GuiInbox: closures from our worker threads to the GUI thread, delivered without Qt's posted-event lock.
//
// Why: every queued call to a GUI object (QMetaObject::invokeMethod(..., Qt::QueuedConnection), a queued
// signal) takes the GUI thread's posted-event lock, which the GUI thread itself takes at every turn of its
// event loop (g_main_context_prepare). Our workers run reniced (WorkerPriority.h): one preempted while
// inside QCoreApplication::postEvent made the GUI thread wait 28-30 ms (bench_gui_stall --stacks,
// BENCHMARKS.md). Here a worker takes no lock at all:
// - post() pushes a node onto an atomic intrusive stack. Only the push that found the stack empty wakes the
//   GUI thread, through an eventfd (Linux) that a QSocketNotifier watches: the event loop polls it like a
//   socket, no event is posted. Elsewhere (or if eventfd() fails) the wake-up is a queued call after all.
// - On the GUI thread the notifier reads the eventfd first, then takes the whole stack in one exchange
//   (read after exchange could lose a wake-up: a push onto the emptied stack whose write was read away), and
//   runs the closures oldest first, for at most Options::turnBudget per turn of the event loop (at least
//   one): what is left waits for the next turn, which the inbox arms itself, so other events come between.
// - Memory: a node and its closure were allocated by the poster. Freed on the GUI thread, glibc would give
//   them back to the poster's malloc arena under that arena's lock, which a reniced worker may hold (the
//   same inversion). So a closure that has run is not destroyed on the GUI thread: its node goes onto a
//   lock-free "spent" list that the inbox's own reaper thread (reniced) destroys and frees, promptly.
//
// Rules for a closure posted here:
// - It runs on the GUI thread; it is destroyed later on the reaper thread. Its captures must be safe to
//   destroy on any thread (values, QString, QImage, shared_ptr, QPointer; no QObject or widget whose last
//   owner it is). What must be freed on the GUI thread, it moves out of its captures while it runs.
// - post(context, fn) runs fn only if `context` still lives when fn's turn comes (as Qt drops a queued call
//   whose receiver died). `context` must be alive during the post() call itself: the poster's job is one
//   that the context waits for or cancels before it dies. Where that does not hold, the caller makes a
//   QPointer on the GUI thread before the job starts and checks it in the closure.
// - Closures from one thread run in the order they were posted; closures of different threads in some
//   interleaving of those orders.
// - Post from workers. GUI-thread code that wants "later" should use the event loop's own means (a queued
//   call from the GUI thread takes no lock a worker holds); a closure posted here from the GUI thread works,
//   but its memory would then be freed by the reaper into the GUI thread's arena.
//
// Ownership and threads: instance() is the app's inbox, attached to the QCoreApplication's thread while the
// application object lives and never destroyed (workers may still post while the process exits; closures
// posted before the application object exists run once it does; closures still queued when it is destroyed
// are dropped). Other instances (tests): construct anywhere, attach() and detach() on the thread that runs
// the closures, destroy there once no thread posts any more. post() from any thread.

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

class QObject;
class QSocketNotifier;

namespace stemcrate::ui {

class GuiInbox
{
public:
    struct Options
    {
        // GUI thread's time for closures per turn of its event loop (one closure always runs).
        std::chrono::microseconds turnBudget = std::chrono::milliseconds(4);
        // The eventfd wake-up where there is one (Linux); false: a queued call (tests of that path).
        bool eventFd = true;
    };

    GuiInbox() : GuiInbox(Options{}) {}
    explicit GuiInbox(Options options);
    ~GuiInbox();
    GuiInbox(const GuiInbox&) = delete;
    GuiInbox& operator=(const GuiInbox&) = delete;

    // The app's inbox (see the header's top).
    static GuiInbox& instance();

    // Any thread: fn runs on the attached thread, after the closures this thread posted before.
    void post(std::function<void()> fn);
    // The same, run only if `context` still lives then; `context` must be alive during this call.
    void post(QObject* context, std::function<void()> fn);

    // The thread that runs the closures; call there, with a QCoreApplication. Closures queued already run.
    void attach();
    // The attached thread: stops delivering; closures not run yet are destroyed here.
    void detach();
    // True where the wake-up is the eventfd (no Qt event at all).
    bool wakesThroughEventFd() const { return m_eventFd >= 0; }

private:
    struct Node;

    void push(Node* node);
    void wake();
    void drain();           // attached thread
    void spend(Node* node); // attached thread: onto the spent list, for the reaper
    void reap();            // reaper thread
    static void destroyList(Node* list);

    const Options m_options;
    int m_eventFd = -1; // owned; -1: wake-ups by queued call

    // Posters push, the attached thread takes all (newest first).
    std::atomic<Node*> m_incoming{nullptr};

    // Attached thread only: taken, not run yet (oldest first), across turns.
    Node* m_backlog = nullptr;
    Node* m_backlogTail = nullptr;
    QSocketNotifier* m_notifier = nullptr; // m_receiver's child
    QObject* m_receiver = nullptr;         // owned; the queued wake-up's target
    std::atomic<bool> m_attached{false};

    // The attached thread pushes spent nodes, the reaper takes them all.
    std::atomic<Node*> m_spent{nullptr};
    std::atomic<int> m_reapWanted{0}; // 1: the spent list became non-empty (or stop)
    std::atomic<bool> m_stopping{false};
    std::thread m_reaper;
};

} // namespace stemcrate::ui
