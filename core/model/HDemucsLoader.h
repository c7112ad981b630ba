#pragma once
// Builds an HDemucs whose configuration matches a checkpoint, loads its weights and prepares it for `device`
// and `dtype` (HDemucsImpl::prepare). Internal to core (includes torch). The configuration (low / medium /
// high, number of sources) is inferred from the tensor shapes, so any torchaudio HDemucs factory checkpoint
// loads. Thread: any (it starts one of its own on a GPU, joined before it returns); the returned module is
// owned by the caller, ready for forward passes.

#include "common/Result.h"
#include "model/HDemucs.h"

#include <functional>
#include <future>
#include <string>
#include <utility>
#include <vector>

namespace stemcrate::model {

struct LoadedModel
{
    HDemucs module{nullptr};
    double loadSeconds = 0.0;    // the whole load, prepare() included
    double prepareSeconds = 0.0; // of which, on the caller's thread: prepare(device, dtype), or where the
                                 // model was warmed up, uploading the weights into it
    bool warmedUp = false;       // `module` is the one the WarmUp ran on (with its weights in place since)
    // Where the load's time went, for benchmarks and logs: (event, seconds since the load's start), in order.
    std::vector<std::pair<std::string, double>> marks;
};

// On a GPU, work that needs the prepared model but not its weights' values (the first pass's cuDNN plans, a
// CUDA graph's capture: they depend on shapes and addresses only). It runs on the loader's model thread,
// which builds the usual layout (torchaudio's high) and prepares it while the caller's thread reads the
// checkpoint; the weights are then copied into the same device memory (HDemucsImpl::refreshPrepared).
// gpuFree() blocks until the caller's thread is done with the GPU for the load (the weights' upload): call it
// before a graph capture. A WarmUp must call it exactly once (also when it fails). Returns false when it
// failed; the load then goes on as without one. Not used when the checkpoint has another layout.
using WarmUp = std::function<bool(HDemucs& module, const std::function<void()>& gpuFree)>;

// The usual layout (torchaudio's high) constructed on a thread of its own (0.1 s of random initialisation,
// which the checkpoint overwrites), for loadHDemucs: a caller that knows early that it may load for a GPU
// starts it before anything else of the load waits (the CUDA driver's start, 0.1 s). Invalid when no thread
// could be started.
std::shared_future<HDemucs> constructUsualModel();

// usual: constructUsualModel()'s, if started; on a GPU the loader starts one itself otherwise. Used when
// the checkpoint has its layout.
Result<LoadedModel> loadHDemucs(const std::string& checkpointPath, torch::Device device = torch::kCPU,
                                torch::ScalarType dtype = torch::kFloat32, const WarmUp& warmUp = {},
                                std::shared_future<HDemucs> usual = {});

} // namespace stemcrate::model
