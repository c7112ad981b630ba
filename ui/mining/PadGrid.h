#pragma once
// PadGrid: a 4x4 grid of pads, as on a sampler: pad 1 bottom left, pad 16 top right. Pads beyond
// padCount() are disabled. A click (or trigger(), e.g. from a number key) emits padTriggered and lights the
// pad briefly.
//
// Ownership: a widget. Threads: GUI thread. Indices are 0-based (pad 1 is index 0).

#include <QWidget>

#include <array>

class QToolButton;

namespace stemcrate::ui {

class PadGrid : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kPads = 16;

    explicit PadGrid(QWidget* parent = nullptr);

    void setPadCount(int count);
    int padCount() const { return m_count; }
    QToolButton* pad(int index) const { return m_pads[static_cast<size_t>(index)]; }
    // As if pad `index` were clicked (ignored beyond padCount()).
    void trigger(int index);

signals:
    void padTriggered(int index);

private:
    std::array<QToolButton*, kPads> m_pads{}; // children
    int m_count = 0;
};

} // namespace stemcrate::ui
