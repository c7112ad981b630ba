#pragma once
// TimelineView: the time ruler above one lane for the mix and one per stem, and a scroll bar; all share
// one TimelineViewport (zoom, scroll, playhead), the session's SelectionModel and one Snapper. It shows a
// SongDisplay (the song's lanes with their summaries and tiles, kept by the session); stem lanes appear
// when the first stem frames are published and fill as more arrive.
//
// Ownership: owns its viewport, snapper, lane widgets and the scratch their strokes are drawn in; shares the
// SongDisplay. The StemMixer and the SelectionModel are not owned: the lane headers write gain/solo/mute
// into the mixer (atomics).
// Threads: GUI thread. Units: frames.

#include "views/LaneAudio.h"
#include "views/SliceSpan.h"
#include "views/Snapper.h"
#include "views/StrokeScratch.h"

#include <QWidget>

#include <memory>
#include <vector>

class QScrollBar;
class QVBoxLayout;

namespace stemcrate::ui {

class LaneStrip;
class SelectionModel;
class SongDisplay;
struct LaneDisplay;
class LaneView;
class StemMixer;
class TimeRuler;
class TimelineViewport;

class TimelineView : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineView(SelectionModel& selection, QWidget* parent = nullptr);
    ~TimelineView() override;

    void setMixer(StemMixer* mixer);
    // Shows this song's lanes (null: none). The same display again (its stems were replaced or grew)
    // rebuilds only the lanes that changed. A different song resets zoom and playhead.
    void setDisplay(std::shared_ptr<const SongDisplay> display);
    // The shown display's stems are valid up to validFrames: new lanes appear, the others repaint.
    void stemsGrew(int64_t validFrames);

    void setSpectrogramVisible(bool visible);
    bool spectrogramVisible() const { return m_spectrogram; }
    // Beat positions for the ruler and for snapping (the analysis hook).
    void setBeatGrid(std::vector<int64_t> beatFrames, int beatsPerBar = 4, int firstDownbeat = 0);
    void setTransients(std::vector<int64_t> onsetFrames);
    // Chop's slices as markers on lane `lane` (the other lanes show none; no slices: none anywhere), and the
    // one playing (-1: none). They stay while this song is shown, also on lanes that appear later.
    void setSlices(int lane, std::vector<SliceSpan> slices);
    void setActiveSlice(int index);
    int slicedLane() const { return m_slicedLane; }

    TimelineViewport& viewport() { return *m_viewport; }
    Snapper& snapper() { return m_snapper; }
    TimeRuler& ruler() { return *m_ruler; }
    const StrokeScratch& strokeScratch() const { return m_strokeScratch; }
    int laneCount() const { return int(m_lanes.size()); }
    LaneStrip* lane(int index) const { return m_lanes[size_t(index)]; }
    // The audio of lane `index` (0 = mix); null lane audio when out of range.
    LaneAudio laneAudio(int index) const;

signals:
    void seekRequested(qint64 frame);
    void dragOutArmed(); // pressed inside the selection: a drag out may follow
    void dragOutRequested();

private:
    LaneStrip* addLane(const LaneDisplay& display);
    void hideSpares(); // the spares not reused: hidden, their audio let go
    void syncLanes();
    void syncScrollBar();

    TimelineViewport* m_viewport = nullptr; // child
    Snapper m_snapper;
    StrokeScratch m_strokeScratch; // made and touched here, before the first paint; lent to the lanes
    TimeRuler* m_ruler = nullptr;
    QScrollBar* m_scrollBar = nullptr;
    QVBoxLayout* m_lanesLayout = nullptr;
    std::vector<LaneStrip*> m_lanes; // children
    // Strips of the song shown before, hidden, without audio: at a song switch the next song's lanes reuse
    // the one at their place with their name (rebound, controls neutral), as new ones would be, so that a
    // switch does not build, polish and lay out five strips of widgets again (most of showSong()'s 3-8 ms
    // of GUI-thread CPU, bench_gui_stall --switch-paint-times). Children; the slot of a reused one is null.
    std::vector<LaneStrip*> m_spare;
    StemMixer* m_mixer = nullptr;
    SelectionModel& m_selection;
    std::shared_ptr<const SongDisplay> m_display;
    bool m_spectrogram = false;
    bool m_syncing = false;
    int m_slicedLane = -1;
    std::vector<SliceSpan> m_slices;
    int m_activeSlice = -1;
};

} // namespace stemcrate::ui
