#pragma once
// EngineChoice: what a Separator runs on for given options on this build and machine: the device (Auto
// resolved to CUDA when a usable CUDA device exists, else the CPU), the GPU's name, the precision (Auto
// resolved: float16 on CUDA, float32 on the CPU) and the intra-op threads (0 resolved from ThreadBudget).
// Separator::load() takes its choice from here, so what the app shows is what runs.
//
// Threads: any thread, but forOptions() may initialise the CUDA runtime (seconds on a machine with a GPU):
// call it from a worker, never the GUI thread. Plain value type.

#include "separation/Separator.h"

#include <string>

namespace stemcrate::separation {

struct EngineChoice
{
    Device device = Device::Cpu;              // Cpu or Cuda, never Auto
    std::string deviceName;                   // the GPU's name ("NVIDIA H200"); empty on the CPU
    Precision precision = Precision::Float32; // never Auto
    int threads = 1;                          // libtorch intra-op threads

    static EngineChoice forOptions(const SeparatorOptions& options);
};

const char* precisionName(Precision precision); // "float32", "bfloat16", "float16" ("auto" for Auto)

} // namespace stemcrate::separation
