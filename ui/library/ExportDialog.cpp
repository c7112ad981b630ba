#include "library/ExportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace stemcrate::ui {

ExportDialog::ExportDialog(const ExportOptions& options, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Export Selection"));
    setObjectName(QStringLiteral("exportDialog"));
    auto* form = new QFormLayout;

    m_format = new QComboBox(this);
    m_format->addItem(tr("WAV"), int(audio::FileFormat::Wav));
    m_format->addItem(tr("FLAC"), int(audio::FileFormat::Flac));
    m_format->setCurrentIndex(m_format->findData(int(options.format)));
    form->addRow(tr("Format:"), m_format);

    m_depth = new QComboBox(this);
    form->addRow(tr("Bit depth:"), m_depth);
    updateDepths();
    m_depth->setCurrentIndex(std::max(0, m_depth->findData(int(options.sampleFormat))));
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::updateDepths);

    m_fadeIn = new QDoubleSpinBox(this);
    m_fadeIn->setRange(0, 10000);
    m_fadeIn->setSuffix(tr(" ms"));
    m_fadeIn->setValue(options.fadeInMs);
    form->addRow(tr("Fade in:"), m_fadeIn);
    m_fadeOut = new QDoubleSpinBox(this);
    m_fadeOut->setRange(0, 10000);
    m_fadeOut->setSuffix(tr(" ms"));
    m_fadeOut->setValue(options.fadeOutMs);
    form->addRow(tr("Fade out:"), m_fadeOut);

    m_loop = new QCheckBox(tr("Loop (seamless wrap, loop points in the file)"), this);
    m_loop->setChecked(options.loop);
    form->addRow(QString(), m_loop);
    m_asHeard = new QCheckBox(tr("As heard (the audible stems with their gains)"), this);
    m_asHeard->setChecked(options.asHeard);
    form->addRow(QString(), m_asHeard);

    m_template = new QLineEdit(options.nameTemplate, this);
    m_template->setToolTip(
        tr("Tokens: {source} {stem} {start} {end} {bpm} {key} {artist} {title} {album} {index}"));
    form->addRow(tr("File name:"), m_template);

    auto* folderRow = new QHBoxLayout;
    m_folder = new QLineEdit(options.folder, this);
    auto* browse = new QPushButton(tr("Choose…"), this);
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    form->addRow(tr("Library folder:"), folderRow);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString folder =
            QFileDialog::getExistingDirectory(this, tr("Library Folder"), m_folder->text());
        if (!folder.isEmpty())
            m_folder->setText(folder);
    });

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

void ExportDialog::updateDepths()
{
    const QVariant previous = m_depth->currentData();
    m_depth->clear();
    m_depth->addItem(tr("16-bit"), int(audio::SampleFormat::Int16));
    m_depth->addItem(tr("24-bit"), int(audio::SampleFormat::Int24));
    if (m_format->currentData().toInt() == int(audio::FileFormat::Wav))
        m_depth->addItem(tr("32-bit float"), int(audio::SampleFormat::Float32));
    const int index = m_depth->findData(previous);
    m_depth->setCurrentIndex(index >= 0 ? index : 1);
}

ExportOptions ExportDialog::options() const
{
    ExportOptions o;
    o.format = audio::FileFormat(m_format->currentData().toInt());
    o.sampleFormat = audio::SampleFormat(m_depth->currentData().toInt());
    o.fadeInMs = m_fadeIn->value();
    o.fadeOutMs = m_fadeOut->value();
    o.loop = m_loop->isChecked();
    o.asHeard = m_asHeard->isChecked();
    o.nameTemplate = m_template->text();
    o.folder = m_folder->text();
    return o;
}

} // namespace stemcrate::ui
