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
#include "separation/PreparedSong.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace stemcrate::separation {

enum class Device
{
    Cpu,
    Cuda,
    Auto // CUDA when this build and machine have a usable device, else the CPU (EngineChoice.h)
};

enum class Precision
{
    Auto, // float32 on CPU, float16 on CUDA
    Float32,
    BFloat16,
    Float16
};

// The default windows are torchaudio's HDemucs tutorial's: 11 s (a 10 s segment plus 10 %) sharing 1 s with
// each neighbour. A 180 s song is then 18 windows, 198 s of audio through the network; 10 s windows
// overlapping by a quarter were 24 windows, 240 s, for a cross-fade that 1 s already hides.
constexpr double kDefaultSegmentSeconds = 11.0;
constexpr double kDefaultOverlap = 1.0 / 11.0;
// A GPU is only busy with several windows at once (a CPU gains nothing from batching). Six 11 s windows
// in float16 peak at 3.6 GB of GPU memory (BENCHMARKS.md), and a 180 s song is three full batches.
constexpr int kDefaultCudaBatch = 6;

struct SeparatorOptions
{
    double segmentSeconds = kDefaultSegmentSeconds; // window length; 0 = the whole track as one window
    double overlap = kDefaultOverlap; // fraction of a window shared with its neighbour, [0, 0.5]
    int batchSize = 0;                // windows per forward pass; 0 = 1 on CPU, kDefaultCudaBatch on CUDA
    int threads = 0; // intra-op threads (and host threads); 0 = the machine's ThreadBudget for the device
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

// What launch() leaves to finish a song's stems, for any thread: on a GPU, waiting for the last batch's
// download and unpacking it into the stem buffers. Empty when the stems are complete already (the CPU, the
// first song on a GPU). Call it once, and call or drop it before the Separator is destroyed; dropped
// uncalled, it waits for the download and leaves the stems incomplete. It calls none of the callbacks.
using StemLanding = std::function<Result<void>()>;

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
    // As given, with device, precision, threads and batchSize resolved (EngineChoice.h): never Auto or 0.
    const SeparatorOptions& options() const;
    double modelLoadSeconds() const;
    double modelPrepareSeconds() const; // the part of the load spent preparing for the device
    // Where the load's time went, one line (the steps before the loader, from load()'s start: the engine
    // chosen, on a GPU the CUDA driver's start; then, from the loader's start, the model thread's and this
    // thread's steps, and on a GPU how the graph's convolutions were planned and when the device's warm-up
    // had each library): for benchmarks and logs.
    std::string loadReport() const;

    // Separates `mix` (mono or stereo, kEngineSampleRate) into `out`. Returns an error "cancelled" when
    // isCancelled() said so; `out` then holds what was final so far.
    // It is prepare() in place, launch() and the landing, on this thread.
    Result<void> separate(const AudioBuffer& mix, Stems& out, const SeparationCallbacks& callbacks = {});

    // A song's separation in two parts, for a pipeline of songs (core/batch's SongPipeline), with the same
    // stems, bit for bit, as separate():
    //  - prepare(): the host-side work before the passes (checks, window plan, normalisation, the padded
    //    windows; on a GPU the mix's upload on a side stream), on any thread, also while launch() or
    //    separate() runs on another. `mix` may be freed when it returns.
    //  - launch(): the passes and the cross-fade, on the separating thread (one at a time, as separate()).
    //    `out` as in separate(); its buffers are written until the returned landing has run (moving `out`
    //    or its buffers is fine, resizing or freeing them is not). On a GPU a few songs' landings may be
    //    outstanding; beyond that launch() waits for one to run, so run them on another thread (or before
    //    the next launch()).
    Result<PreparedSong> prepare(const AudioBuffer& mix) const;
    Result<StemLanding> launch(PreparedSong song, Stems& out, const SeparationCallbacks& callbacks = {});

    // Whether this build and machine can run on `device`.
    static bool deviceAvailable(Device device);

private:
    struct Impl;
    explicit Separator(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace stemcrate::separation
