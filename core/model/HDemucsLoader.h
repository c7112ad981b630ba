#pragma once
// Builds an HDemucs whose configuration matches a checkpoint and loads its weights.
// Internal to core (includes torch). The configuration (low / medium / high, number of sources) is inferred
// from the tensor shapes, so any torchaudio HDemucs factory checkpoint loads. Thread: any; the returned
// module is owned by the caller.

#include "common/Result.h"
#include "model/HDemucs.h"

#include <string>

namespace stemcrate::model {

struct LoadedModel
{
    HDemucs module{nullptr};
    double loadSeconds = 0.0;
};

Result<LoadedModel> loadHDemucs(const std::string& checkpointPath);

} // namespace stemcrate::model
