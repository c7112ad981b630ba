#pragma once
// StagedReveal: a window's first paint spread over several turns of the event loop, so that no single turn
// paints the whole window (issue 16: the GUI thread's longest stall <= 16 ms; the whole first paint of the
// main window took 17-25 ms of the GUI thread on a loaded machine, bench_gui_stall --paint-times).
//
// The window paints first without its held-back parts (their updates are disabled, so Qt's repaint skips
// them and the window's background shows there); then each part is let paint in a turn of its own, in the
// given order: a part is released, and the next one only after the window's next sync (UpdateRequest) or,
// where no sync comes (a window not exposed yet, minimized), after kFallbackMs. Nothing else changes: the
// parts are laid out, shown and take input from the start; only their first pixels come a few turns later.
//
// A grab() or render() of the window before finished() leaves the parts still held back out (QWidget::render
// skips widgets whose updates are disabled); releaseAll() first where a whole picture is needed at once.
//
// Owner: a QObject child of the window. Threads: GUI thread. Construct before the window is shown; the
// parts must be widgets of the window whose updates nobody else disables.

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QWidget>

namespace stemcrate::ui {

class StagedReveal : public QObject
{
    Q_OBJECT

public:
    static constexpr int kFallbackMs = 100;

    StagedReveal(QWidget& window, const QList<QWidget*>& parts);

    // Parts not released yet.
    int heldBack() const { return int(m_parts.size()); }
    // Releases every part now (they paint in the window's next sync, together); finished() follows.
    void releaseAll();

signals:
    // Every part has been released (painted in the turns that follow). Emitted once.
    void finished();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void releaseNext();

    QWidget& m_window;
    QList<QPointer<QWidget>> m_parts;
    QTimer m_fallback;
    bool m_waitingForSync = false; // a part was released; the next goes after the window's next sync
    bool m_started = false;        // shown
    bool m_firstPainted = false;   // the window's first paint has begun
    bool m_finished = false;       // finished() emitted
};

} // namespace stemcrate::ui
