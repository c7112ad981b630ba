#include "model/HDemucsLoader.h"

#include "model/Checkpoint.h"
#include "model/cpu/TensorCache.h"

#include <algorithm>
#include <chrono>
#include <future>
#include <system_error>
#include <torch/torch.h>

namespace stemcrate::model {

namespace {

const torch::Tensor* find(const StateDict& dict, const std::string& key)
{
    for (const auto& named : dict)
        if (named.key == key)
            return &named.tensor;
    return nullptr;
}

// The factory configurations differ in nfft and depth; the frequency embedding has nfft / 8 rows and the
// freq encoder has `depth` layers. The last decoder writes 2 * audioChannels * sources channels.
Result<HDemucsConfig> inferConfig(const StateDict& dict, const std::string& path)
{
    const torch::Tensor* emb = find(dict, "freq_emb.embedding.weight");
    if (!emb || emb->dim() != 2)
        return makeError("'" + path + "' is not an HDemucs checkpoint (no freq_emb.embedding.weight)");
    int depth = 0;
    while (find(dict, "freq_encoder." + std::to_string(depth) + ".conv.weight"))
        ++depth;
    HDemucsConfig config;
    const int64_t rows = emb->size(0);
    if (rows == 512 && depth == 6)
        config = HDemucsConfig::high();
    else if (rows == 256 && depth == 6)
        config = HDemucsConfig::medium();
    else if (rows == 128 && depth == 5)
        config = HDemucsConfig::low();
    else
        return makeError("'" + path + "' has an HDemucs layout Stemcrate does not know (" +
                         std::to_string(depth) + " layers, " + std::to_string(rows) + " frequency rows)");
    const torch::Tensor* last = find(dict, "freq_decoder." + std::to_string(depth - 1) + ".conv_tr.weight");
    if (!last || last->dim() < 2 || last->size(1) % (2 * config.audioChannels) != 0)
        return makeError("'" + path + "' is not an HDemucs checkpoint (bad final decoder layer)");
    const int64_t sources = last->size(1) / (2 * config.audioChannels);
    if (sources != static_cast<int64_t>(config.sources.size())) {
        config.sources.clear();
        for (int64_t s = 0; s < sources; ++s)
            config.sources.push_back("source" + std::to_string(s + 1));
    }
    return config;
}

bool sameLayout(const HDemucsConfig& a, const HDemucsConfig& b)
{
    return a.sources == b.sources && a.audioChannels == b.audioChannels && a.channels == b.channels &&
           a.growth == b.growth && a.nfft == b.nfft && a.depth == b.depth && a.freqEmb == b.freqEmb &&
           a.embScale == b.embScale && a.kernelSize == b.kernelSize && a.timeStride == b.timeStride &&
           a.stride == b.stride && a.context == b.context && a.contextEnc == b.contextEnc &&
           a.normStarts == b.normStarts && a.normGroups == b.normGroups && a.dconvDepth == b.dconvDepth &&
           a.dconvComp == b.dconvComp && a.dconvAttn == b.dconvAttn && a.dconvLstm == b.dconvLstm;
}

} // namespace

std::shared_future<HDemucs> constructUsualModel()
{
    try {
        return std::async(std::launch::async,
                          [] {
                              const ScopedSmallPages small;
                              return HDemucs(HDemucsConfig::high());
                          })
            .share();
    } catch (const std::system_error&) {
        return {}; // no thread: loadHDemucs constructs it
    }
}

Result<LoadedModel> loadHDemucs(const std::string& checkpointPath, torch::Device device,
                                torch::ScalarType dtype, const WarmUp& warmUp,
                                std::shared_future<HDemucs> usual)
{
    const auto t0 = std::chrono::steady_clock::now();
    const ScopedSmallPages weightsStay; // kept for the model's life: no huge-page compaction stalls
    // For a GPU the load is on the first song's critical path: the usual model (torchaudio's high variant)
    // is constructed on a second thread while the checkpoint is read, its random initialisation (75-130 ms
    // in the cold runs, overwritten by the checkpoint) included; with a WarmUp a model thread also prepares
    // it and warms it up (the first pass's host time was most of a cold first song, BENCHMARKS.md). A CPU's
    // other core is busy already (the Separator first-touches the first pass's memory meanwhile).
    if (device.is_cuda() && !usual.valid())
        usual = constructUsualModel();
    const auto since = [t0] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    };
    struct Early
    {
        HDemucs module{nullptr};
        bool warmedUp = false;
        double constructed = 0, cudaReady = 0, prepared = 0, warmed = 0; // seconds since the load's start
    };
    std::future<Early> early;    // first: destroyed (joined) last
    std::promise<void> uploaded; // destroyed before `early` is joined: no early return leaves it waiting
    const std::shared_future<void> gpuFree = uploaded.get_future().share();
    if (device.is_cuda() && warmUp && usual.valid()) {
        try {
            early = std::async(std::launch::async, [device, dtype, warmUp, gpuFree, usual, since] {
                // The CUDA context and the caching allocator (made once, by whichever thread is first), while
                // the usual model may still be under construction.
                double cudaReady = -1;
                try {
                    (void)torch::empty({1}, torch::TensorOptions().device(device));
                    cudaReady = since();
                } catch (const std::exception&) {
                    // Fails again, with its error, where the model is prepared.
                }
                Early made{usual.get()}; // rethrows what construction threw
                made.constructed = since();
                made.cudaReady = cudaReady;
                if (cudaReady < 0)
                    return Early{}; // prepared again, with its error, on the caller's thread
                try {
                    made.module->eval();
                    // Its weights are overwritten in place below: none of its random ones go up.
                    made.module->prepareWithoutValues(device, dtype);
                } catch (const std::exception&) {
                    return Early{}; // prepared again, with its error, on the caller's thread
                }
                made.prepared = since();
                made.warmedUp = warmUp(made.module, [gpuFree] { gpuFree.wait(); });
                made.warmed = since();
                return made;
            });
        } catch (const std::system_error&) {
            // No thread: prepared below, without the warm-up.
        }
    }
    std::vector<std::pair<std::string, double>> marks;
    Result<StateDict> dict = readStateDict(checkpointPath);
    if (!dict)
        return Error{dict.error()};
    marks.emplace_back("checkpoint read", since());
    Result<HDemucsConfig> config = inferConfig(dict.value(), checkpointPath);
    if (!config)
        return Error{config.error()};
    // The weights go up as they are while the model thread warms up (converted on the device below: across
    // devices a conversion is made on the host, one thread a tensor). Then that thread may capture.
    StateDict onDevice;
    if (early.valid() && warmUp && sameLayout(HDemucsConfig::high(), config.value())) {
        try {
            onDevice.reserve(dict.value().size());
            for (const NamedTensor& named : dict.value())
                onDevice.push_back({named.key, named.tensor.to(device)});
        } catch (const std::exception&) {
            onDevice.clear(); // copied from the host below
        }
    }
    uploaded.set_value();
    if (!onDevice.empty())
        marks.emplace_back("weights uploaded", since());
    try {
        LoadedModel loaded;
        if (early.valid()) {
            Early made = early.get();      // rethrows what construction threw
            if (!made.module.is_empty()) { // else it gave up before its marks
                marks.emplace_back("model thread: constructed", made.constructed);
                marks.emplace_back("model thread: CUDA ready", made.cudaReady);
                marks.emplace_back("model thread: prepared for the device", made.prepared);
                marks.emplace_back("model thread: warmed up", made.warmed);
            }
            // Not warmed up: it may be half prepared, built again below.
            if (made.warmedUp && sameLayout(made.module->config(), config.value())) {
                loaded.module = made.module;
                loaded.warmedUp = true;
            }
        } else if (usual.valid() && sameLayout(usual.get()->config(), config.value())) {
            loaded.module = usual.get();
        }
        if (loaded.module.is_empty())
            loaded.module = HDemucs(config.value());
        const auto preparing = std::chrono::steady_clock::now();
        // Warmed up: into the prepared model's own memory (what the warm-up built stays valid).
        Result<void> applied = loaded.warmedUp
                                   ? loadStateDict(*loaded.module, onDevice.empty() ? dict.value() : onDevice,
                                                   checkpointPath, /*inPlace*/ true)
                                   : loadStateDict(*loaded.module, dict.value(), checkpointPath);
        if (!applied)
            return Error{applied.error()};
        onDevice.clear();
        try {
            if (loaded.warmedUp) {
                loaded.module->refreshPrepared();
            } else {
                loaded.module->eval();
                loaded.module->prepare(device, dtype);
            }
        } catch (const std::exception& e) {
            return makeError("could not prepare the model for " +
                             std::string(device.is_cuda() ? "the GPU: " : "the CPU: ") + e.what());
        }
        const auto done = std::chrono::steady_clock::now();
        loaded.prepareSeconds = std::chrono::duration<double>(done - preparing).count();
        loaded.loadSeconds = std::chrono::duration<double>(done - t0).count();
        marks.emplace_back("weights in place", loaded.loadSeconds);
        std::stable_sort(marks.begin(), marks.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
        loaded.marks = std::move(marks);
        return loaded;
    } catch (const std::exception& e) {
        return makeError("'" + checkpointPath + "': could not build the model: " + e.what());
    }
}

} // namespace stemcrate::model
