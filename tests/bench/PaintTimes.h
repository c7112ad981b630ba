#pragma once
// PaintTimes: what the GUI thread's paints are made of, widget by widget (bench_gui_stall --paint-times,
// issue 16): the wall time, thread CPU time and minor page faults of every paint event a widget received,
// and of the window's whole backing-store syncs (UpdateRequest), while recording is on. Paint events of
// children are sent after their parent's returns (QWidgetPrivate::drawWidget), so a widget's figure is its
// own paint, not its children's.
//
// Owner: the benchmark's QApplication subclass, which calls notify() around every event it delivers.
// Threads: GUI thread only. Units: ms.

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
    };
    // Time the delivery of `event` to `receiver` when it is a paint (or a sync) and recording is on.
    template <typename Deliver> bool deliver(QObject* receiver, QEvent* event, Deliver&& deliver);
    void setRecording(bool on) { m_recording = on; }
    // Every entry, longest wall time first.
    std::vector<Entry> entries() const;
    void print(int rows) const;

private:
    struct Mark
    {
        double wallMs = 0, cpuMs = 0;
        long minorFaults = 0, majorFaults = 0;
    };
    static Mark now();
    bool timed(const QEvent* event) const;
    void add(QObject* receiver, const QEvent* event, const Mark& before);

    bool m_recording = false;
    std::map<QString, Entry> m_entries;
};

template <typename Deliver> bool PaintTimes::deliver(QObject* receiver, QEvent* event, Deliver&& deliver)
{
    if (!m_recording || !timed(event))
        return deliver();
    const Mark before = now();
    const bool result = deliver();
    add(receiver, event, before);
    return result;
}

} // namespace stemcrate::bench
