#pragma once
// A restricted pickle interpreter for the data.pkl of a torch.save'd state_dict (see Checkpoint.h).
// It understands the protocol-2 opcodes torch.save emits (plus a few trivial protocol-3/4 ones) and
// accepts only the globals a state_dict needs: collections.OrderedDict, torch._utils._rebuild_tensor_v2
// and _rebuild_parameter, and the typed storage classes (torch.FloatStorage, ...). Any other global is
// refused where it is named (GLOBAL, STACK_GLOBAL, INST), before anything could call it; nothing is ever
// executed or imported.
//
// Every read is bounds-checked; malformed input (truncation, stack underflow, memo misses, unknown
// opcodes, out-of-range strides) yields an Error, never a crash. Internal to core: includes ATen.
// Reentrant: no shared state, any thread may call it.

#include "common/Result.h"
#include "model/Checkpoint.h"

#include <ATen/core/Tensor.h>
#include <c10/core/ScalarType.h>

#include <cstdint>
#include <functional>
#include <span>
#include <string>

namespace stemcrate::model {

// Returns the storage record `key` (archive/data/<key>) as a 1-D CPU tensor of `numel` elements of
// `dtype`, or an Error if the record is missing or too small. Called once per distinct key.
using StorageLoader =
    std::function<Result<at::Tensor>(const std::string& key, at::ScalarType dtype, int64_t numel)>;

// Interprets `pickle` (the bytes of data.pkl). Tensors are views into the loaded storages (shared
// storages stay shared, as with torch.load). Error messages are clauses meant to follow the file's
// name: "is not a plain state_dict: refused global 'posix.system'", "is truncated or corrupt: ...".
Result<StateDict> unpickleStateDict(std::span<const uint8_t> pickle, const StorageLoader& loadStorage);

} // namespace stemcrate::model
