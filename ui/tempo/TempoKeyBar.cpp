#include "tempo/TempoKeyBar.h"

#include "analysis/BeatGrid.h"
#include "analysis/KeyDetector.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

namespace stemcrate::ui {

namespace {

const QString kNoKey = QStringLiteral("—");

void setItalic(QWidget* widget, bool italic)
{
    QFont font = widget->font();
    font.setItalic(italic);
    widget->setFont(font);
}

} // namespace

TempoKeyBar::TempoKeyBar(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    m_bpm = new QDoubleSpinBox(this);
    m_bpm->setObjectName(QStringLiteral("bpmEdit"));
    m_bpm->setRange(analysis::BeatGrid::kMinBpm, analysis::BeatGrid::kMaxBpm);
    m_bpm->setDecimals(2);
    m_bpm->setSuffix(tr(" BPM"));
    m_bpm->setKeyboardTracking(false); // one edit when the musician is done typing, not one per digit
    m_bpm->setToolTip(tr("Tempo: type the right one if the detected tempo is wrong"));
    const auto button = [this](const QString& name, const QString& text, const QString& tip) {
        auto* b = new QToolButton(this);
        b->setObjectName(name);
        b->setText(text);
        b->setToolTip(tip);
        return b;
    };
    m_double = button(QStringLiteral("bpmDouble"), tr("×2"), tr("Double the tempo"));
    m_half = button(QStringLiteral("bpmHalf"), tr("÷2"), tr("Halve the tempo"));
    m_tap = button(QStringLiteral("bpmTap"), tr("Tap"), tr("Tap along with the beat to set the tempo"));
    m_key = new QComboBox(this);
    m_key->setObjectName(QStringLiteral("keyEdit"));
    m_key->setEditable(true);
    m_key->setInsertPolicy(QComboBox::NoInsert);
    m_key->setToolTip(tr("Key: pick or type the right one (\"F# minor\", \"Bbm\", \"8A\"); — for none"));
    m_key->addItem(kNoKey);
    for (bool minor : {false, true})
        for (int tonic = 0; tonic < 12; ++tonic)
            m_key->addItem(QString::fromStdString(analysis::KeyDetector::keyName(tonic, minor)));
    m_reset = button(QStringLiteral("tempoKeyReset"), tr("Reset"), tr("Back to the detected tempo and key"));
    for (QWidget* w : std::initializer_list<QWidget*>{m_bpm, m_double, m_half, m_tap, m_key, m_reset})
        layout->addWidget(w);

    connect(m_bpm, &QDoubleSpinBox::valueChanged, this, [this](double bpm) {
        if (m_updating)
            return;
        m_shownBpm = bpm;
        commitBpm(bpm);
    });
    connect(m_double, &QToolButton::clicked, this,
            [this] { commitBpm(m_shownBpm.value_or(m_bpm->value()) * 2.0); });
    connect(m_half, &QToolButton::clicked, this,
            [this] { commitBpm(m_shownBpm.value_or(m_bpm->value()) / 2.0); });
    connect(m_tap, &QToolButton::clicked, this, &TempoKeyBar::tap);
    connect(m_key->lineEdit(), &QLineEdit::editingFinished, this, [this] {
        if (m_updating)
            return;
        const QString text = m_key->currentText().trimmed();
        if (text == kNoKey || text.isEmpty()) {
            emit keyEdited({});
            return;
        }
        if (auto key = analysis::KeyDetector::fromName(text.toStdString()))
            emit keyEdited(key->name);
    });
    connect(m_key, &QComboBox::activated, this, [this](int index) {
        if (!m_updating)
            emit keyEdited(index == 0 ? std::string() : m_key->itemText(index).toStdString());
    });
    connect(m_reset, &QToolButton::clicked, this, &TempoKeyBar::resetRequested);
    m_clock.start();
    clear();
}

void TempoKeyBar::commitBpm(double bpm)
{
    bpm = std::clamp(bpm, analysis::BeatGrid::kMinBpm, analysis::BeatGrid::kMaxBpm);
    emit bpmEdited(bpm);
}

void TempoKeyBar::tap()
{
    if (!isEnabled())
        return;
    if (auto bpm = m_tapTempo.tap(static_cast<double>(m_clock.nsecsElapsed()) * 1e-9))
        commitBpm(*bpm);
}

void TempoKeyBar::display(std::optional<double> bpm, std::optional<std::string> keyName, bool bpmEdited,
                       bool keyEdited)
{
    m_updating = true;
    m_shownBpm = bpm;
    setEnabled(true);
    m_bpm->setSpecialValueText(bpm ? QString() : kNoKey);
    m_bpm->setValue(bpm ? *bpm : m_bpm->minimum());
    m_double->setEnabled(bpm.has_value());
    m_half->setEnabled(bpm.has_value());
    setItalic(m_bpm, bpmEdited);
    const QString key = keyName && !keyName->empty() ? QString::fromStdString(*keyName) : kNoKey;
    const int index = m_key->findText(key);
    if (index >= 0)
        m_key->setCurrentIndex(index);
    m_key->setEditText(key);
    setItalic(m_key, keyEdited);
    m_reset->setEnabled(bpmEdited || keyEdited);
    m_updating = false;
}

void TempoKeyBar::clear()
{
    display(std::nullopt, std::nullopt, false, false);
    setEnabled(false);
    m_tapTempo.reset();
}

} // namespace stemcrate::ui
