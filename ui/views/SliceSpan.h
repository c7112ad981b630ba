#pragma once
// SliceSpan: one of Chop's slices as the timeline's lanes mark it. Plain value. Units: frames at 44.1 kHz.

#include <cstdint>

namespace stemcrate::ui {

struct SliceSpan
{
    int64_t startFrame = 0;
    int64_t endFrame = 0; // exclusive
};

} // namespace stemcrate::ui
