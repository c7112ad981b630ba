#include "views/LaneStrip.h"

#include "views/LaneView.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace stemcrate::ui {

LaneStrip::LaneStrip(int lane, const QString& name, TimelineViewport& viewport, SelectionModel& selection,
                     const Snapper& snapper, StrokeScratch& strokeScratch, QWidget* parent)
    : QWidget(parent), m_lane(lane)
{
    setObjectName(QStringLiteral("lane_%1").arg(name));
    auto* header = new QWidget(this);
    header->setFixedWidth(kHeaderWidth);
    auto* headerLayout = new QVBoxLayout(header);
    headerLayout->setContentsMargins(6, 4, 6, 4);
    headerLayout->setSpacing(2);

    m_name = new QLabel(name, header);
    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    headerLayout->addWidget(m_name);

    auto* buttons = new QHBoxLayout;
    m_solo = new QToolButton(header);
    m_solo->setText(tr("S"));
    m_solo->setToolTip(tr("Solo %1").arg(name));
    m_solo->setCheckable(true);
    m_solo->setObjectName(QStringLiteral("solo"));
    m_mute = new QToolButton(header);
    m_mute->setText(tr("M"));
    m_mute->setToolTip(tr("Mute %1").arg(name));
    m_mute->setCheckable(true);
    m_mute->setObjectName(QStringLiteral("mute"));
    m_gain = new QSlider(Qt::Horizontal, header);
    m_gain->setRange(0, 200);
    m_gain->setValue(100);
    m_gain->setObjectName(QStringLiteral("gain"));
    m_gain->setToolTip(tr("Gain: 0.0 dB"));
    buttons->addWidget(m_solo);
    buttons->addWidget(m_mute);
    buttons->addWidget(m_gain, 1);
    headerLayout->addLayout(buttons);
    headerLayout->addStretch(1);

    m_view = new LaneView(lane, viewport, selection, snapper, strokeScratch, this);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header);
    layout->addWidget(m_view, 1);

    connect(m_solo, &QToolButton::toggled, this, [this](bool on) { emit soloToggled(m_lane, on); });
    connect(m_mute, &QToolButton::toggled, this, [this](bool on) { emit muteToggled(m_lane, on); });
    connect(m_gain, &QSlider::valueChanged, this, [this](int percent) {
        const float gain = percent / 100.0f;
        m_gain->setToolTip(gain > 0 ? tr("Gain: %1 dB").arg(20.0 * std::log10(gain), 0, 'f', 1)
                                    : tr("Gain: off"));
        emit gainChanged(m_lane, gain);
    });
}

void LaneStrip::resetControls()
{
    const QSignalBlocker blockSolo(m_solo), blockMute(m_mute), blockGain(m_gain);
    m_solo->setChecked(false);
    m_mute->setChecked(false);
    m_gain->setValue(100);
    m_gain->setToolTip(tr("Gain: 0.0 dB"));
}

QString LaneStrip::name() const
{
    return m_name->text();
}

} // namespace stemcrate::ui
