#include "mining/ChopPanel.h"

#include "mining/KitExportStatus.h"
#include "mining/KitExporter.h"
#include "mining/MiningWorker.h"
#include "mining/PadGrid.h"
#include "mining/SliceStrip.h"
#include "mining/WaveformThumbnail.h"
#include "playback/Transport.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace stemcrate::ui {

namespace {
constexpr QSize kOutlineSize(600, 48);
constexpr int kEndPollMs = 10;
constexpr int kNumberKeys = 10; // 1-9, then 0 for slice 10
} // namespace

ChopPanel::ChopPanel(Transport& transport, QWidget* parent)
    : QWidget(parent), m_transport(transport), m_worker(new MiningWorker(this)), m_mode(new QComboBox(this)),
      m_count(new QSpinBox(this)), m_chopButton(new QPushButton(tr("Chop"), this)),
      m_exportButton(new QPushButton(tr("Export slices…"), this)), m_strip(new SliceStrip(this)),
      m_pads(new PadGrid(this)), m_status(new QLabel(this)), m_sliceEnd(new QTimer(this))
{
    setObjectName(QStringLiteral("chopPanel"));
    m_mode->addItem(tr("Equal parts"), int(mining::SliceMode::Equal));
    m_mode->addItem(tr("Beats"), int(mining::SliceMode::Beats));
    m_mode->addItem(tr("Transients"), int(mining::SliceMode::Transients));
    m_count->setRange(2, 64);
    m_count->setValue(16);
    m_exportButton->setEnabled(false);
    auto* controls = new QHBoxLayout;
    controls->addWidget(m_mode);
    controls->addWidget(m_count);
    controls->addWidget(m_chopButton);
    controls->addWidget(m_exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(controls);
    layout->addWidget(m_strip);
    layout->addWidget(m_pads, 1);
    layout->addWidget(m_status);
    m_status->setText(tr("Select a region on a lane, then Chop. Keys 1-9 and 0 play the slices."));

    connect(m_mode, &QComboBox::currentIndexChanged, this,
            [this] { m_count->setEnabled(m_mode->currentData().toInt() == int(mining::SliceMode::Equal)); });
    connect(m_chopButton, &QPushButton::clicked, this, &ChopPanel::chop);
    connect(m_exportButton, &QPushButton::clicked, this, &ChopPanel::exportSlices);
    connect(m_pads, &PadGrid::padTriggered, this, &ChopPanel::playSlice);
    for (int k = 0; k < kNumberKeys; ++k) {
        auto* key = new QShortcut(QKeySequence(Qt::Key_1 + (k == 9 ? -1 : k)), this, nullptr, nullptr,
                                  Qt::WidgetWithChildrenShortcut);
        connect(key, &QShortcut::activated, this, [this, k] { m_pads->trigger(k); });
    }
    m_sliceEnd->setInterval(kEndPollMs);
    connect(m_sliceEnd, &QTimer::timeout, this, &ChopPanel::stopSliceAtEnd);
}

void ChopPanel::setSong(MiningSong song)
{
    m_worker->cancelAll();
    m_song = std::move(song);
    m_lane = -1;
    m_sliceEnd->stop();
    const bool hadSlices = !m_slices.empty();
    m_slices.clear();
    m_strip->setSlices(0, 0, {}, {});
    m_pads->setPadCount(0);
    m_exportButton->setEnabled(false);
    if (hadSlices)
        emit slicesChanged(0);
}

void ChopPanel::setSelection(int lane, int64_t startFrame, int64_t endFrame)
{
    m_lane = lane;
    m_startFrame = startFrame;
    m_endFrame = endFrame;
}

void ChopPanel::setMode(mining::SliceMode mode, int count)
{
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
    m_count->setValue(count);
}

mining::SliceOptions ChopPanel::sliceOptions() const
{
    mining::SliceOptions options;
    options.mode = static_cast<mining::SliceMode>(m_mode->currentData().toInt());
    options.count = m_count->value();
    return options;
}

bool ChopPanel::chop()
{
    const std::shared_ptr<const AudioBuffer> source = m_lane >= 0 ? m_song.lane(m_lane) : nullptr;
    const bool separated = m_lane == 0 || (m_song.stems && m_song.stems->validFrames() >= m_endFrame);
    if (!source || m_endFrame <= m_startFrame || !separated) {
        m_status->setText(!source || m_endFrame <= m_startFrame ? tr("Select a region on a lane first.")
                                                                 : tr("That part is still being separated."));
        return false;
    }
    m_status->setText(tr("Chopping…"));
    const mining::SliceOptions options = sliceOptions();
    const int lane = m_lane;
    const int64_t start = m_startFrame, end = m_endFrame;
    struct Chopped
    {
        Result<std::vector<mining::Slice>> slices;
        QImage outline;
    };
    m_worker->run(
        [source, options, start, end](const std::atomic<bool>&) {
            return Chopped{mining::Slicer(options).plan(*source, start, end),
                           renderWaveformThumbnail(*source, start, end, kOutlineSize)};
        },
        [this, lane, start, end](Chopped chopped) {
            if (!chopped.slices) {
                m_status->setText(tr("Cannot chop: %1").arg(QString::fromStdString(chopped.slices.error())));
                emit failed(m_status->text());
                return;
            }
            m_slices = std::move(chopped.slices).value();
            m_slicedLane = lane;
            m_strip->setSlices(start, end, m_slices, std::move(chopped.outline));
            m_pads->setPadCount(static_cast<int>(m_slices.size()));
            m_exportButton->setEnabled(!m_slices.empty());
            m_status->setText(tr("%n slice(s): keys 1-9 and 0 or the pads play them.", nullptr,
                                 static_cast<int>(m_slices.size())));
            emit slicesChanged(static_cast<int>(m_slices.size()));
        });
    return true;
}

void ChopPanel::playSlice(int index)
{
    if (index < 0 || index >= static_cast<int>(m_slices.size()))
        return;
    const mining::Slice& slice = m_slices[static_cast<size_t>(index)];
    StemMixer& mixer = m_transport.mixer();
    for (int l = 0; l < StemMixer::kMaxLanes; ++l)
        mixer.setSoloed(l, l == m_slicedLane && m_slicedLane > 0);
    mixer.setLoop(0, 0, false);
    m_transport.seek(slice.startFrame);
    m_transport.play();
    m_playingEnd = slice.endFrame;
    m_sliceEnd->start();
    m_strip->setActive(index);
    emit activeSliceChanged(index);
    emit slicePlayed(index, slice.startFrame, slice.endFrame);
}

void ChopPanel::stopSliceAtEnd()
{
    if (!m_transport.isPlaying() || m_transport.audiblePosition() >= m_playingEnd) {
        m_sliceEnd->stop();
        m_transport.pause();
        m_strip->setActive(-1);
        emit activeSliceChanged(-1);
    }
}

bool ChopPanel::exportSlices()
{
    const std::shared_ptr<const AudioBuffer> source = m_slicedLane >= 0 ? m_song.lane(m_slicedLane) : nullptr;
    if (!source || m_slices.empty() || m_exportFolder.isEmpty())
        return false;
    const QString base = QFileInfo(QString::fromStdString(m_song.metadata.sourcePath)).completeBaseName();
    const QString name = (base.isEmpty() ? QStringLiteral("slices") : base) + QStringLiteral(" - ") +
                         m_song.laneName(m_slicedLane) + QStringLiteral(" - slices");
    const std::string folder = (m_exportFolder + QLatin1Char('/') + name).toStdString();
    const std::vector<mining::Slice> slices = m_slices;
    const mining::SliceOptions options = sliceOptions();
    m_status->setText(tr("Exporting slices…"));
    m_worker->run(
        [source, slices, options, folder, name = name.toStdString()](const std::atomic<bool>&) {
            const mining::Slicer slicer(options);
            std::vector<AudioBuffer> audio;
            for (const mining::Slice& slice : slices)
                audio.push_back(slicer.render(*source, slice));
            return mining::exportSliceKit(audio, folder, name);
        },
        kitExportReply(this, m_status));
    return true;
}

} // namespace stemcrate::ui
