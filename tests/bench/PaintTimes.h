#pragma once
// PaintTimes: what the GUI thread's paints are made of, widget by widget (bench_gui_stall --paint-times,
// issue 16): the wall time, thread CPU time and minor page faults of every paint event a widget received,
// and of the window's whole backing-store syncs (UpdateRequest), while recording is on. Paint events of
// children are sent after their parent's returns (QWidgetPrivate::drawWidget), so a widget's figure is its
// own paint, not its children's. Every other event delivered straight from the event loop (not from inside
// another event) is timed too, by type and receiver, so that what a long turn of the loop did besides
// painting shows as well.
//
// Owner: the benchmark's QApplication subclass, which calls notify() around every event it delivers.
// Threads: GUI thread only. Units: ms.

#include <QRect>
#include <QSize>
#include <QString>

#include <map>
#include <vector>

class QEvent;
class QObject;

namespace stemcrate::bench {

class PaintTimes
{
public:
    struct Entry
    {
        QString what; // "ClassName objectName"
        int events = 0;
        double wallMs = 0, cpuMs = 0;
        long minorFaults = 0, majorFaults = 0;
        double atMs = 0; // CLOCK_MONOTONIC at its start (single deliveries: to match profiles, perf -k 1)
        // Single paint events: the paint's rect, the widget's size, and whether the rect was larger (in
        // width or height) than every earlier paint of that class while recording (a scratch sized to the
        // largest paint so far would grow then).
        QRect rect;
        QSize widgetSize;
        bool largestSoFar = false;
    };
    // Time the delivery of `event` to `receiver` when it is a paint (or a sync) and recording is on.
    template <typename Deliver> bool deliver(QObject* receiver, QEvent* event, Deliver&& deliver);
    void setRecording(bool on) { m_recording = on; }
    // Forgets what was recorded (to record another phase).
    void clear();
    // Every entry, longest wall time first.
    std::vector<Entry> entries() const;
    // Also prints the paints summed per part of the window: the window's direct child each widget is in,
    // and the single deliveries from the loop that took the most CPU (one turn's events, not summed).
    void print(int rows) const;

private:
    struct Mark
    {
        double wallMs = 0, cpuMs = 0;
        long minorFaults = 0, majorFaults = 0;
    };
    static Mark now();
    bool timed(const QEvent* event) const;
    static QString nameOf(const QObject* receiver, const QEvent* event, bool outermost);
    static QString partOf(const QObject* receiver, const QEvent* event);
    void add(const QString& what, const QString& part, const Mark& before, const QObject* receiver,
             const QEvent* event);

    static constexpr size_t kLongestKept = 12;
    static void keepLongest(std::vector<Entry>& list, const Entry& entry);
    std::vector<Entry> m_longestPaints;      // single paint events (any depth), most CPU first (a few kept)
    std::map<QString, QSize> m_largestPaint; // by class: the largest paint rect so far (width, height apart)
    bool m_recording = false;
    int m_depth = 0; // events being delivered now, nested
    std::map<QString, Entry> m_entries;
    std::map<QString, Entry> m_parts; // paint events by the window's direct child they are in
    std::vector<Entry> m_longest;     // single deliveries from the loop, most CPU first (a few kept)
};

template <typename Deliver> bool PaintTimes::deliver(QObject* receiver, QEvent* event, Deliver&& deliver)
{
    if (!m_recording || !(m_depth == 0 || timed(event))) {
        ++m_depth;
        const bool result = deliver();
        --m_depth;
        return result;
    }
    // Named before delivery: the event may delete its receiver (DeferredDelete).
    const QString what = nameOf(receiver, event, m_depth == 0), part = partOf(receiver, event);
    const Mark before = now();
    ++m_depth;
    const bool result = deliver();
    --m_depth;
    add(what, part, before, receiver, event);
    return result;
}

} // namespace stemcrate::bench
