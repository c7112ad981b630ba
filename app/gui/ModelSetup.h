#pragma once
// ModelSetup: gets the window a separation model on start: ModelStore's lookup (--model, the "model/path"
// setting, the cached download), else the download of the default model with progress in the window's
// ModelBanner, else (offline, failed, refused) the banner's way forward: which file to put where, or
// "Choose Model File…".
//
// Ownership: a QObject child of the window; owns its ModelDownloader. Threads: GUI thread.

#include <QObject>
#include <QString>

namespace stemcrate {

class ModelDownloader;

namespace ui {
class MainWindow;
}

class ModelSetup : public QObject
{
    Q_OBJECT

public:
    // overridePath: --model; autoDownload: start downloading at once when nothing is found.
    ModelSetup(ui::MainWindow& window, QString overridePath, bool autoDownload);

    void start();
    void download();
    void chooseFile();

private:
    ui::MainWindow& m_window;
    const QString m_overridePath;
    const bool m_autoDownload;
    ModelDownloader* m_downloader = nullptr; // child
};

} // namespace stemcrate
