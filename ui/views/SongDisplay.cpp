#include "views/SongDisplay.h"

#include "views/SpectrogramRenderer.h"
#include "views/WaveformFill.h"

#include <QCoreApplication>

#include <utility>

namespace stemcrate::ui {

SongDisplay::SongDisplay(std::shared_ptr<const AudioBuffer> mix, ViewWorkers& workers)
    : m_workers(workers), m_mix(std::move(mix))
{
    if (m_mix)
        m_lanes.push_back(makeLane(QCoreApplication::translate("stemcrate::ui::TimelineView", "mix"),
                                   LaneAudio{m_mix, nullptr, 0}));
}

SongDisplay::~SongDisplay() = default;

LaneDisplay SongDisplay::makeLane(const QString& name, LaneAudio audio)
{
    LaneDisplay lane;
    lane.name = name;
    lane.audio = audio;
    lane.waveform = std::make_shared<WaveformFill>(audio, m_workers);
    lane.spectrogram = std::make_shared<SpectrogramRenderer>(audio, m_workers);
    return lane;
}

void SongDisplay::setStems(std::shared_ptr<const StemSet> stems)
{
    if (stems == m_stems)
        return;
    while (m_lanes.size() > 1) {
        m_dropped.push_back(std::move(m_lanes.back()));
        m_lanes.pop_back();
    }
    m_stems = std::move(stems);
    stemsGrew();
}

bool SongDisplay::stemsGrew()
{
    if (!m_mix || !m_stems || m_stems->validFrames() <= 0)
        return false;
    if (m_lanes.size() <= 1) {
        // The names and buffers exist from the first publication on.
        const separation::Stems& stems = m_stems->stems();
        for (int i = 0; i < int(stems.names.size()); ++i)
            m_lanes.push_back(
                makeLane(QString::fromStdString(stems.names[size_t(i)]), LaneAudio{nullptr, m_stems, i}));
        return true;
    }
    for (size_t i = 1; i < m_lanes.size(); ++i)
        m_lanes[i].waveform->audioGrew();
    return false;
}

void LaneDisplay::takeWorkerMemory(std::vector<std::shared_ptr<const void>>& out)
{
    if (waveform)
        waveform->takeWorkerMemory(out);
    if (spectrogram)
        spectrogram->takeWorkerMemory(out);
    out.push_back(std::move(audio.mix));
    out.push_back(std::move(audio.stems));
}

void SongDisplay::takeWorkerMemory(std::vector<std::shared_ptr<const void>>& out)
{
    for (std::vector<LaneDisplay>* lanes : {&m_lanes, &m_dropped})
        for (LaneDisplay& lane : *lanes)
            lane.takeWorkerMemory(out);
    out.push_back(std::move(m_mix));
    out.push_back(std::move(m_stems));
}

std::vector<LaneDisplay> SongDisplay::takeDropped()
{
    return std::exchange(m_dropped, {});
}

} // namespace stemcrate::ui
