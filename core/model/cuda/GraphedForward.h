#pragma once
// GraphedForward: HDemucs's forward pass on a GPU as a replayed CUDA graph.
//
// Every batch of windows has the same shape, so after one eager pass (which creates what libtorch makes
// lazily: cuBLAS workspaces, cuDNN plans, our LSTM kernel's plan) the second captures the ~5 000 kernel
// launches of a pass into a CUDA graph, and from then on a batch is one copy into the graph's input plus one
// replay: no per-operator launch cost on the host.
//
// Ownership: holds the captured graph and its static input/output for each batch shape: one worker's, kept
// beside its ForwardState (a graph replays that state's pass). The module is the caller's and must not be
// prepared again while this object lives. One thread at a time.
// The tensor returned by run() is overwritten by the next run() of the same shape: consume it first (on
// the GPU's stream order, as the Separator's cross-fade does, or by copying).
//
// Builds whose libtorch has no CUDA, CPU tensors, and a capture that fails (then logged once and never
// tried again for this object, failure() says why) all run the module eagerly: run() always returns the
// forward pass.

#include "model/ForwardState.h"
#include "model/HDemucs.h"

#include <functional>
#include <memory>
#include <string>

namespace stemcrate::model {

class GraphedForward
{
public:
    GraphedForward();
    ~GraphedForward();
    GraphedForward(const GraphedForward&) = delete;
    GraphedForward& operator=(const GraphedForward&) = delete;

    // module->forward(batch, state), via a graph where it can. Call under torch::InferenceMode.
    torch::Tensor run(HDemucs& module, ForwardState& state, const torch::Tensor& batch);
    // Makes `batch`'s shape ready for replays ahead of time: the eager pass, then the capture (no replay).
    // Nothing may use the GPU from another thread meanwhile except through what beforeCapture() waits for;
    // beforeCapture (may be empty) runs between the two. The passes' values are not used: the weights may
    // still be arbitrary. The graph may then be replayed by run() from another thread. Returns whether
    // the shape has a graph.
    bool capture(HDemucs& module, ForwardState& state, const torch::Tensor& batch,
                 const std::function<void()>& beforeCapture);
    // Drops every graph (the module they captured is gone).
    void reset();

    // Whether graphs are compiled in (a CUDA build of libtorch).
    static bool available();
    // How many passes were graph replays (for the benchmark and tests).
    int replays() const;
    // Why graphs were given up on; empty while they work or were never tried.
    const std::string& failure() const;

    // How capture() planned the convolutions of its eager pass (cuda/ConvPlanners.h): on `threads` threads
    // at once (0: on the capturing thread), `convolutions` distinct ones, `misses` of the capture's launches
    // not planned ahead; `failure` when the planners failed and the capturing thread planned them itself.
    struct Planning
    {
        int threads = 0;
        int convolutions = 0;
        int misses = 0;
        std::string failure;
        double passSeconds = 0;     // the eager (or dry) pass
        double planWaitSeconds = 0; // then waiting for the planners' warm-ups
        double captureSeconds = 0;  // the capture itself
    };
    Planning planning() const;
    // Process-wide: how many threads plan a capture's convolutions (-1, the default: chosen from the
    // machine's cores; 0: the capturing thread alone). For benchmarks and tests.
    static void setPlanThreads(int threads);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace stemcrate::model
