#pragma once
// Separator: splits a 44.1 kHz track into stems with HDemucs, in fixed-length, overlapping, cross-faded
// windows that run in batches.
//
// Ownership: a Separator owns the loaded model (immutable weights). One separate() call at a time per
// Separator; call it from a worker thread, never the GUI thread. Callbacks run on the calling (worker)
// thread, between batches. No libtorch types here: the UI sees plain buffers only.
// Units: frames at kEngineSampleRate; seconds where the name says so.

#include "common/AudioBuffer.h"
#include "common/Result.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace stemcrate::separation {

enum class Device
{
    Cpu,
    Cuda
};

enum class Precision
{
    Auto, // float32 on CPU, bfloat16 on CUDA
    Float32,
    BFloat16,
    Float16
};

struct SeparatorOptions
{
    double segmentSeconds = 10.0; // window length; 0 = the whole track as one window, no chunking
    double overlap = 0.25;        // fraction of a window shared with its neighbour, [0, 0.5]
    int batchSize = 1;            // windows per forward pass
    int threads = 0;              // libtorch intra-op threads; 0 = one per core
    Device device = Device::Cpu;
    Precision precision = Precision::Auto;
};

struct Progress
{
    double fraction = 0.0; // of windows done, [0, 1]
    double elapsedSeconds = 0.0;
    double etaSeconds = -1.0; // < 0 while unknown
};

struct SeparationCallbacks
{
    std::function<void(const Progress&)> progress;
    // Stem frames [0, validFrames) are final. Called after each batch with a non-decreasing value, the last
    // time with the track length. The output buffers are allocated before the first call and never move.
    std::function<void(int64_t validFrames)> published;
    std::function<bool()> isCancelled;
};

struct Stems
{
    std::vector<std::string> names; // e.g. drums, bass, other, vocals
    std::vector<AudioBuffer> audio; // one stereo buffer per name, as long as the input
};

class Separator
{
public:
    // Loads the checkpoint (a torch.save'd HDemucs state_dict, read without executing anything).
    static Result<std::unique_ptr<Separator>> load(const std::string& checkpointPath,
                                                   const SeparatorOptions& options = {});
    ~Separator();
    Separator(const Separator&) = delete;
    Separator& operator=(const Separator&) = delete;

    const std::vector<std::string>& sourceNames() const;
    const SeparatorOptions& options() const;
    double modelLoadSeconds() const;

    // Separates `mix` (mono or stereo, kEngineSampleRate) into `out`. Returns an error "cancelled" when
    // isCancelled() said so; `out` then holds what was final so far.
    Result<void> separate(const AudioBuffer& mix, Stems& out, const SeparationCallbacks& callbacks = {});

    // Whether this build and machine can run on `device`.
    static bool deviceAvailable(Device device);

private:
    struct Impl;
    explicit Separator(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace stemcrate::separation
