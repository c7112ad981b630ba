#pragma once
// ChopPanel: chops the timeline's selection (or a loop suggestion) as a sampler does: into N equal parts,
// into beats or at transients (core's Slicer, on a worker). The slices show as markers on a SliceStrip and
// play from the number keys 1-9 and 0 (slice 10) or from a 4x4 PadGrid (slicesChanged and activeSliceChanged
// let the timeline mark them on the lane they were cut from); each plays once through the
// transport with its lane soloed. "Export slices" writes the numbered files plus an SFZ and a .dspreset
// mapping them chromatically from C1 (core's exportSliceKit) into the export folder, on the worker.
//
// Ownership: a widget; references the window's Transport (it outlives the panel).
// Threads: GUI thread; slicing, rendering and writing on its MiningWorker. Units: frames at 44.1 kHz.

#include "mining/MiningSong.h"
#include "mining/Slicer.h" // core's

#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTimer;

namespace stemcrate::ui {

class MiningWorker;
class PadGrid;
class SliceStrip;
class Transport;

class ChopPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ChopPanel(Transport& transport, QWidget* parent = nullptr);

    void setSong(MiningSong song);
    // What Chop cuts: frames [startFrame, endFrame) of lane `lane` (0 the mix, 1.. the stems).
    void setSelection(int lane, int64_t startFrame, int64_t endFrame);
    void setExportFolder(const QString& folder) { m_exportFolder = folder; }

    void setMode(mining::SliceMode mode, int count = 16);
    // Starts slicing the selection on the worker; slicesChanged follows. False when there is nothing to cut.
    bool chop();
    // Plays slice `index` once (0-based).
    void playSlice(int index);
    // Writes the slices as a kit into the export folder, on the worker; kitExported or failed follows.
    bool exportSlices();

    const std::vector<mining::Slice>& slices() const { return m_slices; }
    // The lane the slices were cut from (-1: no slices).
    int slicedLane() const { return m_slices.empty() ? -1 : m_slicedLane; }
    PadGrid* padGrid() const { return m_pads; }

signals:
    void slicesChanged(int count); // also 0 when a new song clears them
    void activeSliceChanged(int index); // the slice playing, -1 when none
    void slicePlayed(int index, int64_t startFrame, int64_t endFrame);
    void kitExported(const QString& sfzPath, const QString& dspresetPath);
    void failed(const QString& message);

private:
    mining::SliceOptions sliceOptions() const;
    void stopSliceAtEnd();

    Transport& m_transport;
    MiningWorker* m_worker; // children from here
    QComboBox* m_mode;
    QSpinBox* m_count;
    QPushButton* m_chopButton;
    QPushButton* m_exportButton;
    SliceStrip* m_strip;
    PadGrid* m_pads;
    QLabel* m_status;
    QTimer* m_sliceEnd; // pauses at the end of a played slice
    MiningSong m_song;
    int m_lane = -1;
    int64_t m_startFrame = 0, m_endFrame = 0;
    std::vector<mining::Slice> m_slices;
    int m_slicedLane = -1;
    int64_t m_playingEnd = -1;
    QString m_exportFolder;
};

} // namespace stemcrate::ui
