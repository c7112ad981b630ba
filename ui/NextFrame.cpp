#include "NextFrame.h"

#include <QEvent>
#include <QWidget>

#include <utility>
#include <vector>

namespace stemcrate::ui {

NextFrame::NextFrame(QWidget& window) : QObject(&window), m_window(window)
{
    m_fallback.setSingleShot(true);
    m_fallback.setInterval(kFallbackMs);
    connect(&m_fallback, &QTimer::timeout, this, &NextFrame::flush);
    window.installEventFilter(this);
}

void NextFrame::post(QObject* key, std::function<void()> work)
{
    if (!m_window.isVisible()) {
        // Hidden since it was posted: the key's earlier work is replaced as when visible.
        std::erase_if(m_pending, [key](const Pending& p) { return p.keyAddress == key; });
        work();
        return;
    }
    bool replaced = false;
    for (Pending& p : m_pending)
        if (p.keyAddress == key) {
            p = Pending{key, key, std::move(work)};
            replaced = true;
        }
    if (!replaced)
        m_pending.push_back(Pending{key, key, std::move(work)});
    if (!m_queued && !m_fallback.isActive())
        m_fallback.start();
}

bool NextFrame::eventFilter(QObject* watched, QEvent* event)
{
    // The sync paints what the posting turn changed (the filter sees it before it is delivered); the work
    // goes in the turn after it: a call queued now is not delivered in the same pass over the posted events.
    if (watched == &m_window && event->type() == QEvent::UpdateRequest && !m_pending.empty() && !m_queued) {
        m_queued = true;
        m_fallback.stop();
        QMetaObject::invokeMethod(this, &NextFrame::flush, Qt::QueuedConnection);
    }
    return false;
}

void NextFrame::flush()
{
    m_queued = false;
    m_fallback.stop();
    // Work may post again (under its own or another key): that goes in the frame after.
    std::vector<Pending> due = std::exchange(m_pending, {});
    for (Pending& p : due)
        if (p.key)
            p.work();
}

} // namespace stemcrate::ui
