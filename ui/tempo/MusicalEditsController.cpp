#include "tempo/MusicalEditsController.h"

#include "GuiInbox.h"
#include "WorkerThreads.h"
#include "songs/SongList.h"
#include "tempo/TempoKeyBar.h"

#include "analysis/LoopFinder.h"

#include <QDir>
#include <QFile>
#include <QPointer>
#include <QSaveFile>

namespace stemcrate::ui {

MusicalEditsController::MusicalEditsController(SongList& songs, QString cacheFolder, TempoKeyBar& bar,
                                               QObject* parent)
    : QObject(parent), m_songs(songs), m_cacheFolder(std::move(cacheFolder)), m_bar(bar)
{
    connect(&m_bar, &TempoKeyBar::bpmEdited, this, [this](double bpm) {
        MusicalEdits e = edits(m_currentId);
        e.bpm = bpm;
        edit(e);
    });
    connect(&m_bar, &TempoKeyBar::keyEdited, this, [this](const std::string& key) {
        MusicalEdits e = edits(m_currentId);
        e.key = key;
        edit(e);
    });
    connect(&m_bar, &TempoKeyBar::resetRequested, this, [this] { edit({}); });
}

QString MusicalEditsController::editsPath(const QString& cacheKey) const
{
    return QDir(m_cacheFolder).filePath(cacheKey + QStringLiteral(".edits.json"));
}

MusicalEdits MusicalEditsController::edits(int id) const
{
    const auto it = m_entries.find(id);
    return it == m_entries.end() ? MusicalEdits{} : it->second.edits;
}

void MusicalEditsController::setCurrentSong(int id)
{
    m_currentId = id;
    showCurrent();
}

void MusicalEditsController::songAnalysed(int id)
{
    Song* song = m_songs.song(id);
    if (!song || !song->analysis)
        return;
    Entry& entry = m_entries[id];
    entry.detected = song->analysis;
    showCurrent();
    if (song->cacheKey.isEmpty())
        return;
    // The remembered edits, read on a worker (the GUI thread does no disk work) and applied unless the
    // musician edited this song in the meantime.
    const QString path = editsPath(song->cacheKey);
    const int generation = entry.generation;
    QPointer<MusicalEditsController> self(this);
    startChore([self, id, generation, path] {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return;
        const MusicalEdits edits = MusicalEdits::fromJson(file.read(4096));
        GuiInbox::instance().post([self, id, generation, edits] {
            if (!self || edits.empty())
                return;
            const auto it = self->m_entries.find(id);
            if (it == self->m_entries.end() || it->second.generation != generation)
                return;
            it->second.edits = edits;
            self->apply(id);
            self->showCurrent();
        });
    });
}

void MusicalEditsController::edit(const MusicalEdits& edits)
{
    Song* song = m_songs.song(m_currentId);
    const auto it = m_entries.find(m_currentId);
    if (!song || it == m_entries.end() || !it->second.detected)
        return;
    it->second.edits = edits;
    ++it->second.generation;
    if (!song->cacheKey.isEmpty()) {
        const QString path = editsPath(song->cacheKey);
        const QByteArray json = edits.toJson();
        const bool remove = edits.empty();
        startChore([path, json, remove] {
            if (remove) {
                QFile::remove(path);
                return;
            }
            QSaveFile file(path);
            if (file.open(QIODevice::WriteOnly) && file.write(json) == json.size())
                file.commit();
        });
    }
    apply(m_currentId);
    showCurrent();
}

void MusicalEditsController::apply(int id)
{
    Song* song = m_songs.song(id);
    Entry& entry = m_entries[id];
    if (!song || !song->track || !entry.detected)
        return;
    const AudioBuffer& audio = song->track->audio;
    song->analysis = std::make_shared<const analysis::TrackAnalysis>(
        entry.edits.applyTo(*entry.detected, audio.frames, audio.sampleRate));
    emit analysisChanged(id);
    if (entry.edits.bpm)
        refindLoops(id);
}

void MusicalEditsController::refindLoops(int id)
{
    const Song* song = m_songs.song(id);
    if (!song || !song->track || !song->analysis || !song->analysis->tempo)
        return;
    auto track = song->track;
    std::shared_ptr<const StemSet> stems = song->stems;
    const analysis::TempoResult tempo = *song->analysis->tempo;
    const int generation = m_entries[id].generation;
    QPointer<MusicalEditsController> self(this);
    startChore([self, id, generation, track, stems, tempo] {
        const analysis::LoopFinder finder;
        auto mixLoops = finder.find(track->audio, tempo);
        std::vector<std::vector<analysis::LoopCandidate>> stemLoops;
        if (stems && stems->complete())
            for (const AudioBuffer& audio : stems->stems().audio)
                stemLoops.push_back(finder.find(audio, tempo));
        GuiInbox::instance().post(
            [self, id, generation, mixLoops = std::move(mixLoops), stemLoops = std::move(stemLoops)] {
                if (!self)
                    return;
                Song* song = self->m_songs.song(id);
                const auto it = self->m_entries.find(id);
                if (!song || !song->analysis || it == self->m_entries.end() ||
                    it->second.generation != generation)
                    return; // removed, or edited again since
                auto updated = std::make_shared<analysis::TrackAnalysis>(*song->analysis);
                updated->mix.loops = mixLoops;
                for (size_t i = 0; i < updated->stems.size() && i < stemLoops.size(); ++i)
                    updated->stems[i].loops = stemLoops[i];
                song->analysis = std::move(updated);
                emit self->analysisChanged(id);
            });
    });
}

void MusicalEditsController::showCurrent()
{
    const Song* song = m_songs.song(m_currentId);
    const auto it = m_entries.find(m_currentId);
    if (!song || !song->analysis || it == m_entries.end()) {
        m_bar.clear();
        return;
    }
    const analysis::TrackAnalysis& a = *song->analysis;
    m_bar.display(a.tempo ? std::optional(a.tempo->bpm) : std::nullopt,
                  a.key ? std::optional(a.key->name) : std::nullopt, it->second.edits.bpm.has_value(),
                  it->second.edits.key.has_value());
}

void MusicalEditsController::waitForDone()
{
    chorePool().waitForDone();
}

} // namespace stemcrate::ui
