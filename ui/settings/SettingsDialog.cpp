#include "settings/SettingsDialog.h"

#include "BackgroundTask.h"
#include "library/ExportOptions.h"
#include "settings/AppSettings.h"
#include "settings/CudaProbe.h"
#include "settings/EngineLabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>

namespace stemcrate::ui {

namespace {

QHBoxLayout* withButton(QWidget* field, QPushButton* button)
{
    auto* row = new QHBoxLayout;
    row->addWidget(field, 1);
    row->addWidget(button);
    return row;
}

} // namespace

SettingsDialog::SettingsDialog(const separation::StemCache& cache, QWidget* parent)
    : QDialog(parent), m_cache(cache)
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    auto* form = new QFormLayout;

    m_library = new QLineEdit(AppSettings::libraryFolder(), this);
    auto* browseLibrary = new QPushButton(tr("Choose…"), this);
    form->addRow(tr("Library folder:"), withButton(m_library, browseLibrary));
    connect(browseLibrary, &QPushButton::clicked, this, [this] {
        const QString folder =
            QFileDialog::getExistingDirectory(this, tr("Library Folder"), m_library->text());
        if (!folder.isEmpty())
            m_library->setText(folder);
    });

    m_model = new QLineEdit(AppSettings::modelPath(), this);
    m_model->setPlaceholderText(tr("the downloaded default model"));
    auto* browseModel = new QPushButton(tr("Choose…"), this);
    form->addRow(tr("Model file:"), withButton(m_model, browseModel));
    connect(browseModel, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("Separation Model"), m_model->text(),
                                         tr("PyTorch checkpoints (*.pt *.pth);;All files (*)"));
        if (!file.isEmpty())
            m_model->setText(file);
    });

    const separation::SeparatorOptions options = AppSettings::separatorOptions();
    m_device = new QComboBox(this);
    m_device->setObjectName(QStringLiteral("deviceComboBox"));
    m_device->addItem(tr("Automatic (CUDA GPU when available)"), int(separation::Device::Auto));
    m_device->addItem(tr("CPU"), int(separation::Device::Cpu));
    // Until the check answers, a saved CUDA choice stays selected (and is kept by save()).
    if (options.device == separation::Device::Cuda)
        m_device->addItem(tr("CUDA GPU"), int(separation::Device::Cuda));
    m_device->setCurrentIndex(std::max(0, m_device->findData(int(options.device))));
    CudaProbe::whenKnown(this, [this](bool available) {
        const int cuda = m_device->findData(int(separation::Device::Cuda));
        if (available && cuda < 0)
            m_device->addItem(tr("CUDA GPU"), int(separation::Device::Cuda));
        else if (!available && cuda >= 0)
            m_device->removeItem(cuda);
    });
    form->addRow(tr("Device:"), m_device);

    m_threads = new QSpinBox(this);
    m_threads->setObjectName(QStringLiteral("threadsSpinBox"));
    m_threads->setRange(0, std::max(1, QThread::idealThreadCount()));
    m_threads->setSpecialValueText(tr("all cores"));
    m_threads->setValue(options.threads);
    form->addRow(tr("Threads:"), m_threads);

    // What the engine runs with these choices (decided on a worker, as the engine decides it).
    m_engine = new EngineLabel(this);
    form->addRow(tr("Runs on:"), m_engine);
    const auto showEngine = [this] {
        separation::SeparatorOptions chosen = AppSettings::separatorOptions();
        chosen.device = separation::Device(m_device->currentData().toInt());
        chosen.threads = m_threads->value();
        m_engine->showFor(chosen);
    };
    connect(m_device, &QComboBox::currentIndexChanged, this, showEngine);
    connect(m_threads, &QSpinBox::valueChanged, this, showEngine);
    showEngine();

    const ExportOptions exportOptions = AppSettings::exportOptions();
    m_exportFormat = new QComboBox(this);
    m_exportFormat->addItem(tr("WAV 16-bit"), QStringLiteral("wav/16"));
    m_exportFormat->addItem(tr("WAV 24-bit"), QStringLiteral("wav/24"));
    m_exportFormat->addItem(tr("WAV 32-bit float"), QStringLiteral("wav/32f"));
    m_exportFormat->addItem(tr("FLAC 16-bit"), QStringLiteral("flac/16"));
    m_exportFormat->addItem(tr("FLAC 24-bit"), QStringLiteral("flac/24"));
    const QString depth = exportOptions.sampleFormat == audio::SampleFormat::Int16   ? QStringLiteral("16")
                          : exportOptions.sampleFormat == audio::SampleFormat::Int24 ? QStringLiteral("24")
                                                                                     : QStringLiteral("32f");
    const QString format =
        exportOptions.format == audio::FileFormat::Flac ? QStringLiteral("flac") : QStringLiteral("wav");
    m_exportFormat->setCurrentIndex(std::max(0, m_exportFormat->findData(format + QLatin1Char('/') + depth)));
    form->addRow(tr("Export format:"), m_exportFormat);

    m_cacheLimit = new QSpinBox(this);
    m_cacheLimit->setRange(0, 1024 * 1024);
    m_cacheLimit->setSuffix(tr(" MB"));
    m_cacheLimit->setSpecialValueText(tr("no limit"));
    m_cacheLimit->setValue(AppSettings::cacheLimitMegabytes());
    m_cacheSize = new QLabel(this);
    auto* clear = new QPushButton(tr("Clear"), this);
    clear->setObjectName(QStringLiteral("clearCacheButton"));
    auto* cacheRow = new QHBoxLayout;
    cacheRow->addWidget(m_cacheLimit);
    cacheRow->addWidget(m_cacheSize, 1);
    cacheRow->addWidget(clear);
    form->addRow(tr("Stem cache limit:"), cacheRow);
    connect(clear, &QPushButton::clicked, this, [this] {
        m_cacheSize->setText(tr("clearing…"));
        const separation::StemCache cache = m_cache;
        runInBackground<int64_t>(
            this,
            [cache] {
                cache.clear();
                return cache.sizeBytes();
            },
            [this](int64_t bytes) { showCacheSize(bytes); });
    });
    updateCacheSize();

    m_theme = new QComboBox(this);
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(AppSettings::theme())));
    form->addRow(tr("Theme:"), m_theme);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

void SettingsDialog::updateCacheSize()
{
    m_cacheSize->setText(tr("measuring…"));
    const separation::StemCache cache = m_cache;
    runInBackground<int64_t>(
        this, [cache] { return cache.sizeBytes(); }, [this](int64_t bytes) { showCacheSize(bytes); });
}

void SettingsDialog::showCacheSize(int64_t bytes)
{
    m_cacheSize->setText(tr("%1 in use").arg(QLocale().formattedDataSize(bytes)));
}

void SettingsDialog::save() const
{
    AppSettings::setLibraryFolder(m_library->text());
    AppSettings::setModelPath(m_model->text().trimmed());
    AppSettings::setDevice(separation::Device(m_device->currentData().toInt()));
    AppSettings::setThreads(m_threads->value());
    AppSettings::setCacheLimitMegabytes(m_cacheLimit->value());
    AppSettings::setTheme(m_theme->currentData().toString());
    ExportOptions exportOptions = AppSettings::exportOptions();
    const QStringList parts = m_exportFormat->currentData().toString().split(QLatin1Char('/'));
    exportOptions.format =
        parts.value(0) == QLatin1String("flac") ? audio::FileFormat::Flac : audio::FileFormat::Wav;
    exportOptions.sampleFormat = parts.value(1) == QLatin1String("16")   ? audio::SampleFormat::Int16
                                 : parts.value(1) == QLatin1String("24") ? audio::SampleFormat::Int24
                                                                         : audio::SampleFormat::Float32;
    exportOptions.folder = m_library->text();
    AppSettings::setExportOptions(exportOptions);
}

} // namespace stemcrate::ui
