#pragma once
// ScreenshotRunner: `stemcrate --screenshot PATH [...] songs`: waits until every song is separated (or
// failed), sets up the requested state (selection, spectrogram, a dialog), grabs the window or the dialog
// with QWidget::grab() (works on the offscreen platform, no X server needed), saves PATH and quits.
// For the README's pictures (packaging/screenshots.sh).
//
// Ownership: a QObject child of the window. Threads: GUI thread. Units: seconds for the selection.

#include <QObject>
#include <QString>

class QTimer;

namespace stemcrate {

namespace ui {
class MainWindow;
}

struct ScreenshotRequest
{
    QString path;
    QString dialog;                        // "", "settings", "export", "shortcuts"
    double selectFrom = -1, selectTo = -1; // seconds; < 0: no selection
    bool spectrogram = false;
    bool waitForSongs = true;   // false: grab at once (the empty window, first run)
    bool midSeparation = false; // grab while the first song is about half separated
    int timeoutMs = 600000;
};

class ScreenshotRunner : public QObject
{
    Q_OBJECT

public:
    ScreenshotRunner(ui::MainWindow& window, ScreenshotRequest request);
    void start();

private:
    void poll();
    void grab();

    ui::MainWindow& m_window;
    const ScreenshotRequest m_request;
    QTimer* m_poll = nullptr;
    int m_waitedMs = 0;
    int m_doneAtMs = 0; // when every song was done (then the analysis gets a few seconds)
};

} // namespace stemcrate
