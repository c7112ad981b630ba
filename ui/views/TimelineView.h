#pragma once
// TimelineView: the time ruler above one lane for the mix and one per stem, and a scroll bar; all share
// one TimelineViewport (zoom, scroll, selection, playhead) and one Snapper. Stem lanes appear when the
// first stem frames are published and fill as more arrive.
//
// Ownership: owns its viewport, snapper and lanes; shares the audio. The StemMixer is not owned: the lane
// headers write gain/solo/mute into it (atomics). Threads: GUI thread. Units: frames.

#include "views/LaneAudio.h"
#include "views/Snapper.h"

#include <QWidget>

#include <memory>
#include <vector>

class QScrollBar;
class QVBoxLayout;

namespace stemcrate::ui {

class LaneStrip;
class LaneView;
class StemMixer;
class TimeRuler;
class TimelineViewport;

class TimelineView : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineView(QWidget* parent = nullptr);
    ~TimelineView() override;

    void setMixer(StemMixer* mixer);
    // A new song: one mix lane; stem lanes follow setStems()/stemsGrew(). Null clears the view.
    void setSong(std::shared_ptr<const AudioBuffer> mix);
    void setStems(std::shared_ptr<const StemSet> stems);
    void stemsGrew(int64_t validFrames);

    void setSpectrogramVisible(bool visible);
    bool spectrogramVisible() const { return m_spectrogram; }
    // Beat positions for the ruler and for snapping (the analysis hook).
    void setBeatGrid(std::vector<int64_t> beatFrames, int beatsPerBar = 4, int firstDownbeat = 0);
    void setTransients(std::vector<int64_t> onsetFrames);

    TimelineViewport& viewport() { return *m_viewport; }
    Snapper& snapper() { return m_snapper; }
    TimeRuler& ruler() { return *m_ruler; }
    int laneCount() const { return int(m_lanes.size()); }
    LaneStrip* lane(int index) const { return m_lanes[size_t(index)]; }
    // The audio of lane `index` (0 = mix); null lane audio when out of range.
    LaneAudio laneAudio(int index) const;

signals:
    void seekRequested(qint64 frame);
    void dragOutRequested();

private:
    LaneStrip* addLane(const QString& name, const LaneAudio& audio);
    void clearLanes();
    void syncScrollBar();

    TimelineViewport* m_viewport = nullptr; // child
    Snapper m_snapper;
    TimeRuler* m_ruler = nullptr;
    QScrollBar* m_scrollBar = nullptr;
    QVBoxLayout* m_lanesLayout = nullptr;
    std::vector<LaneStrip*> m_lanes; // children
    StemMixer* m_mixer = nullptr;
    std::shared_ptr<const AudioBuffer> m_mix;
    std::shared_ptr<const StemSet> m_stems;
    bool m_spectrogram = false;
    bool m_syncing = false;
};

} // namespace stemcrate::ui
