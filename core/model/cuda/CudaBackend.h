#pragma once
// CudaBackend: HDemucs's kernels on CUDA (Backend.h), for float32, float16 and bfloat16 where the fused
// kernels run (FusedCuda.h): channels-last throughout (the time branch as [B, C, 1, L], cuDNN's NHWC
// kernels over a [1, K] window), every convolution's bias, norm, activation and residual one fused kernel
// after it, transposed convolutions as a GEMM plus one overlap-add kernel, each decoder adding the next
// one's skip in its last kernel. Compiled in every build (the kernels it calls are stubs without CUDA);
// backendFor() picks it only where fused::applies. Internal to core/model; stateless, any thread under the
// caller's CUDA device and stream.

#include "model/Backend.h"

namespace stemcrate::model {

const Backend& cudaBackend();

} // namespace stemcrate::model
