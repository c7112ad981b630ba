#include "mining/KitPanel.h"

#include "mining/KitExportStatus.h"
#include "mining/KitExporter.h"
#include "mining/MiningWorker.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace stemcrate::ui {

KitPanel::KitPanel(QWidget* parent)
    : QWidget(parent), m_worker(new MiningWorker(this)), m_list(new QListWidget(this)),
      m_findButton(new QPushButton(tr("Find one-shots"), this)),
      m_exportButton(new QPushButton(tr("Export kit…"), this)), m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("kitPanel"));
    m_list->setObjectName(QStringLiteral("oneShotList"));
    m_exportButton->setEnabled(false);
    m_status->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_findButton);
    buttons->addWidget(m_exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(buttons);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    connect(m_findButton, &QPushButton::clicked, this, &KitPanel::findOneShots);
    connect(m_exportButton, &QPushButton::clicked, this, &KitPanel::exportKit);
}

void KitPanel::setSong(MiningSong song)
{
    m_worker->cancelAll();
    m_song = std::move(song);
    m_result.reset();
    m_list->clear();
    m_exportButton->setEnabled(false);
    m_status->setText(tr("Find the one-shots of the drums stem (or of the mix without stems)."));
}

int KitPanel::sourceLane() const
{
    if (!m_song.stems || m_song.stems->validFrames() <= 0)
        return 0;
    const std::vector<std::string>& names = m_song.stems->stems().names;
    const auto drums = std::find(names.begin(), names.end(), "drums");
    return drums == names.end() ? 0 : static_cast<int>(drums - names.begin()) + 1;
}

bool KitPanel::findOneShots()
{
    const int lane = sourceLane();
    const std::shared_ptr<const AudioBuffer> source = m_song.lane(lane);
    if (!source || (m_song.stems && !m_song.stems->complete())) {
        m_status->setText(source ? tr("Wait for the separation to finish.") : tr("Open a song first."));
        return false;
    }
    m_status->setText(tr("Finding one-shots in %1…").arg(m_song.laneName(lane)));
    m_worker->run(
        [source](const std::atomic<bool>& cancelled) {
            mining::OneShotOptions options;
            options.extractor.isCancelled = [&cancelled] { return cancelled.load(); };
            return mining::OneShotMiner(options).mine(*source);
        },
        [this, lane](Result<mining::OneShotResult> result) {
            if (!result) {
                m_status->setText(tr("Cannot find one-shots: %1").arg(QString::fromStdString(result.error())));
                emit failed(m_status->text());
                return;
            }
            m_result = std::make_shared<const mining::OneShotResult>(std::move(result).value());
            m_resultLane = lane;
            m_list->clear();
            for (const mining::HitGroup& group : m_result->groups) {
                const mining::OneShot& shot = m_result->hits[group.representative];
                m_list->addItem(tr("%1 ×%2 · %3 s · confidence %4")
                                    .arg(QString::fromLatin1(mining::hitClassName(group.hitClass)))
                                    .arg(group.members.size())
                                    .arg(double(shot.hit.attackFrame) / kEngineSampleRate, 0, 'f', 2)
                                    .arg(shot.classification.confidence, 0, 'f', 2));
            }
            m_exportButton->setEnabled(!m_result->groups.empty());
            // Two counts, each in its own plural form, joined by a third string.
            const QString hits =
                tr("%n hit(s)", "one-shots found in the drum stem", int(m_result->hits.size()));
            const QString groups = tr("%n group(s)", "groups of similar hits", int(m_result->groups.size()));
            m_status->setText(tr("%1 in %2", "12 hits in 4 groups").arg(hits, groups));
            emit oneShotsFound(static_cast<int>(m_result->hits.size()), static_cast<int>(m_result->groups.size()));
        });
    return true;
}

bool KitPanel::exportKit()
{
    const std::shared_ptr<const AudioBuffer> source = m_resultLane >= 0 ? m_song.lane(m_resultLane) : nullptr;
    if (!m_result || !source || m_exportFolder.isEmpty())
        return false;
    const QString base = QFileInfo(QString::fromStdString(m_song.metadata.sourcePath)).completeBaseName();
    const QString name = (base.isEmpty() ? QStringLiteral("kit") : base) + QStringLiteral(" - kit");
    const std::string folder = (m_exportFolder + QLatin1Char('/') + name).toStdString();
    m_status->setText(tr("Exporting the kit…"));
    m_worker->run(
        [source, result = m_result, folder, name = name.toStdString()](const std::atomic<bool>&) {
            return mining::exportDrumKit(*source, *result, mining::HitExtractor(), folder, name);
        },
        kitExportReply(this, m_status));
    return true;
}

} // namespace stemcrate::ui
