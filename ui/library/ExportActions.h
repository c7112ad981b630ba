#pragma once
// ExportActions: the window's sample export: Export Selection… (Ctrl+E, the dialog) and drag-out. Both
// build the job with SelectionExport and run it on SampleExportService's worker; the GUI thread never
// writes the file.
//
// Drag-out: pressing inside the selection (armDragOut) already starts a WAV export of it; when the drag
// begins (dragOut) the file's URL is handed to a QDrag at once if it is written, else as soon as it is,
// provided the mouse button is still down (otherwise the file just stays in the library, like any export).
// A selection that changed since the press starts a new export.
//
// Exports are fitted to the project's tempo and key (setFitTarget), as playback is.
//
// Ownership: a QObject owned by the window; owns the export service. Threads: GUI thread.

#include "common/Result.h"
#include "library/ExportOptions.h"
#include "panels/Panel.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

namespace stemcrate::ui {

class SampleExportService;
class SongSession;
class StemMixer;

class ExportActions : public QObject, public Panel
{
    Q_OBJECT

public:
    ExportActions(SongSession& session, const StemMixer& mixer, QWidget* dialogParent);

    QList<PanelAction> panelActions() const override;
    void fillToolBar(QToolBar& bar) override;

    SampleExportService& service() { return *m_service; }
    // The project's tempo and key that every export from here is fitted to (ProjectFitPanel).
    void setFitTarget(const library::FitTarget& target);
    // Starts exporting the selection into options.folder; the job id the service's signals carry, or why
    // it cannot start (also shown as an error).
    Result<int> exportSelection(const ExportOptions& options);
    void exportWithDialog();

    // Drag-out, in two steps (see above). `source`: the widget the drag starts from.
    void armDragOut();
    void dragOut(QWidget* source);

signals:
    void message(const QString& text, bool isError);
    void exported(const QString& path);
    // The drag-out file is written: its URL (the drag starts with it if the button is still down).
    void dragOutReady(const QUrl& url);
    // The export dialog saved new options (AppSettings): for panels that keep a copy (no settings read at
    // each song switch).
    void exportOptionsChanged(const stemcrate::ui::ExportOptions& options);

private:
    struct Prepared
    {
        int jobId = 0;
        int songId = 0;
        int64_t start = 0, end = 0;
        int lane = 0;
        QUrl url; // empty until written
    };
    bool preparedMatchesSelection() const;
    void startDrag(const QUrl& url);

    SongSession& m_session;
    const StemMixer& m_mixer;
    QWidget* m_dialogParent;
    SampleExportService* m_service = nullptr; // child; its destructor waits for a running export
    QAction* m_exportAction = nullptr;
    library::FitTarget m_fitTarget;
    Prepared m_prepared;
    bool m_dragWanted = false;
    QPointer<QWidget> m_dragSource;
};

} // namespace stemcrate::ui
