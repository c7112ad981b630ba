#include "StagedReveal.h"

#include <QEvent>

#include <utility>

namespace stemcrate::ui {

StagedReveal::StagedReveal(QWidget& window, const QList<QWidget*>& parts) : QObject(&window), m_window(window)
{
    for (QWidget* part : parts)
        if (part && part->updatesEnabled()) {
            part->setUpdatesEnabled(false);
            m_parts << part;
        }
    m_fallback.setSingleShot(true);
    m_fallback.setInterval(kFallbackMs);
    connect(&m_fallback, &QTimer::timeout, this, &StagedReveal::releaseNext);
    window.installEventFilter(this);
}

bool StagedReveal::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != &m_window)
        return false;
    if (event->type() == QEvent::Show && !m_started) {
        m_started = true;
        m_fallback.start(); // no paint comes where the window is not exposed
    } else if (event->type() == QEvent::Paint && m_started && !m_firstPainted) {
        // The window's first paint, without the parts (the window itself is painted first); the first part
        // goes in the turn after it.
        m_firstPainted = true;
        m_fallback.stop();
        QTimer::singleShot(0, this, &StagedReveal::releaseNext);
    } else if (event->type() == QEvent::UpdateRequest && m_waitingForSync) {
        // This sync paints the part released last; the next one goes in the turn after it.
        m_waitingForSync = false;
        m_fallback.stop();
        QTimer::singleShot(0, this, &StagedReveal::releaseNext);
    }
    return false;
}

void StagedReveal::releaseAll()
{
    for (const QPointer<QWidget>& part : std::exchange(m_parts, {}))
        if (part)
            part->setUpdatesEnabled(true);
    releaseNext(); // none left: ends
}

void StagedReveal::releaseNext()
{
    m_fallback.stop();
    while (!m_parts.isEmpty()) {
        QPointer<QWidget> part = m_parts.takeFirst();
        if (!part)
            continue;
        part->setUpdatesEnabled(true); // marks it dirty: the window's next sync paints it
        m_waitingForSync = true;
        m_fallback.start();
        return;
    }
    if (m_finished) // a release queued before releaseAll() ended it
        return;
    m_finished = true;
    m_window.removeEventFilter(this);
    emit finished();
}

} // namespace stemcrate::ui
