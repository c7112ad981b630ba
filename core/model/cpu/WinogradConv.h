#pragma once
// WinogradConv: a 3x3, stride 1, padding 1 float32 convolution on the CPU through oneDNN's Winograd
// F(4x4, 3x3) kernel. libtorch 1.13 always asks oneDNN for its direct convolution; for the frequency
// encoder's four 3x3 "rewrite" convolutions (18 GFLOP each per 10 s window) that runs at the FMA peak of
// the machine, while Winograd needs 4x fewer multiplications: 2.7-3.3x faster on the 2-core CI machine,
// including the layout reorders (BENCHMARKS.md). Results differ from the direct convolution by about 1e-7
// relative L2 (test_cpu_kernels).
//
// Built when oneDNN's headers are found (Debian: libdnnl-dev, the library libtorch itself links); otherwise,
// or on a CPU without oneDNN's AVX-512 Winograd kernel, create() returns nullptr and callers use libtorch.
// A WinogradConv holds the weights and is immutable after create(): any thread may call it at once. What
// depends on the input shape (the kernel's plan, the weights reordered into its layout) lives in the
// caller's WinogradPlans, one per worker (in its ForwardState), so no call waits for another. The weights
// must not change while the WinogradConv lives. Internal to core/model.

#include <ATen/core/Tensor.h>

#include <memory>

namespace stemcrate::model {

// One worker's plans for one WinogradConv, by input shape (a few are kept). One thread at a time.
class WinogradPlans
{
public:
    WinogradPlans();
    ~WinogradPlans();
    WinogradPlans(WinogradPlans&&) noexcept;
    WinogradPlans& operator=(WinogradPlans&&) noexcept;

private:
    friend class WinogradConv;
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

class WinogradConv
{
public:
    // weight [O, C, 3, 3], bias [O], float32 on the CPU (kept, not copied). nullptr when the Winograd
    // kernel cannot run here.
    static std::unique_ptr<WinogradConv> create(const at::Tensor& weight, const at::Tensor& bias);
    // Whether this build has oneDNN (then create() succeeds on CPUs with AVX-512).
    static bool builtWithOneDnn();
    ~WinogradConv();

    // x: [N, C, H, W] float32 on the CPU, any dense layout. Returns [N, O, H, W] in channels-last memory,
    // or an undefined tensor when oneDNN refuses this shape (the caller then runs libtorch's convolution).
    at::Tensor forward(const at::Tensor& x, WinogradPlans& plans) const;

    // glu(forward(x + addend)) over the channels, for HDemucs's decoders (x + skip, the rewrite, GLU): the
    // sum is written straight into the kernel's 16-channel blocks and GLU reads its result from them, so
    // neither the sum, the two layout reorders nor the full-width output is ever written on its own.
    // x, addend: [N, C, H, W] float32 (addend may be undefined); returns [N, O / 2, H, W] channels-last, or
    // an undefined tensor where this does not apply (C or O / 2 not a multiple of 16, or as forward()).
    at::Tensor forwardAddGlu(const at::Tensor& x, const at::Tensor& addend, WinogradPlans& plans) const;

private:
    struct Impl;
    explicit WinogradConv(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace stemcrate::model
