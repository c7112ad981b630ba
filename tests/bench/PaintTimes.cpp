#include "PaintTimes.h"

#include <QEvent>
#include <QMetaEnum>
#include <QObject>
#include <QPaintEvent>
#include <QWidget>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace stemcrate::bench {

PaintTimes::Mark PaintTimes::now()
{
    timespec wall{}, cpu{};
    clock_gettime(CLOCK_MONOTONIC, &wall);
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
    rusage usage{};
    getrusage(RUSAGE_THREAD, &usage);
    return {double(wall.tv_sec) * 1e3 + double(wall.tv_nsec) / 1e6,
            double(cpu.tv_sec) * 1e3 + double(cpu.tv_nsec) / 1e6, usage.ru_minflt, usage.ru_majflt};
}

bool PaintTimes::timed(const QEvent* event) const
{
    return event->type() == QEvent::Paint || event->type() == QEvent::UpdateRequest;
}

QString PaintTimes::nameOf(const QObject* receiver, const QEvent* event, bool outermost)
{
    QString what = QString::fromLatin1(receiver->metaObject()->className());
    if (!receiver->objectName().isEmpty())
        what += QLatin1Char(' ') + receiver->objectName();
    else if (const QObject* parent = receiver->parent()) // an unnamed timer or notifier: whose it is
        what += QStringLiteral(" of ") + QString::fromLatin1(parent->metaObject()->className()) +
                QLatin1Char(' ') + parent->objectName();
    if (outermost)
        what = QStringLiteral("[loop: %1] ")
                   .arg(QLatin1String(QMetaEnum::fromType<QEvent::Type>().valueToKey(event->type()))) +
               what;
    return what;
}

QString PaintTimes::partOf(const QObject* receiver, const QEvent* event)
{
    const auto* widget = qobject_cast<const QWidget*>(receiver);
    if (event->type() != QEvent::Paint || !widget || widget->isWindow())
        return {};
    while (widget->parentWidget() && !widget->parentWidget()->isWindow())
        widget = widget->parentWidget();
    return QString::fromLatin1(widget->metaObject()->className()) + QLatin1Char(' ') + widget->objectName();
}

void PaintTimes::clear()
{
    m_entries.clear();
    m_parts.clear();
    m_longest.clear();
    m_longestPaints.clear();
    m_largestPaint.clear();
}

void PaintTimes::keepLongest(std::vector<Entry>& list, const Entry& entry)
{
    const auto at =
        std::find_if(list.begin(), list.end(), [&](const Entry& e) { return e.cpuMs < entry.cpuMs; });
    if (at != list.end() || list.size() < kLongestKept)
        list.insert(at, entry);
    if (list.size() > kLongestKept)
        list.pop_back();
}

void PaintTimes::add(const QString& what, const QString& part, const Mark& before, const QObject* receiver,
                     const QEvent* event)
{
    const Mark after = now();
    const Entry single{what,
                       1,
                       after.wallMs - before.wallMs,
                       after.cpuMs - before.cpuMs,
                       after.minorFaults - before.minorFaults,
                       after.majorFaults - before.majorFaults,
                       before.wallMs};
    if (m_depth == 0)
        keepLongest(m_longest, single);
    // A paint event's receiver is alive after its delivery (only DeferredDelete deletes one).
    if (event->type() == QEvent::Paint) {
        if (const auto* widget = qobject_cast<const QWidget*>(receiver)) {
            Entry paint = single;
            paint.rect = static_cast<const QPaintEvent*>(event)->rect();
            paint.widgetSize = widget->size();
            QSize& largest = m_largestPaint[QString::fromLatin1(widget->metaObject()->className())];
            paint.largestSoFar =
                paint.rect.width() > largest.width() || paint.rect.height() > largest.height();
            largest = largest.expandedTo(paint.rect.size());
            keepLongest(m_longestPaints, paint);
        }
    }
    for (auto [map, key] : {std::pair{&m_entries, what}, std::pair{&m_parts, part}}) {
        if (key.isEmpty())
            continue;
        Entry& entry = (*map)[key];
        entry.what = key;
        ++entry.events;
        entry.wallMs += after.wallMs - before.wallMs;
        entry.cpuMs += after.cpuMs - before.cpuMs;
        entry.minorFaults += after.minorFaults - before.minorFaults;
        entry.majorFaults += after.majorFaults - before.majorFaults;
    }
}

std::vector<PaintTimes::Entry> PaintTimes::entries() const
{
    std::vector<Entry> list;
    for (const auto& [what, entry] : m_entries)
        list.push_back(entry);
    std::sort(list.begin(), list.end(), [](const Entry& a, const Entry& b) { return a.wallMs > b.wallMs; });
    return list;
}

void PaintTimes::print(int rows) const
{
    std::printf("\n| widget (paint events) | events | wall (ms) | CPU (ms) | minor faults | major faults |\n"
                "| --- | ---: | ---: | ---: | ---: | ---: |\n");
    double wall = 0, cpu = 0;
    int shown = 0;
    for (const Entry& e : entries()) {
        if (!e.what.startsWith(QLatin1Char('['))) {
            wall += e.wallMs;
            cpu += e.cpuMs;
        }
        if (shown++ < rows)
            std::printf("| %s | %d | %.2f | %.2f | %ld | %ld |\n", qPrintable(e.what), e.events, e.wallMs,
                        e.cpuMs, e.minorFaults, e.majorFaults);
    }
    std::printf("| all widgets' own paints | | %.2f | %.2f | | |\n", wall, cpu);
    std::printf(
        "\n| part of the window (its widgets' paints) | events | wall (ms) | CPU (ms) | minor faults |\n"
        "| --- | ---: | ---: | ---: | ---: |\n");
    for (const auto& [what, e] : m_parts)
        std::printf("| %s | %d | %.2f | %.2f | %ld |\n", qPrintable(e.what), e.events, e.wallMs, e.cpuMs,
                    e.minorFaults);
    std::printf("\n| single delivery from the loop, most CPU first | wall (ms) | CPU (ms) | minor faults | "
                "at (CLOCK_MONOTONIC, s) |\n| --- | ---: | ---: | ---: | ---: |\n");
    for (const Entry& e : m_longest)
        std::printf("| %s | %.2f | %.2f | %ld | %.6f |\n", qPrintable(e.what), e.wallMs, e.cpuMs,
                    e.minorFaults, e.atMs / 1e3);
    std::printf("\n| single paint event, most CPU first | rect (x, y, w x h) | widget | largest of its class "
                "so far | wall (ms) | CPU (ms) | minor faults | at (CLOCK_MONOTONIC, s) |\n"
                "| --- | --- | --- | --- | ---: | ---: | ---: | ---: |\n");
    for (const Entry& e : m_longestPaints)
        std::printf("| %s | %d, %d, %d x %d | %d x %d | %s | %.2f | %.2f | %ld | %.6f |\n",
                    qPrintable(e.what), e.rect.x(), e.rect.y(), e.rect.width(), e.rect.height(),
                    e.widgetSize.width(), e.widgetSize.height(), e.largestSoFar ? "yes" : "no", e.wallMs,
                    e.cpuMs, e.minorFaults, e.atMs / 1e3);
}

} // namespace stemcrate::bench
