#include "fit/ProjectFitBar.h"

#include "library/MusicalKey.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>

#include <algorithm>

namespace stemcrate::ui {
namespace {

const char* kBpmSetting = "project/bpm";
const char* kKeySetting = "project/key";

// The 24 keys, minor first, as core spells them ("A minor", "Bb major").
QStringList keyNames()
{
    QStringList names;
    for (bool minor : {true, false})
        for (int tonic = 0; tonic < 12; ++tonic)
            names << QString::fromStdString(library::MusicalKey{tonic, minor}.name());
    return names;
}

} // namespace

ProjectFitBar::ProjectFitBar(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Project:"), this));

    m_bpm = new QDoubleSpinBox(this);
    m_bpm->setObjectName(QStringLiteral("projectBpm"));
    m_bpm->setRange(0, 300);
    m_bpm->setDecimals(1);
    m_bpm->setSingleStep(1);
    m_bpm->setSpecialValueText(tr("Song tempo"));
    m_bpm->setSuffix(tr(" BPM"));
    m_bpm->setToolTip(tr("The tempo of the track you are making: previews and exports are stretched to it"));
    layout->addWidget(m_bpm);

    m_key = new QComboBox(this);
    m_key->setObjectName(QStringLiteral("projectKey"));
    m_key->addItem(tr("Song key"), QString());
    for (const QString& name : keyNames())
        m_key->addItem(name, name);
    m_key->setToolTip(tr("The key of the track you are making: previews and exports are shifted into it "
                         "(the nearest way, at most 6 semitones)"));
    layout->addWidget(m_key);

    QSettings settings;
    m_fit.bpm = std::clamp(settings.value(kBpmSetting, 0.0).toDouble(), 0.0, 300.0);
    m_fit.key = settings.value(kKeySetting).toString();
    m_bpm->setValue(m_fit.bpm);
    m_key->setCurrentIndex(std::max(0, m_key->findData(m_fit.key)));
    m_fit.key = m_key->currentData().toString();

    connect(m_bpm, &QDoubleSpinBox::valueChanged, this, &ProjectFitBar::onEdited);
    connect(m_key, &QComboBox::currentIndexChanged, this, &ProjectFitBar::onEdited);
}

ProjectFit ProjectFitBar::fit() const
{
    return m_fit;
}

void ProjectFitBar::setFit(const ProjectFit& fit)
{
    m_bpm->setValue(fit.bpm); // each emits through onEdited when it changes
    m_key->setCurrentIndex(std::max(0, m_key->findData(fit.key)));
}

void ProjectFitBar::onEdited()
{
    ProjectFit fit;
    fit.bpm = m_bpm->value() >= 1.0 ? m_bpm->value() : 0.0;
    fit.key = m_key->currentData().toString();
    if (fit == m_fit)
        return;
    m_fit = fit;
    QSettings settings;
    settings.setValue(kBpmSetting, m_fit.bpm);
    settings.setValue(kKeySetting, m_fit.key);
    emit fitChanged(m_fit);
}

} // namespace stemcrate::ui
