#include "GuiInbox.h"

#include "songs/WorkerPriority.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>
#include <QSocketNotifier>

#ifdef __linux__
#include <pthread.h>
#include <sys/eventfd.h>
#include <unistd.h>
#endif

#include <cstdint>

namespace stemcrate::ui {

struct GuiInbox::Node
{
    Node* next = nullptr;
    QPointer<QObject> context; // checked only where `guarded`
    bool guarded = false;
    std::function<void()> fn;
};

} // namespace stemcrate::ui

namespace {

// The app's inbox follows the application object: attached when it is constructed, detached (its closures
// still queued dropped) when it is destroyed, before the event dispatcher goes.
void attachAppInbox()
{
    stemcrate::ui::GuiInbox::instance().attach();
    qAddPostRoutine([] { stemcrate::ui::GuiInbox::instance().detach(); });
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(attachAppInbox)

namespace stemcrate::ui {

GuiInbox::GuiInbox(Options options) : m_options(options)
{
#ifdef __linux__
    if (m_options.eventFd)
        m_eventFd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
#endif
    m_reaper = std::thread([this] { reap(); });
}

GuiInbox::~GuiInbox()
{
    detach();
    m_stopping.store(true);
    m_reapWanted.store(1);
    m_reapWanted.notify_one();
    m_reaper.join(); // it freed the spent list on its way out
    destroyList(m_incoming.exchange(nullptr));
#ifdef __linux__
    if (m_eventFd >= 0)
        close(m_eventFd);
#endif
}

GuiInbox& GuiInbox::instance()
{
    // Never destroyed: a worker may post while the process exits.
    static GuiInbox* const inbox = new GuiInbox();
    return *inbox;
}

void GuiInbox::post(std::function<void()> fn)
{
    push(new Node{nullptr, {}, false, std::move(fn)});
}

void GuiInbox::post(QObject* context, std::function<void()> fn)
{
    push(new Node{nullptr, QPointer<QObject>(context), true, std::move(fn)});
}

void GuiInbox::push(Node* node)
{
    Node* head = m_incoming.load(std::memory_order_relaxed);
    do
        node->next = head;
    while (
        !m_incoming.compare_exchange_weak(head, node, std::memory_order_seq_cst, std::memory_order_relaxed));
    // Only the push that found the inbox empty wakes the GUI thread: a non-empty inbox has a wake-up on its
    // way (or being read away just before the exchange that will take this node too).
    if (!head)
        wake();
}

void GuiInbox::wake()
{
#ifdef __linux__
    if (m_eventFd >= 0) {
        const uint64_t one = 1;
        [[maybe_unused]] const ssize_t written = write(m_eventFd, &one, sizeof one);
        return;
    }
#endif
    // A queued call: Qt's posted-event lock after all (no eventfd here). Not against a concurrent detach():
    // the app's inbox detaches when the application object dies, after every pool of ours was waited for.
    if (m_attached.load())
        QMetaObject::invokeMethod(
            m_receiver, [this] { drain(); }, Qt::QueuedConnection);
}

void GuiInbox::attach()
{
    if (m_attached.load())
        return;
    m_receiver = new QObject;
    if (m_eventFd >= 0) {
        m_notifier = new QSocketNotifier(qintptr(m_eventFd), QSocketNotifier::Read, m_receiver);
        QObject::connect(m_notifier, &QSocketNotifier::activated, m_receiver, [this] { drain(); });
    }
    m_attached.store(true);
    wake(); // for what was posted before
}

void GuiInbox::detach()
{
    if (!m_attached.exchange(false))
        return;
    delete m_receiver; // and the notifier, its child; queued wake-ups to it are dropped with it
    m_receiver = nullptr;
    m_notifier = nullptr;
    Node* dropped = m_backlog;
    m_backlog = m_backlogTail = nullptr;
    for (Node* node = m_incoming.exchange(nullptr); node;) {
        Node* next = node->next;
        node->next = dropped;
        dropped = node;
        node = next;
    }
    while (dropped) {
        Node* next = dropped->next;
        spend(dropped);
        dropped = next;
    }
}

void GuiInbox::drain()
{
    if (!m_attached.load())
        return;
#ifdef __linux__
    // First the eventfd, then the stack: a push that comes after this read writes the eventfd again.
    if (m_eventFd >= 0) {
        uint64_t count = 0;
        [[maybe_unused]] const ssize_t read = ::read(m_eventFd, &count, sizeof count);
    }
#endif
    // Newest first; reversed onto the backlog's end, oldest first.
    Node* taken = m_incoming.exchange(nullptr, std::memory_order_seq_cst);
    Node* oldest = nullptr;
    Node* newest = taken;
    while (taken) {
        Node* next = taken->next;
        taken->next = oldest;
        oldest = taken;
        taken = next;
    }
    if (oldest) {
        if (m_backlogTail)
            m_backlogTail->next = oldest;
        else
            m_backlog = oldest;
        m_backlogTail = newest;
    }

    const auto start = std::chrono::steady_clock::now();
    while (m_backlog) {
        // Taken off the backlog before it runs: a nested event loop inside it may drain here again.
        Node* node = m_backlog;
        m_backlog = node->next;
        if (!m_backlog)
            m_backlogTail = nullptr;
        if (!node->guarded || node->context)
            node->fn();
        spend(node);
        if (!m_attached.load() || std::chrono::steady_clock::now() - start >= m_options.turnBudget)
            break;
    }
    if (m_backlog && m_attached.load())
        wake(); // the rest in the next turn, after the events waiting meanwhile
}

void GuiInbox::spend(Node* node)
{
    Node* head = m_spent.load(std::memory_order_relaxed);
    do
        node->next = head;
    while (!m_spent.compare_exchange_weak(head, node, std::memory_order_seq_cst, std::memory_order_relaxed));
    if (!head) {
        m_reapWanted.store(1);
        m_reapWanted.notify_one();
    }
}

void GuiInbox::reap()
{
    lowerWorkerPriority(); // it frees into the workers' arenas: behind the GUI thread, never before it
#ifdef __linux__
    pthread_setname_np(pthread_self(), "gui-inbox-reap");
#endif
    for (;;) {
        m_reapWanted.wait(0);
        // Cleared before the exchange: a spend onto the list emptied here sets it again.
        m_reapWanted.store(0);
        destroyList(m_spent.exchange(nullptr));
        if (m_stopping.load()) { // set before the destructor's wake-up, read after clearing it
            destroyList(m_spent.exchange(nullptr));
            return;
        }
    }
}

void GuiInbox::destroyList(Node* list)
{
    while (list) {
        Node* next = list->next;
        delete list;
        list = next;
    }
}

} // namespace stemcrate::ui
