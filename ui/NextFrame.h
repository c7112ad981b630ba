#pragma once
// NextFrame: work that may wait one frame, run in the turn of the event loop after the window's next sync
// (issue 16: no turn of the GUI thread over 16 ms). A song switch paints the timeline in the turn it happens
// in; the side panels that follow the shown song (song list, tempo and key bar, mining tabs, project fit,
// title) then update in the next turn and paint in the sync after it, so that one turn never holds both.
// Under load a turn's CPU grows two- to threefold (bench_gui_stall), and the switch with every follower was
// one turn of 6-7 ms unloaded.
//
// Work is posted under a key (the object it belongs to): a later post under the same key replaces the
// earlier one, so that several switches in one frame update a panel once, with the newest state. Work whose
// key object is gone is dropped. Where the window is not visible (no sync comes: hidden, or a test's window
// never shown) work runs at once, inside post(); where it is visible and no sync comes within kFallbackMs
// (nothing was dirty), it runs then.
//
// Owner: a QObject child of the window. Threads: GUI thread only.

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <vector>

class QWidget;

namespace stemcrate::ui {

class NextFrame : public QObject
{
    Q_OBJECT

public:
    static constexpr int kFallbackMs = 50;

    explicit NextFrame(QWidget& window);

    // Runs `work` in the turn after the window's next sync, replacing work posted under `key` and not run
    // yet; at once where the window is not visible.
    void post(QObject* key, std::function<void()> work);
    // Works posted and not run yet.
    int pending() const { return int(m_pending.size()); }
    // Runs every pending work now (in the order posted).
    void flush();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Pending
    {
        QPointer<QObject> key;
        const QObject* keyAddress = nullptr; // to match a later post, also after the key is gone
        std::function<void()> work;
    };

    QWidget& m_window;
    std::vector<Pending> m_pending;
    QTimer m_fallback;
    bool m_queued = false; // a sync came: flush() is queued for the next turn
};

} // namespace stemcrate::ui
