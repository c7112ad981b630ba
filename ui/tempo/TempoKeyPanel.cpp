#include "tempo/TempoKeyPanel.h"

#include "session/ShownSong.h"
#include "session/SongSession.h"
#include "songs/SongQueue.h"
#include "tempo/MusicalEditsController.h"
#include "tempo/TempoKeyBar.h"

namespace stemcrate::ui {

TempoKeyPanel::TempoKeyPanel(SongSession& session, QWidget* parent)
    : QObject(parent), m_bar(new TempoKeyBar(parent))
{
    m_edits = new MusicalEditsController(
        session.songs(), QString::fromStdString(session.queue().cache().folder()), *m_bar, this);
    // The remembered edits apply whenever a song is analysed (again).
    connect(&session.queue(), &SongQueue::songAnalysed, m_edits, &MusicalEditsController::songAnalysed);
    connect(&session, &SongSession::shownSettled, m_edits,
            [edits = m_edits](const ShownSong& song) { edits->setCurrentSong(song.id); });
    connect(m_edits, &MusicalEditsController::analysisChanged, &session, &SongSession::analysisReplaced);
}

QList<QWidget*> TempoKeyPanel::statusWidgets()
{
    return {m_bar};
}

} // namespace stemcrate::ui
