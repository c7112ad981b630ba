#pragma once
// ModelBanner: the first-run strip that gets the separation model: what is missing, download progress,
// and the way forward when offline (which file to put where, or "Choose model file…"). The app wires it
// to ModelDownloader (app/ owns downloading; ui/ only shows it).
//
// Ownership: a child widget of the window. Threads: GUI thread. Units: bytes.

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace stemcrate::ui {

class ModelBanner : public QWidget
{
    Q_OBJECT

public:
    explicit ModelBanner(QWidget* parent = nullptr);

    // No model yet: explains it and offers Download and Choose.
    void showMissing(const QString& text);
    void showProgress(qint64 receivedBytes, qint64 totalBytes);
    // The download failed: the message says which file to put where.
    void showFailed(const QString& text);
    QString text() const;

signals:
    void downloadRequested();
    void cancelRequested();
    void chooseFileRequested();

private:
    QLabel* m_label = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_download = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_choose = nullptr;
};

} // namespace stemcrate::ui
