#pragma once
// Reading torch.save'd state_dicts (zip format, e.g. torchaudio's hdemucs_high_trained.pt) without
// Python and without executing anything: the pickle inside is interpreted by RestrictedUnpickler, which
// accepts only the globals a state_dict needs and refuses everything else.
//
// Internal to core (includes ATen; the UI never sees this header). Ownership: a StateDict owns its
// tensors; tensors that shared a storage in the file share it here too. Threads: both functions are
// reentrant; loadStateDict writes into `module`, so nothing else may use that module meanwhile.
// Never throws: every failure comes back as an Error naming the file.

#include "common/Result.h"

#include <ATen/core/Tensor.h>

#include <string>
#include <vector>

namespace torch::nn {
class Module;
}

namespace stemcrate::model {

struct NamedTensor
{
    std::string key; // e.g. "freq_encoder.0.conv.weight"
    at::Tensor tensor;
};
using StateDict = std::vector<NamedTensor>; // in file order

// Reads a torch.save'd state_dict (zip format). Never executes anything: only the globals a state_dict
// needs are accepted. Tensors keep the dtype stored in the file (fp32, fp16, bf16, ...), live on the CPU
// and may be non-contiguous views.
Result<StateDict> readStateDict(const std::string& path);

// Validates every key and shape against module.named_parameters() + named_buffers() (recursive) and
// copies the values in, converting to each parameter's dtype (e.g. fp16/bf16 file -> fp32 model). A tensor
// that alone fills its storage and already has the parameter's dtype and device is adopted instead of
// copied: the parameter then shares that storage with `dict`. Nothing is changed unless everything matches.
// Errors name the missing or unexpected key(s), or the key and both shapes of a mismatch.
// inPlace: nothing is adopted; every value is copied into the parameter's own memory, whose address stays
// (a CUDA graph captured on the module reads its weights there).
Result<void> loadStateDict(torch::nn::Module& module, const StateDict& dict,
                           const std::string& pathForMessages, bool inPlace = false);

} // namespace stemcrate::model
