#include "separation/EngineChoice.h"

#include "common/ThreadBudget.h"

#ifdef STEMCRATE_HAVE_CUDA
#include <cuda_runtime_api.h>
#endif

namespace stemcrate::separation {

EngineChoice EngineChoice::forOptions(const SeparatorOptions& options)
{
    EngineChoice choice;
    choice.device = options.device;
    if (choice.device == Device::Auto)
        choice.device = Separator::deviceAvailable(Device::Cuda) ? Device::Cuda : Device::Cpu;
    const bool onGpu = choice.device == Device::Cuda;
#ifdef STEMCRATE_HAVE_CUDA
    if (onGpu && Separator::deviceAvailable(Device::Cuda)) {
        // The name is for display only; load() reports a device that does not work.
        int device = 0;
        cudaDeviceProp properties{};
        if (cudaGetDevice(&device) == cudaSuccess &&
            cudaGetDeviceProperties(&properties, device) == cudaSuccess)
            choice.deviceName = properties.name;
    }
#endif
    // Auto on a GPU is float16: measured at 52-53 dB SNR against float32 per stem, where bfloat16's shorter
    // mantissa gave 34-35 dB (BENCHMARKS.md).
    choice.precision = options.precision != Precision::Auto ? options.precision
                       : onGpu                              ? Precision::Float16
                                                            : Precision::Float32;
    choice.threads =
        options.threads > 0 ? options.threads : ThreadBudget::forThisMachine(onGpu).separationThreads;
    return choice;
}

const char* precisionName(Precision precision)
{
    switch (precision) {
    case Precision::Float32:
        return "float32";
    case Precision::BFloat16:
        return "bfloat16";
    case Precision::Float16:
        return "float16";
    case Precision::Auto:
        break;
    }
    return "auto";
}

} // namespace stemcrate::separation
