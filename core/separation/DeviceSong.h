#pragma once
// DeviceSong: the song path on a CUDA device, built so the host never makes the GPU wait.
//   - The mix goes up once, through pinned memory, on an upload stream; the compute stream waits on an event.
//   - Normalisation (the mono mix's mean and standard deviation) is computed on the device and stays there:
//     no host pass over the song, no device-to-host synchronisation for it.
//   - Each batch's final stem frames go down on a download stream into pinned staging buffers taken from a
//     pool that lives as long as the Separator (three slots), while the GPU computes the next batch; host
//     threads then copy them into the stem buffers and the region is published.
//   - A pipeline's songs (Separator::prepare/launch) go up ahead, on the thread that prepares them, beside
//     the current song's passes, and their last batch lands on the thread that runs their StemLanding (a
//     writer), so the separating thread does little but launch GPU work. Staging slots (three) bound how many
//     songs' downloads wait to be landed.
//   - Stem buffers handed in (an earlier song's, e.g. recycled by core/batch's SongPipeline or the same
//     Stems separated again) are reused, so after the first song no fresh page is first-touched; fresh ones
//     are allocated and first-touched on host threads while the GPU computes.
//   - The first song is the cold path, built for the time to the first stems: a warm-up (DeviceWarmUp,
//     started by Separator::load) makes CUDA's context, starts cuDNN, cuBLAS and cuFFT each on a thread of
//     its own and loads the song path's kernels while the caller reads the checkpoint (and the loader's
//     model thread captures the song shape's graph, Separator.cpp);
//     nothing is pinned (the mix goes up and the stems come down pageable, and the pinned pool is made on a
//     thread of its own after the song).
//
// Internal to core/separation (CUDA builds of libtorch only). Ownership: owns its streams' use, the pinned
// pool and the cross-fade weights; borrows the module and graph. Threads: separate() from one thread at a
// time (the Separator's caller), prepare() from any. Units: frames.

#include "model/ForwardState.h"
#include "model/cuda/GraphedForward.h"
#include "separation/PreparedSongData.h"
#include "separation/Separator.h"
#include "separation/Windowing.h"

#include <chrono>
#include <memory>
#include <string>
#include <thread>

namespace stemcrate::separation {

// The device's warm-up, on a thread started by start(): CUDA's context, then cuDNN, cuBLAS and cuFFT started
// at once on threads of their own (each library's start is process-wide and none waits for another), then
// the kernels the song path calls around the network. Started by Separator::load once the engine's choice is
// the GPU, so the libraries' starts run beside the checkpoint read and the model thread's preparation. What
// fails here fails again, with its message, where the song path needs it. Move-only; join() or the
// destructor waits for the thread.
class DeviceWarmUp
{
public:
    DeviceWarmUp() = default;
    // `origin`: where marks() counts from (the load's start). Empty when no thread could be started.
    static DeviceWarmUp start(std::chrono::steady_clock::time_point origin);
    DeviceWarmUp(DeviceWarmUp&&) noexcept = default;
    DeviceWarmUp& operator=(DeviceWarmUp&& other) noexcept;
    ~DeviceWarmUp();

    void join();
    // After join(): "context 0.123 s, cuDNN 0.301 s, cuBLAS 0.290 s, cuFFT 0.250 s, song kernels 0.320 s"
    // (seconds from origin when each was ready), for the load report; empty if it did not run.
    std::string marks() const;

    struct Marks; // DeviceSong.cpp

private:
    std::thread m_thread;
    std::shared_ptr<Marks> m_marks;
};

class DeviceSong
{
public:
    // `warmUp`: the device's warm-up, already started (Separator::load); empty: none.
    DeviceSong(int batchSize, int64_t windowFrames, int hostThreads, DeviceWarmUp warmUp);
    ~DeviceSong();
    DeviceSong(const DeviceSong&) = delete;
    DeviceSong& operator=(const DeviceSong&) = delete;

    // Waits for the device's warm-up (CUDA, cuDNN, cuBLAS, cuFFT, the song path's kernels), e.g. before a
    // CUDA graph is captured on another thread. separate() waits for it too. One thread at a time.
    void joinWarmUp();
    // After joinWarmUp(): DeviceWarmUp::marks().
    std::string warmUpMarks() const;

    // Separator::prepare's part on a GPU, on any thread: once the song shape's graph replays (no capture can
    // happen any more), the mix goes to device memory on a side stream and this thread waits for it; before
    // that, `song` keeps a host copy for separate() to upload.
    Result<void> prepare(const AudioBuffer& mix, PreparedSong::Impl& song);

    // Separates `song` (prepared in place, with its borrowed mix, or by prepare()) into `out`. With
    // `deferLanding`, the last batch's download is left to the returned StemLanding (Separator.h); it may
    // wait for an earlier song's landing to free a staging slot. Without, the landing is empty.
    Result<StemLanding> separate(model::HDemucs& module, model::ForwardState& state,
                                 model::GraphedForward& graphed, const PreparedSong::Impl& song,
                                 int batchSize, const std::vector<std::string>& names, Stems& out,
                                 const SeparationCallbacks& callbacks, bool deferLanding);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace stemcrate::separation
