#include "session/SelectionModel.h"

#include <algorithm>
#include <utility>

namespace stemcrate::ui {

SelectionModel::SelectionModel(QObject* parent) : QObject(parent) {}

void SelectionModel::reset(int64_t totalFrames)
{
    m_totalFrames = std::max<int64_t>(0, totalFrames);
    m_start = m_end = 0;
    emit changed();
}

void SelectionModel::set(int64_t start, int64_t end, int lane)
{
    if (end < start)
        std::swap(start, end);
    start = std::clamp<int64_t>(start, 0, m_totalFrames);
    end = std::clamp<int64_t>(end, 0, m_totalFrames);
    if (start == m_start && end == m_end && lane == m_lane)
        return;
    m_start = start;
    m_end = end;
    m_lane = lane;
    emit changed();
}

void SelectionModel::nudge(int64_t frames, bool endOnly)
{
    if (isEmpty())
        return;
    if (endOnly) {
        set(m_start, std::max(m_start + 1, m_end + frames), m_lane);
        return;
    }
    frames = std::clamp(frames, -m_start, m_totalFrames - m_end);
    set(m_start + frames, m_end + frames, m_lane);
}

} // namespace stemcrate::ui
