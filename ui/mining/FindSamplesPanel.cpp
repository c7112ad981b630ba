#include "mining/FindSamplesPanel.h"

#include "library/ExportJob.h"
#include "library/SampleExportService.h"
#include "mining/MiningWorker.h"
#include "mining/WaveformThumbnail.h"
#include "playback/Transport.h"

#include <QApplication>
#include <QDrag>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QMouseEvent>
#include <QShortcut>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace stemcrate::ui {

namespace {

constexpr int kPollMs = 500;
constexpr int kShownSuggestions = 32;
constexpr QSize kThumbnailSize(120, 28);

} // namespace

FindSamplesPanel::FindSamplesPanel(Transport& transport, SampleExportService& exports, QWidget* parent)
    : QWidget(parent), m_transport(transport), m_exports(exports), m_worker(new MiningWorker(this)),
      m_poll(new QTimer(this)), m_list(new QListWidget(this)), m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("findSamplesPanel"));
    m_list->setObjectName(QStringLiteral("suggestionList"));
    m_list->setIconSize(kThumbnailSize);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->viewport()->installEventFilter(this);
    m_status->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_status);
    layout->addWidget(m_list, 1);
    m_status->setText(tr("Open a song: loop suggestions appear as its stems are separated."));

    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) { audition(m_list->row(item)); });
    const auto exportCurrent = [this] {
        if (m_list->currentRow() >= 0)
            exportSuggestion(m_list->currentRow());
    };
    for (const QKeySequence& key : {QKeySequence(Qt::CTRL | Qt::Key_E), QKeySequence(Qt::Key_Return)}) {
        auto* shortcut = new QShortcut(key, m_list, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, exportCurrent);
    }
    m_poll->setInterval(kPollMs);
    connect(m_poll, &QTimer::timeout, this, &FindSamplesPanel::poll);
}

void FindSamplesPanel::setSong(MiningSong song)
{
    m_song = std::move(song);
    m_suggesterOptions = {};
    startSuggestions();
}

void FindSamplesPanel::setMusiciansWord(std::optional<analysis::TempoResult> tempo,
                                        std::optional<std::string> key)
{
    const auto sameGrid = [](const std::optional<analysis::TempoResult>& a,
                             const std::optional<analysis::TempoResult>& b) {
        return a.has_value() == b.has_value() && (!a || (a->bpm == b->bpm && a->beatFrames == b->beatFrames &&
                                                         a->downbeatFrames == b->downbeatFrames));
    };
    if (sameGrid(tempo, m_suggesterOptions.tempo) && key == m_suggesterOptions.key)
        return;
    m_suggesterOptions.tempo = std::move(tempo);
    m_suggesterOptions.key = std::move(key);
    startSuggestions();
}

void FindSamplesPanel::startSuggestions()
{
    m_worker->cancelAll();
    m_suggester = std::make_shared<mining::LoopSuggester>(m_suggesterOptions);
    m_submittedFrames = 0;
    m_submittedComplete = false;
    showSuggestions({}, {});
    if (m_song.stems) {
        m_status->setText(tr("Waiting for separated stems…"));
        m_poll->start();
        poll();
    } else {
        m_poll->stop();
        m_status->setText(tr("Open a song: loop suggestions appear as its stems are separated."));
    }
}

void FindSamplesPanel::poll()
{
    const std::shared_ptr<const StemSet> stems = m_song.stems;
    if (!stems || m_worker->busy())
        return;
    const int64_t valid = stems->validFrames();
    const bool complete = stems->complete();
    if (valid <= 0 || (valid == m_submittedFrames && complete == m_submittedComplete))
        return;
    if (complete)
        m_poll->stop();
    m_submittedFrames = valid;
    m_submittedComplete = complete;
    std::shared_ptr<mining::LoopSuggester> suggester = m_suggester;
    using Found = std::pair<std::vector<mining::LoopSuggestion>, std::vector<QImage>>;
    m_worker->run(
        [stems, suggester, valid, complete](const std::atomic<bool>& cancelled) -> std::optional<Found> {
            std::vector<mining::StemSource> sources;
            for (size_t i = 0; i < stems->stems().audio.size(); ++i)
                sources.push_back({stems->stems().names[i], &stems->stems().audio[i]});
            Result<bool> updated = suggester->update(sources, valid, complete);
            if (!updated || !updated.value() || cancelled.load())
                return std::nullopt;
            Found found;
            for (const mining::LoopSuggestion& s : suggester->suggestions()) {
                if (found.first.size() >= static_cast<size_t>(kShownSuggestions))
                    break;
                const auto source = std::find_if(sources.begin(), sources.end(),
                                                 [&](const mining::StemSource& x) { return x.name == s.stem; });
                found.first.push_back(s);
                found.second.push_back(renderWaveformThumbnail(*source->audio, s.startFrame, s.endFrame, kThumbnailSize));
            }
            return found;
        },
        [this](std::optional<Found> found) {
            if (found)
                showSuggestions(std::move(found->first), std::move(found->second));
        });
}

void FindSamplesPanel::showSuggestions(std::vector<mining::LoopSuggestion> suggestions, std::vector<QImage> thumbnails)
{
    m_suggestions = std::move(suggestions);
    m_list->clear();
    for (size_t i = 0; i < m_suggestions.size(); ++i) {
        const mining::LoopSuggestion& s = m_suggestions[i];
        QString text = tr("%1 · %n bar(s) · %2 BPM", nullptr, s.bars)
                           .arg(QString::fromStdString(s.stem))
                           .arg(s.bpm, 0, 'f', 1);
        if (!s.key.empty())
            text += QStringLiteral(" · ") + QString::fromStdString(s.key);
        auto* item = new QListWidgetItem(QIcon(QPixmap::fromImage(thumbnails[i])), text, m_list);
        item->setToolTip(tr("Start %1 s, score %2. Click to audition, Return or Ctrl+E to export, drag out.")
                             .arg(double(s.startFrame) / kEngineSampleRate, 0, 'f', 2)
                             .arg(s.score, 0, 'f', 2));
    }
    if (m_song.stems && !m_suggestions.empty())
        m_status->setText(m_song.stems->complete() ? tr("%n suggestion(s)", nullptr, suggestionCount())
                                                   : tr("%n suggestion(s) so far (separating…)", nullptr,
                                                        suggestionCount()));
    emit suggestionsChanged(suggestionCount());
}

int FindSamplesPanel::laneOf(const std::string& stem) const
{
    if (!m_song.stems)
        return -1;
    const std::vector<std::string>& names = m_song.stems->stems().names;
    const auto at = std::find(names.begin(), names.end(), stem);
    return at == names.end() ? -1 : static_cast<int>(at - names.begin()) + 1;
}

void FindSamplesPanel::audition(int row)
{
    if (row < 0 || row >= suggestionCount())
        return;
    const mining::LoopSuggestion& s = suggestion(row);
    StemMixer& mixer = m_transport.mixer();
    const int lane = laneOf(s.stem);
    for (int l = 0; l < StemMixer::kMaxLanes; ++l)
        mixer.setSoloed(l, l == lane);
    mixer.setLoop(s.startFrame, s.endFrame, true);
    m_transport.seek(s.startFrame);
    m_transport.play();
    if (m_list->currentRow() != row)
        m_list->setCurrentRow(row);
    emit auditioned(row);
}

std::optional<ExportJob> FindSamplesPanel::suggestionJob(int row) const
{
    const int lane = row >= 0 && row < suggestionCount() ? laneOf(suggestion(row).stem) : -1;
    const std::shared_ptr<const AudioBuffer> buffer = lane > 0 ? m_song.lane(lane) : nullptr;
    if (!buffer)
        return std::nullopt;
    const mining::LoopSuggestion& s = suggestion(row);
    ExportOptions options = m_exportOptions;
    options.loop = true;
    options.asHeard = false;
    library::SampleMetadata metadata = m_song.metadata;
    metadata.stem = s.stem;
    metadata.bpm = s.bpm;
    // The loop's own key (or the musician's), none for drums: not the song's key of some earlier moment.
    metadata.key = s.key;
    ExportJob job(options, std::move(metadata), s.startFrame, s.endFrame);
    job.addSource(buffer, 1.0f);
    return job;
}

int FindSamplesPanel::exportSuggestion(int row)
{
    std::optional<ExportJob> job = suggestionJob(row);
    if (!job)
        return -1;
    const int id = m_exports.start(std::move(*job));
    emit exportStarted(id);
    return id;
}

std::unique_ptr<QMimeData> FindSamplesPanel::dragData(int row)
{
    std::optional<ExportJob> job = suggestionJob(row);
    if (!job)
        return nullptr;
    // A DAW wants the file when the drag starts (as the timeline's drag-out): a loop of a few seconds.
    Result<QString> path = job->run();
    if (!path)
        return nullptr;
    auto mime = std::make_unique<QMimeData>();
    mime->setUrls({QUrl::fromLocalFile(path.value())});
    return mime;
}

bool FindSamplesPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_list->viewport() && event->type() == QEvent::MouseButtonPress)
        m_pressPos = static_cast<QMouseEvent*>(event)->position().toPoint();
    if (watched == m_list->viewport() && event->type() == QEvent::MouseMove) {
        auto* move = static_cast<QMouseEvent*>(event);
        if ((move->buttons() & Qt::LeftButton) &&
            (move->position().toPoint() - m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
            const int row = m_list->row(m_list->itemAt(m_pressPos));
            if (std::unique_ptr<QMimeData> mime = dragData(row)) {
                auto* drag = new QDrag(this);
                drag->setMimeData(mime.release());
                drag->exec(Qt::CopyAction);
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace stemcrate::ui
