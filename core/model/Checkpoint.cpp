#include "model/Checkpoint.h"

#include "model/RestrictedUnpickler.h"

#include <ATen/ops/from_blob.h>
#include <c10/core/GradMode.h>
#include <c10/util/Exception.h>
#include <caffe2/serialize/inline_container.h>
#include <torch/nn/module.h>

#include <array>
#include <bit>
#include <filesystem>
#include <fstream>
#include <memory>
#include <new>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace stemcrate::model {
namespace {

constexpr size_t kMaxKeysListed = 5;

Error fileError(const std::string& path, const std::string& clause)
{
    return makeError("checkpoint '" + path + "' " + clause);
}

// c10::Error messages can run over several lines; the first says what went wrong.
std::string firstLine(std::string_view text)
{
    return std::string(text.substr(0, text.find('\n')));
}

// Catches what the standard library and PyTorchStreamReader tell us before they would: a missing file,
// a folder, an empty file, a file that is not a zip (including pre-1.6 torch.save files).
Result<void> checkLooksLikeZip(const std::string& path)
{
    std::error_code code;
    const auto status = std::filesystem::status(path, code);
    if (!std::filesystem::exists(status))
        return fileError(path, "does not exist");
    if (std::filesystem::is_directory(status))
        return fileError(path, "is a folder, not a file");
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return fileError(path, "cannot be opened for reading");
    std::array<char, 4> head{};
    file.read(head.data(), head.size());
    const auto got = size_t(file.gcount());
    if (got == 0)
        return fileError(path, "is empty");
    const std::string_view start(head.data(), got);
    if (start == std::string_view("PK\x03\x04", 4))
        return {};
    // Pre-1.6 torch.save wrote a bare pickle stream that begins with PROTO 2, LONG1 <10-byte magic>.
    if (start == std::string_view("\x80\x02\x8a\x0a", 4))
        return fileError(path, "uses PyTorch's legacy (pre-1.6) format, which is not supported; re-save it "
                               "with a current torch.save");
    return fileError(path, "is not a PyTorch checkpoint (not a zip archive)");
}

// Storage records come back as freshly allocated buffers; the returned tensor adopts the buffer, so
// tensor data is copied only once on its way from the file into the model.
Result<at::Tensor> loadStorage(caffe2::serialize::PyTorchStreamReader& reader, const std::string& key,
                               at::ScalarType dtype, int64_t numel)
{
    const std::string record = "data/" + key;
    if (!reader.hasRecord(record))
        return makeError("is truncated or corrupt: tensor data '" + record + "' is missing");
    auto [dataPtr, bytes] = reader.getRecord(record);
    const auto elementSize = int64_t(c10::elementSize(dtype));
    if (numel > int64_t(bytes) / elementSize)
        return makeError("is truncated or corrupt: tensor data '" + record + "' holds " +
                         std::to_string(bytes) + " bytes, " + std::to_string(numel * elementSize) +
                         " expected");
    auto owner = std::make_shared<at::DataPtr>(std::move(dataPtr));
    void* data = owner->get();
    return at::from_blob(
        data, {numel}, [owner](void*) {}, at::TensorOptions().dtype(dtype).device(at::kCPU));
}

std::string shapeText(at::IntArrayRef sizes)
{
    std::string text = "[";
    for (size_t d = 0; d < sizes.size(); ++d)
        text += (d ? ", " : "") + std::to_string(sizes[d]);
    return text + "]";
}

std::string keyList(const std::vector<std::string>& keys)
{
    std::string text;
    for (size_t i = 0; i < keys.size() && i < kMaxKeysListed; ++i)
        text += (i ? ", '" : "'") + keys[i] + "'";
    if (keys.size() > kMaxKeysListed)
        text += " (and " + std::to_string(keys.size() - kMaxKeysListed) + " more)";
    return text;
}

} // namespace

Result<StateDict> readStateDict(const std::string& path)
{
    if constexpr (std::endian::native != std::endian::little)
        return fileError(path, "cannot be read on a big-endian machine");
    if (auto looksRight = checkLooksLikeZip(path); !looksRight)
        return Error{looksRight.error()};

    try {
        caffe2::serialize::PyTorchStreamReader reader(path);
        if (!reader.hasRecord("data.pkl"))
            return fileError(path, "is not a PyTorch checkpoint (it has no data.pkl)");
        // torch >= 2.1 records the byte order of the tensor data; older files are little-endian in practice.
        if (reader.hasRecord("byteorder")) {
            auto [order, orderBytes] = reader.getRecord("byteorder");
            const std::string_view text(static_cast<const char*>(order.get()), orderBytes);
            if (text != "little")
                return fileError(path, "was saved on a big-endian machine, which is not supported");
        }
        auto [pickle, pickleBytes] = reader.getRecord("data.pkl");
        const std::span<const uint8_t> pickleData(static_cast<const uint8_t*>(pickle.get()), pickleBytes);
        Result<StateDict> dict = unpickleStateDict(
            pickleData, [&reader](const std::string& key, at::ScalarType dtype, int64_t numel) {
                return loadStorage(reader, key, dtype, numel);
            });
        if (!dict)
            return fileError(path, dict.error());
        return dict;
    } catch (const c10::Error& error) {
        return fileError(path, "is truncated or corrupt: " + firstLine(error.what_without_backtrace()));
    } catch (const std::bad_alloc&) {
        return fileError(path, "is too large to load (out of memory)");
    } catch (const std::exception& error) {
        // e.g. std::invalid_argument from parsing a garbled version record
        return fileError(path, "is truncated or corrupt: " + firstLine(error.what()));
    } catch (...) {
        return fileError(path, "cannot be read");
    }
}

Result<void> loadStateDict(torch::nn::Module& module, const StateDict& dict,
                           const std::string& pathForMessages, bool inPlace)
{
    try {
        std::vector<std::pair<std::string, at::Tensor>> targets;
        for (const auto& item : module.named_parameters(/*recurse=*/true))
            targets.emplace_back(item.key(), item.value());
        for (const auto& item : module.named_buffers(/*recurse=*/true))
            targets.emplace_back(item.key(), item.value());

        std::unordered_map<std::string_view, const at::Tensor*> fromFile;
        for (const NamedTensor& entry : dict)
            fromFile[entry.key] = &entry.tensor;

        // Check everything before copying anything, so a bad file leaves the model untouched.
        std::vector<std::string> missing;
        std::unordered_set<std::string_view> expected;
        for (const auto& [key, target] : targets) {
            expected.insert(key);
            if (!fromFile.contains(key))
                missing.push_back(key);
        }
        std::vector<std::string> unexpected;
        for (const NamedTensor& entry : dict)
            if (!expected.contains(entry.key))
                unexpected.push_back(entry.key);
        if (!missing.empty() || !unexpected.empty()) {
            std::string clause = "does not fit this model:";
            if (!missing.empty())
                clause += " missing key(s) " + keyList(missing) + (unexpected.empty() ? "" : ";");
            if (!unexpected.empty())
                clause += " unexpected key(s) " + keyList(unexpected);
            return fileError(pathForMessages, clause);
        }
        for (const auto& [key, target] : targets) {
            const at::Tensor& value = *fromFile.at(key);
            if (target.sizes() != value.sizes())
                return fileError(pathForMessages, "does not fit this model: '" + key + "' has shape " +
                                                      shapeText(value.sizes()) +
                                                      " in the file, the model expects " +
                                                      shapeText(target.sizes()));
        }

        // A tensor that alone fills its storage, already in the parameter's dtype and device, becomes the
        // parameter's data as it is: no second copy of the weights, no page faults for one. Others are copied
        // (converting fp16/bf16 to fp32, or out of a storage several tensors share).
        std::unordered_map<const void*, int> storageUsers;
        for (const NamedTensor& entry : dict)
            ++storageUsers[entry.tensor.storage().data()];
        c10::NoGradGuard noGrad; // parameters require grad; writing them in place must not be recorded
        for (auto& [key, target] : targets) {
            const at::Tensor& value = *fromFile.at(key);
            const bool adopt = !inPlace && value.scalar_type() == target.scalar_type() &&
                               value.device() == target.device() && value.is_contiguous() &&
                               value.storage_offset() == 0 && value.storage().nbytes() == value.nbytes() &&
                               storageUsers[value.storage().data()] == 1;
            if (adopt)
                target.set_data(value);
            else
                target.copy_(value);
        }
        return {};
    } catch (const c10::Error& error) {
        return fileError(pathForMessages,
                         "could not be loaded into the model: " + firstLine(error.what_without_backtrace()));
    } catch (const std::exception& error) {
        return fileError(pathForMessages, "could not be loaded into the model: " + firstLine(error.what()));
    }
}

} // namespace stemcrate::model
