#pragma once
// CpuBackend: HDemucs's kernels on the CPU (Backend.h). Float32 runs the engine's own kernels: convolutions
// through oneDNN (3x3 ones as Winograd, WinogradConv.h), pointwise and transposed ones as split GEMMs
// (ParallelGemm.h) finished in one pass (ElementwiseCpu.h), the LSTM recurrence in LstmCpu.h, norms and
// activations fused (ElementwiseCpu.h), the iSTFT's overlap-add our own. Other dtypes, and other devices
// (a CUDA model with the fused kernels switched off, or in float64), take libtorch's operators in the same
// layouts. Internal to core/model; stateless, any thread.

#include "model/Backend.h"

namespace stemcrate::model {

const Backend& cpuBackend();

} // namespace stemcrate::model
