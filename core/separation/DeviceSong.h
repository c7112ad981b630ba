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
//   - The first song is the cold path, built for the time to the first stems: a warm-up thread started at
//     construction initialises CUDA, cuBLAS and cuDNN and loads the song path's kernels while the caller
//     reads the checkpoint (and the loader's model thread captures the song shape's graph, Separator.cpp);
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

#include <memory>

namespace stemcrate::separation {

class DeviceSong
{
public:
    DeviceSong(int batchSize, int64_t windowFrames, int hostThreads);
    ~DeviceSong();
    DeviceSong(const DeviceSong&) = delete;
    DeviceSong& operator=(const DeviceSong&) = delete;

    // Waits for the warm-up thread started at construction (CUDA, cuBLAS, cuDNN, the song path's kernels),
    // e.g. before a CUDA graph is captured on another thread. separate() waits for it too. One thread at a
    // time.
    void joinWarmUp();

    // Separator::prepare's part on a GPU, on any thread: once the song shape's graph replays (no capture can
    // happen any more), the mix goes to device memory on a side stream and this thread waits for it; before
    // that, `song` keeps a host copy for separate() to upload.
    Result<void> prepare(const AudioBuffer& mix, PreparedSong::Impl& song);

    // Separates `song` (prepared in place, with its borrowed mix, or by prepare()) into `out`. With
    // `deferLanding`, the last batch's download is left to the returned StemLanding (Separator.h); it may
    // wait for an earlier song's landing to free a staging slot. Without, the landing is empty.
    Result<StemLanding> separate(model::HDemucs& module, model::ForwardState& state, model::GraphedForward& graphed,
                                 const PreparedSong::Impl& song, int batchSize, const std::vector<std::string>& names,
                                 Stems& out, const SeparationCallbacks& callbacks, bool deferLanding);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace stemcrate::separation
