#include "mining/PadGrid.h"

#include <QGridLayout>
#include <QTimer>
#include <QToolButton>

namespace stemcrate::ui {

namespace {
constexpr int kColumns = 4;
constexpr int kFlashMs = 150;
} // namespace

PadGrid::PadGrid(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("padGrid"));
    auto* layout = new QGridLayout(this);
    layout->setSpacing(3);
    layout->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < kPads; ++i) {
        auto* pad = new QToolButton(this);
        pad->setObjectName(QStringLiteral("pad%1").arg(i + 1));
        pad->setText(QString::number(i + 1));
        pad->setCheckable(true); // "lit" while it plays
        pad->setMinimumSize(36, 36);
        pad->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        pad->setEnabled(false);
        connect(pad, &QToolButton::clicked, this, [this, i] { trigger(i); });
        // Pad 1 bottom left, as on hardware samplers.
        layout->addWidget(pad, kColumns - 1 - i / kColumns, i % kColumns);
        m_pads[static_cast<size_t>(i)] = pad;
    }
}

void PadGrid::setPadCount(int count)
{
    m_count = std::clamp(count, 0, kPads);
    for (int i = 0; i < kPads; ++i) {
        m_pads[static_cast<size_t>(i)]->setEnabled(i < m_count);
        m_pads[static_cast<size_t>(i)]->setChecked(false);
    }
}

void PadGrid::trigger(int index)
{
    if (index < 0 || index >= m_count)
        return;
    QToolButton* pad = m_pads[static_cast<size_t>(index)];
    pad->setChecked(true);
    QTimer::singleShot(kFlashMs, pad, [pad] { pad->setChecked(false); });
    emit padTriggered(index);
}

} // namespace stemcrate::ui
