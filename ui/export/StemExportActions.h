#pragma once
// StemExportActions: File > Export Stems… for the shown song: StemExportDialog asks what to write, then
// core's StemSetWriter writes the chosen stems, mixes or NI Stems file into <folder>/<song name>/ on a
// worker (never the GUI thread), tagged with the song's artist, album, BPM and key as the session has them
// (the musician's corrections included). Success or the error (which names the file and the reason) goes out
// as status(). One export runs at a time (the action is disabled meanwhile); a song whose stems are not
// complete yet is refused with a status.
//
// Ownership: a QObject owned by the window; the worker holds its own reference to the stems, so a song
// removed meanwhile is still written whole. Threads: GUI thread.

#include "library/StemSetWriter.h"
#include "panels/Panel.h"

#include <QObject>

#include <memory>

class QAction;

namespace stemcrate::ui {

class SongSession;
class StemSet;

class StemExportActions : public QObject, public Panel
{
    Q_OBJECT

public:
    StemExportActions(SongSession& session, QWidget* dialogParent);

    QList<PanelAction> panelActions() const override;

    QAction* action() const { return m_action; }
    bool running() const { return m_running; }

    // Asks (StemExportDialog) and exports the shown song's stems.
    void exportWithDialog();
    // Starts writing `stems` (complete) as `choice` says into `folder` (created if missing); false, with a
    // status, when an export is already running or the stems are not complete.
    bool exportStems(const library::StemSetChoice& choice, std::shared_ptr<const StemSet> stems,
                     const QString& folder);

signals:
    // A line for the status bar: "Exported …" or the reason it failed.
    void status(const QString& text, bool isError);
    // An export ended; ok false with the reason in status().
    void finished(bool ok);

private:
    SongSession& m_session;
    QWidget* m_dialogParent;
    QAction* m_action = nullptr;
    bool m_running = false;
};

} // namespace stemcrate::ui
