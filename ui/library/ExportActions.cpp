#include "library/ExportActions.h"

#include "library/ExportDialog.h"
#include "library/SampleExportService.h"
#include "library/SelectionExport.h"
#include "session/SelectionModel.h"
#include "session/SongSession.h"
#include "settings/AppSettings.h"

#include <QAction>
#include <QDrag>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMimeData>
#include <QToolBar>

namespace stemcrate::ui {

ExportActions::ExportActions(SongSession& session, const StemMixer& mixer, QWidget* dialogParent)
    : QObject(dialogParent), m_session(session), m_mixer(mixer), m_dialogParent(dialogParent),
      m_service(new SampleExportService(this))
{
    m_exportAction = new QAction(tr("&Export Selection…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setShortcut(QKeySequence(tr("Ctrl+E")));
    connect(m_exportAction, &QAction::triggered, this, &ExportActions::exportWithDialog);

    connect(m_service, &SampleExportService::exported, this, [this](int jobId, const QString& path) {
        emit message(tr("Exported %1").arg(QFileInfo(path).fileName()), false);
        emit exported(path);
        if (jobId != m_prepared.jobId)
            return;
        m_prepared.url = QUrl::fromLocalFile(path);
        emit dragOutReady(m_prepared.url);
        if (m_dragWanted && (QGuiApplication::mouseButtons() & Qt::LeftButton))
            startDrag(m_prepared.url);
        m_dragWanted = false;
    });
    connect(m_service, &SampleExportService::failed, this, [this](int jobId, const QString& reason) {
        emit message(tr("Export failed: %1").arg(reason), true);
        if (jobId == m_prepared.jobId) {
            m_prepared = {};
            m_dragWanted = false;
        }
    });
}

QList<PanelAction> ExportActions::panelActions() const
{
    return {{MenuId::File, m_exportAction}};
}

void ExportActions::fillToolBar(QToolBar& bar)
{
    bar.addSeparator();
    bar.addAction(m_exportAction);
}

void ExportActions::setFitTarget(const library::FitTarget& target)
{
    const library::FitTarget& was = m_fitTarget;
    if (target.targetBpm != was.targetBpm || target.targetKey != was.targetKey ||
        target.semitones != was.semitones || target.preserveFormants != was.preserveFormants) {
        m_prepared = {}; // a drag-out file written for the old fit is not what is heard now
        m_dragWanted = false;
    }
    m_fitTarget = target;
}

Result<int> ExportActions::exportSelection(const ExportOptions& chosen)
{
    ExportOptions options = chosen;
    options.fit = m_fitTarget; // what is exported is what was heard
    Result<ExportJob> job = SelectionExport::build(m_session, m_mixer, options);
    if (!job) {
        emit message(tr("Export failed: %1").arg(QString::fromStdString(job.error())), true);
        return makeError(job.error());
    }
    return m_service->start(std::move(job.value()));
}

void ExportActions::exportWithDialog()
{
    if (m_session.selection().isEmpty()) {
        emit message(tr("Select a region first: drag across a lane."), false);
        return;
    }
    ExportDialog dialog(AppSettings::exportOptions(), m_dialogParent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    AppSettings::setExportOptions(dialog.options());
    emit exportOptionsChanged(dialog.options());
    (void)exportSelection(dialog.options());
}

bool ExportActions::preparedMatchesSelection() const
{
    const SelectionModel& s = m_session.selection();
    return m_prepared.jobId && m_prepared.songId == m_session.currentId() && m_prepared.start == s.start() &&
           m_prepared.end == s.end() && m_prepared.lane == s.lane();
}

void ExportActions::armDragOut()
{
    if (preparedMatchesSelection())
        return; // already written, or being written
    // A DAW wants a file when the drag starts: the remembered options, as WAV.
    ExportOptions options = AppSettings::exportOptions();
    options.format = audio::FileFormat::Wav;
    const Result<int> job = exportSelection(options);
    m_prepared = {};
    if (!job)
        return;
    const SelectionModel& s = m_session.selection();
    m_prepared = {job.value(), m_session.currentId(), s.start(), s.end(), s.lane(), QUrl()};
}

void ExportActions::dragOut(QWidget* source)
{
    m_dragSource = source;
    armDragOut();
    if (!m_prepared.jobId)
        return;
    if (m_prepared.url.isEmpty()) {
        m_dragWanted = true; // starts when the file is written
        return;
    }
    startDrag(m_prepared.url);
}

void ExportActions::startDrag(const QUrl& url)
{
    auto* drag = new QDrag(m_dragSource ? static_cast<QObject*>(m_dragSource) : this);
    auto* mime = new QMimeData;
    mime->setUrls({url});
    drag->setMimeData(mime); // the drag owns it
    drag->exec(Qt::CopyAction);
}

} // namespace stemcrate::ui
