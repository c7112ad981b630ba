#include "ModelSetup.h"

#include "MainWindow.h"
#include "MessageArea.h"
#include "ModelBanner.h"
#include "common/ModelDownloader.h"
#include "common/ModelStore.h"
#include "settings/AppSettings.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>

namespace stemcrate {

ModelSetup::ModelSetup(ui::MainWindow& window, QString overridePath, bool autoDownload)
    : QObject(&window), m_window(window), m_overridePath(std::move(overridePath)),
      m_autoDownload(autoDownload), m_downloader(new ModelDownloader(this))
{
    ui::ModelBanner& banner = window.modelBanner();
    connect(&banner, &ui::ModelBanner::downloadRequested, this, &ModelSetup::download);
    connect(&banner, &ui::ModelBanner::chooseFileRequested, this, &ModelSetup::chooseFile);
    connect(&banner, &ui::ModelBanner::cancelRequested, m_downloader, &ModelDownloader::cancel);
    connect(m_downloader, &ModelDownloader::progress, &banner, &ui::ModelBanner::showProgress);
    connect(m_downloader, &ModelDownloader::finished, this, [this](const QString& path) {
        m_window.setModelPath(path);
        m_window.messageArea().showNotice(tr("The separation model is ready."));
    });
    connect(m_downloader, &ModelDownloader::failed, this, [this](const QString& message) {
        qWarning().noquote() << "model download failed:" << message;
        m_window.modelBanner().showFailed(message);
    });
}

void ModelSetup::start()
{
    const std::optional<QString> found = ModelStore::findModel(m_overridePath);
    if (found && QFileInfo::exists(*found)) {
        m_window.setModelPath(*found);
        return;
    }
    if (found) {
        // Configured but missing: say so rather than silently downloading something else.
        m_window.modelBanner().showFailed(tr("The separation model file '%1' does not exist. Choose the "
                                             "model file, or download the default "
                                             "model.")
                                              .arg(QDir::toNativeSeparators(*found)));
        return;
    }
    if (m_autoDownload) {
        download();
        return;
    }
    m_window.modelBanner().showMissing(
        tr("Stemcrate needs its separation model (about 320 MB) once. Download it, or put %1 at %2.")
            .arg(QString::fromLatin1(ModelStore::kModelFileName),
                 QDir::toNativeSeparators(ModelStore::defaultModelPath())));
}

void ModelSetup::download()
{
    m_window.modelBanner().showProgress(0, -1);
    m_downloader->start(ModelStore::modelUrl(), ModelStore::defaultModelPath());
}

void ModelSetup::chooseFile()
{
    const QString file = QFileDialog::getOpenFileName(&m_window, tr("Separation Model"), QString(),
                                                      tr("PyTorch checkpoints (*.pt *.pth);;All files (*)"));
    if (file.isEmpty())
        return;
    if (m_downloader->isRunning())
        m_downloader->cancel();
    ui::AppSettings::setModelPath(file);
    m_window.setModelPath(QFileInfo(file).absoluteFilePath());
}

} // namespace stemcrate
