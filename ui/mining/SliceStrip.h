#pragma once
// SliceStrip: the chopped region's waveform with a marker at each slice start, numbered as the pads and
// number keys play them. Shows what it is given: an outline image (rendered on a worker) and the slices.
//
// Ownership: a widget. Threads: GUI thread. Units: frames of the source.

#include "mining/Slicer.h" // core's

#include <QImage>
#include <QWidget>

#include <vector>

namespace stemcrate::ui {

class SliceStrip : public QWidget
{
    Q_OBJECT

public:
    explicit SliceStrip(QWidget* parent = nullptr);

    void setSlices(int64_t startFrame, int64_t endFrame, std::vector<mining::Slice> slices, QImage outline);
    const std::vector<mining::Slice>& slices() const { return m_slices; }
    // Slice `index` is drawn highlighted (-1: none).
    void setActive(int index);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    int64_t m_startFrame = 0, m_endFrame = 0;
    std::vector<mining::Slice> m_slices;
    QImage m_outline;
    int m_active = -1;
};

} // namespace stemcrate::ui
