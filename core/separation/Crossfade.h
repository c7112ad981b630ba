#pragma once
// Adding separated windows into the stems: weights from the WindowPlan, normalisation undone.
// Internal to core/separation (includes torch). Called on the separating worker thread only.
// Units: frames.

#include "separation/Separator.h"
#include "separation/Windowing.h"

#include <ATen/core/Tensor.h>

#include <vector>

namespace stemcrate::separation {

// Adds windows first .. first + count - 1 of `result` ([count, sources, 2, W], float32, contiguous, CPU) into
// `out`. `weights` is scratch of W floats.
void crossfadeOnHost(const at::Tensor& result, const WindowPlan& plan, size_t first, size_t count,
                     float scale, float mean, std::vector<float>& weights, Stems& out);

} // namespace stemcrate::separation
