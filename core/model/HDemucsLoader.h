#pragma once
// Builds an HDemucs whose configuration matches a checkpoint, loads its weights and prepares it for `device`
// and `dtype` (HDemucsImpl::prepare). Internal to core (includes torch). The configuration (low / medium /
// high, number of sources) is inferred from the tensor shapes, so any torchaudio HDemucs factory checkpoint
// loads. Thread: any; the returned module is owned by the caller, ready for forward passes.

#include "common/Result.h"
#include "model/HDemucs.h"

#include <string>

namespace stemcrate::model {

struct LoadedModel
{
    HDemucs module{nullptr};
    double loadSeconds = 0.0;    // the whole load, prepare() included
    double prepareSeconds = 0.0; // of which prepare(device, dtype): moving, converting, building layouts
};

Result<LoadedModel> loadHDemucs(const std::string& checkpointPath, torch::Device device = torch::kCPU,
                                torch::ScalarType dtype = torch::kFloat32);

} // namespace stemcrate::model
