#pragma once
// Fixed-length windows over a track and the cross-fade weights that stitch them back together.
// Pure arithmetic, no torch. Units: frames.
//
// Every window has the same length (one shape for the model); the last one runs past the end of the track
// and is zero-padded. Neighbouring windows overlap by `overlapFrames` and are cross-faded with sin²/cos²
// ramps, so the weights of the windows covering any frame sum to 1 and no frame is covered by more than two.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace stemcrate::separation {

struct WindowPlan
{
    int64_t totalFrames = 0;
    int64_t windowFrames = 0;
    int64_t overlapFrames = 0;
    std::vector<int64_t> starts; // ascending; starts[0] == 0
    std::vector<float> rampIn;   // sin² fade-in over the overlap, sampled at frame centres

    int64_t hopFrames() const { return windowFrames - overlapFrames; }
    std::size_t count() const { return starts.size(); }
    // Frames [0, finalUpTo(k)) are final once windows 0..k have been added.
    int64_t finalUpTo(std::size_t k) const;
    // Weight of window k at frame offset i within it (0 <= i < windowFrames).
    float weight(std::size_t k, int64_t i) const;
};

// windowFrames <= 0 means "the whole track as one window, no padding". overlap is a fraction of the window,
// clamped to [0, 0.5].
WindowPlan planWindows(int64_t totalFrames, int64_t windowFrames, double overlap);

} // namespace stemcrate::separation
