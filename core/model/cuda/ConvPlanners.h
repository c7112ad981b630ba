#pragma once
// ConvPlanners: the convolutions of a CUDA graph's capture, planned on several threads at once.
//
// libtorch keeps cuDNN's execution plans per thread, and building them is most of a shape's first eager pass
// (host time: the heuristics and the plans of every convolution, one after another). A graph's capture needs
// the plans on the thread that launches each convolution, not on the thread that captures. So the capture of
// a new shape goes in three steps (GraphedForward::capture):
//   1. a dry pass on the capturing thread: every operator runs except cuDNN's convolutions, which return
//      zeros of their output's shape and layout (their values are not used: the pass only creates what
//      libtorch makes lazily for the other operators); each convolution is handed to an owner thread, which
//      runs it once on inputs of the same shape, layout and alignment, and so builds its plan, while the
//      pass goes on;
//   2. finish(): every owner's warm-up done;
//   3. the capture: each convolution is launched by its owner, synchronously, on the capturing stream (CUDA
//      records a launch into a capturing stream from any thread).
// The owners stay until this object goes: the graph was made with their plans.
//
// Matrix products (cuBLAS) stay on the capturing thread: cuBLAS keeps no plans per thread. Handing their
// first launches to the owners as well (so that their kernels loaded meanwhile) was measured on an H100 and
// only moved the kernels' loading wait later in the dry pass (BENCHMARKS.md, issue 21, nineteenth session).
//
// Ownership: one per GraphedForward, alive as long as its graphs. Install with Scope on the thread that
// runs the pass; CudaBackend's convolutions go through current(). CPU tensors take the same routes (with no
// stream), which is how the CI machine tests them. Internal to core/model (includes torch).

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace stemcrate::model {

class ConvPlanners
{
public:
    enum class Mode
    {
        Dry,   // step 1: zeros for the pass, a warm-up queued on the owner
        Launch // step 3: the owner launches it on the caller's stream
    };

    // `threads` owners (at least 1). Throws std::system_error when no thread can be started.
    explicit ConvPlanners(int threads);
    ~ConvPlanners();
    ConvPlanners(const ConvPlanners&) = delete;
    ConvPlanners& operator=(const ConvPlanners&) = delete;

    // The convolution (torch's conv1d for 3-d x, conv2d for 4-d), by mode. Launch of a convolution that the
    // dry pass did not see runs it on the calling thread.
    at::Tensor convolve(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias,
                        at::IntArrayRef stride, at::IntArrayRef padding, at::IntArrayRef dilation);
    void setMode(Mode mode);
    // Waits for every queued warm-up; rethrows the first one's failure.
    void finish();
    // Distinct convolutions seen by the dry pass, and warm-ups run.
    int distinct() const;
    int warmUps() const;
    // Launches of convolutions the dry pass did not see (a layout it guessed wrong): run on the capturing
    // thread, with a plan built there.
    int misses() const;

    // Installs `planners` for the calling thread's passes (nullptr: none).
    class Scope
    {
    public:
        explicit Scope(ConvPlanners* planners);
        ~Scope();
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;

    private:
        ConvPlanners* m_before;
    };
    // The calling thread's planners, or nullptr.
    static ConvPlanners* current();

    // The convolution the same way libtorch runs it without planners: conv1d for 3-d x, else conv2d.
    static at::Tensor direct(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias,
                             at::IntArrayRef stride, at::IntArrayRef padding, at::IntArrayRef dilation);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace stemcrate::model
