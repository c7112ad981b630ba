#include "model/Backend.h"

#include "model/cpu/CpuBackend.h"
#include "model/cuda/CudaBackend.h"
#include "model/cuda/FusedCuda.h"

namespace stemcrate::model {

const Backend& backendFor(const at::TensorOptions& options)
{
    return fused::applies(options) ? cudaBackend() : cpuBackend();
}

} // namespace stemcrate::model
