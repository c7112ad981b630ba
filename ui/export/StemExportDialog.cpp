#include "export/StemExportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace stemcrate::ui {

namespace {

enum FormatIndex
{
    kWav,
    kFlac,
    kAiff,
    kStemAac,
    kStemAlac
};

// The model's stem names as the app shows them elsewhere, with the file each one becomes ("drums.wav").
QString stemLabel(const QString& name)
{
    QString shown = name;
    if (name == QLatin1String("drums"))
        shown = StemExportDialog::tr("Drums");
    else if (name == QLatin1String("bass"))
        shown = StemExportDialog::tr("Bass");
    else if (name == QLatin1String("other"))
        shown = StemExportDialog::tr("Other");
    else if (name == QLatin1String("vocals"))
        shown = StemExportDialog::tr("Vocals");
    return shown == name ? name : QStringLiteral("%1 (%2)").arg(shown, name);
}

} // namespace

StemExportDialog::StemExportDialog(const QStringList& stemNames, const QString& folder, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Export Stems"));
    auto* layout = new QVBoxLayout(this);

    auto* stemsBox = new QGroupBox(tr("Stems"), this);
    auto* stemsLayout = new QVBoxLayout(stemsBox);
    for (const QString& name : stemNames) {
        m_stemNames.push_back(name.toStdString());
        auto* box = new QCheckBox(stemLabel(name), stemsBox);
        box->setObjectName(QStringLiteral("stem_") + name);
        stemsLayout->addWidget(box);
        m_stemBoxes << box;
        connect(box, &QCheckBox::toggled, this, &StemExportDialog::updateState);
    }
    layout->addWidget(stemsBox);

    auto* mixesBox = new QGroupBox(tr("Mixes"), this);
    auto* mixesLayout = new QVBoxLayout(mixesBox);
    const QList<std::pair<QString, QString>> mixes = {
        {QStringLiteral("instrumental"), tr("Instrumental (every stem but vocals)")},
        {QStringLiteral("acapella"), tr("Acapella (vocals only)")},
        {QStringLiteral("drumless"), tr("Drumless (every stem but drums)")}};
    for (const auto& [name, label] : mixes) {
        auto* box = new QCheckBox(label, mixesBox);
        box->setObjectName(QStringLiteral("mix_") + name);
        Result<library::StemMix> mix = library::parseStemMix(name.toStdString(), m_stemNames);
        m_mixes << (mix ? mix.value() : library::StemMix{name.toStdString(), {}});
        box->setEnabled(bool(mix));
        if (!mix)
            box->setToolTip(QString::fromStdString(mix.error()));
        mixesLayout->addWidget(box);
        m_mixBoxes << box;
        connect(box, &QCheckBox::toggled, this, &StemExportDialog::updateState);
    }
    layout->addWidget(mixesBox);

    auto* form = new QFormLayout;
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("formatCombo"));
    m_format->addItems({tr("WAV"), tr("FLAC"), tr("AIFF"), tr("NI Stems (.stem.mp4, AAC)"),
                        tr("NI Stems (.stem.mp4, ALAC lossless)")});
    connect(m_format, &QComboBox::currentIndexChanged, this, &StemExportDialog::updateState);
    form->addRow(tr("Format:"), m_format);
    auto* folderRow = new QHBoxLayout;
    m_folder = new QLineEdit(folder, this);
    m_folder->setObjectName(QStringLiteral("folderEdit"));
    connect(m_folder, &QLineEdit::textChanged, this, &StemExportDialog::updateState);
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &StemExportDialog::browse);
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    form->addRow(tr("Folder:"), folderRow);
    layout->addLayout(form);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    updateState();
}

library::StemSetChoice StemExportDialog::choice() const
{
    library::StemSetChoice c;
    const int format = m_format->currentIndex();
    c.stemFile = format == kStemAac || format == kStemAlac;
    c.stemCodec = format == kStemAlac ? audio::StemCodec::Alac : audio::StemCodec::Aac;
    c.format = format == kFlac ? audio::FileFormat::Flac
                               : (format == kAiff ? audio::FileFormat::Aiff : audio::FileFormat::Wav);
    c.sampleFormat = audio::SampleFormat::Int24;
    if (c.stemFile)
        return c; // the stem file always holds the mix and every stem
    for (int i = 0; i < m_stemBoxes.size(); ++i)
        if (m_stemBoxes[i]->isChecked())
            c.stems.push_back(m_stemNames[size_t(i)]);
    for (int i = 0; i < m_mixBoxes.size(); ++i)
        if (!m_mixes[i].stems.empty() && m_mixBoxes[i]->isChecked())
            c.mixes.push_back(m_mixes[i]);
    return c;
}

QString StemExportDialog::folder() const
{
    return m_folder->text().trimmed();
}

bool StemExportDialog::canAccept() const
{
    const library::StemSetChoice c = choice();
    return !folder().isEmpty() && (c.stemFile || !c.stems.empty() || !c.mixes.empty());
}

bool StemExportDialog::setChecked(const QString& name, bool checked)
{
    for (QCheckBox* box : m_stemBoxes + m_mixBoxes)
        if (box->objectName() == QStringLiteral("stem_") + name ||
            box->objectName() == QStringLiteral("mix_") + name) {
            box->setChecked(checked);
            return true;
        }
    return false;
}

void StemExportDialog::setFormatIndex(int index)
{
    m_format->setCurrentIndex(index);
}

void StemExportDialog::setFolder(const QString& folder)
{
    m_folder->setText(folder);
}

void StemExportDialog::updateState()
{
    const int format = m_format->currentIndex();
    const bool stemFile = format == kStemAac || format == kStemAlac;
    for (QCheckBox* box : m_stemBoxes)
        box->setEnabled(!stemFile);
    for (int i = 0; i < m_mixBoxes.size(); ++i)
        m_mixBoxes[i]->setEnabled(!stemFile && !m_mixes[i].stems.empty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(canAccept());
}

void StemExportDialog::browse()
{
    const QString chosen = QFileDialog::getExistingDirectory(this, tr("Export Stems To"), folder());
    if (!chosen.isEmpty())
        m_folder->setText(chosen);
}

} // namespace stemcrate::ui
