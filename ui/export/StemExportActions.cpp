#include "export/StemExportActions.h"

#include "BackgroundTask.h"
#include "export/StemExportDialog.h"
#include "library/ExportOptions.h"
#include "session/SongSession.h"
#include "settings/AppSettings.h"
#include "songs/StemSet.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>

#include <filesystem>
#include <system_error>

namespace stemcrate::ui {

namespace {

struct Outcome
{
    bool ok = false;
    QString text; // the folder written, or the reason
};

} // namespace

StemExportActions::StemExportActions(SongSession& session, QWidget* dialogParent)
    : QObject(dialogParent), m_session(session), m_dialogParent(dialogParent)
{
    m_action = new QAction(tr("Export S&tems…"), this);
    m_action->setObjectName(QStringLiteral("exportStemsAction"));
    connect(m_action, &QAction::triggered, this, &StemExportActions::exportWithDialog);
}

QList<PanelAction> StemExportActions::panelActions() const
{
    return {{MenuId::File, m_action}};
}

void StemExportActions::exportWithDialog()
{
    const ShownSong song = m_session.shown();
    if (!song.stems || !song.stems->complete()) {
        emit status(tr("The song's stems are not separated yet."), true);
        return;
    }
    QStringList names;
    for (const std::string& name : song.stems->stems().names)
        names << QString::fromStdString(name);
    StemExportDialog dialog(names, AppSettings::exportOptions().folder, m_dialogParent);
    if (dialog.exec() != QDialog::Accepted || !dialog.canAccept())
        return;
    library::StemSetChoice choice = dialog.choice();
    const QString title = QFileInfo(song.path).completeBaseName();
    choice.title = title.toStdString();
    // The song's tags as the session has them now: the musician's tempo and key where edited.
    choice.tags.artist = song.metadata.artist;
    choice.tags.album = song.metadata.album;
    choice.tags.bpm = song.metadata.bpm;
    choice.tags.key = song.metadata.key;
    (void)exportStems(choice, song.stems, QDir(dialog.folder()).filePath(title));
}

bool StemExportActions::exportStems(const library::StemSetChoice& choice,
                                    std::shared_ptr<const StemSet> stems, const QString& folder)
{
    if (m_running) {
        emit status(tr("A stem export is already running."), true);
        return false;
    }
    if (!stems || !stems->complete()) {
        emit status(tr("The song's stems are not separated yet."), true);
        return false;
    }
    m_running = true;
    m_action->setEnabled(false);
    const std::filesystem::path target = folder.toStdString();
    runInBackground<Outcome>(
        this,
        [choice, stems, target]() -> Outcome {
            std::error_code error;
            std::filesystem::create_directories(target, error);
            if (error)
                return {false, QString::fromStdString(target.string() + ": " + error.message())};
            const separation::Stems& s = stems->stems();
            if (Result<void> written = library::writeStemSet(choice, s.names, s.audio, target); !written)
                return {false, QString::fromStdString(written.error())};
            return {true, QString::fromStdString(target.string())};
        },
        [this](Outcome outcome) {
            m_running = false;
            m_action->setEnabled(true);
            if (outcome.ok)
                emit status(tr("Exported stems to %1").arg(QDir::toNativeSeparators(outcome.text)), false);
            else
                emit status(tr("Stem export failed: %1").arg(outcome.text), true);
            emit finished(outcome.ok);
        });
    return true;
}

} // namespace stemcrate::ui
