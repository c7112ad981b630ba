#include "ScreenshotRunner.h"

#include "MainWindow.h"
#include "ShortcutsDialog.h"
#include "library/ExportDialog.h"
#include "session/SelectionModel.h"
#include "settings/AppSettings.h"
#include "settings/SettingsDialog.h"
#include "songs/SongList.h"
#include "songs/SongQueue.h"
#include "views/TimelineView.h"
#include "views/TimelineViewport.h"

#include <QAction>
#include <QApplication>
#include <QDebug>
#include <QPixmap>
#include <QTimer>

namespace stemcrate {

ScreenshotRunner::ScreenshotRunner(ui::MainWindow& window, ScreenshotRequest request)
    : QObject(&window), m_window(window), m_request(std::move(request)), m_poll(new QTimer(this))
{
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, &ScreenshotRunner::poll);
}

void ScreenshotRunner::start()
{
    m_poll->start();
}

void ScreenshotRunner::poll()
{
    m_waitedMs += m_poll->interval();
    bool busy = false;
    bool analysing = false;
    for (int row = 0; row < m_window.songs().count(); ++row) {
        const ui::Song* song = m_window.songs().songAt(row);
        busy = busy || song->busy() || song->state() == ui::SongState::WaitingForModel;
        analysing = analysing || (song->state() == ui::SongState::Done && !song->analysis);
    }
    // The paths given are scanned on a worker: until the songs appear there is nothing to wait for yet.
    busy = busy || m_window.songs().count() == 0;
    // Give the analysis (beat grid, BPM, key) a few seconds; builds without core/analysis never get one.
    if (!busy && m_doneAtMs == 0)
        m_doneAtMs = m_waitedMs;
    if (!busy && analysing && m_waitedMs < m_doneAtMs + 10000 && m_request.waitForSongs &&
        !m_request.midSeparation)
        return;
    const bool timedOut = m_waitedMs >= m_request.timeoutMs;
    if (m_request.midSeparation) {
        const ui::Song* first = m_window.songs().songAt(0);
        const bool halfway = first && first->state() == ui::SongState::Separating && first->fraction >= 0.4;
        if (!halfway && !timedOut)
            return;
        m_poll->stop();
        QTimer::singleShot(100, this, &ScreenshotRunner::grab); // the lanes caught up by then
        return;
    }
    if (m_request.waitForSongs && busy && !timedOut)
        return;
    m_poll->stop();

    ui::TimelineViewport& viewport = m_window.timeline().viewport();
    if (m_request.selectFrom >= 0 && m_request.selectTo > m_request.selectFrom) {
        const int lane = std::min(1, m_window.timeline().laneCount() - 1);
        m_window.selection().set(int64_t(m_request.selectFrom * kEngineSampleRate),
                                 int64_t(m_request.selectTo * kEngineSampleRate), std::max(0, lane));
        viewport.setPlayhead(m_window.selection().start());
    }
    if (m_request.spectrogram)
        m_window.findChild<QAction*>(QStringLiteral("spectrogramAction"))->setChecked(true);
    // Let the workers' summaries and spectrogram tiles arrive and paint.
    QTimer::singleShot(1500, this, &ScreenshotRunner::grab);
}

void ScreenshotRunner::grab()
{
    QPixmap picture;
    if (m_request.dialog == QLatin1String("settings")) {
        ui::SettingsDialog dialog(m_window.queue().cache(), &m_window);
        dialog.show();
        QApplication::processEvents();
        picture = dialog.grab();
    } else if (m_request.dialog == QLatin1String("export")) {
        ui::ExportDialog dialog(ui::AppSettings::exportOptions(), &m_window);
        dialog.show();
        QApplication::processEvents();
        picture = dialog.grab();
    } else if (m_request.dialog == QLatin1String("shortcuts")) {
        ui::ShortcutsDialog dialog(m_window.shortcutActions(), &m_window);
        dialog.show();
        QApplication::processEvents();
        picture = dialog.grab();
    } else {
        picture = m_window.grab();
    }
    if (!picture.save(m_request.path)) {
        qCritical().noquote() << "could not save the screenshot to" << m_request.path;
        QApplication::exit(1);
        return;
    }
    qInfo().noquote() << "screenshot saved:" << m_request.path;
    QApplication::exit(0);
}

} // namespace stemcrate
