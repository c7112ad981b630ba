#pragma once
// CpuRuntime: process-wide set-up for running the engine on the CPU. Call before separating on the CPU
// (the Separator does; the benchmarks do too, so they measure what the app runs). Idempotent, thread-safe.
//
// - The tensor cache (TensorCache.h): windows of one length reuse their working memory.
// - A single-threaded BLAS. libtorch parallelises with its own OpenMP pool (torch::set_num_threads); Debian's
//   OpenBLAS (pthreads build) starts a second pool of its own for every GEMM, whose threads spin on the same
//   cores. With both, a 10 s window took 2.72 s on the 2-core CI machine; with OpenBLAS at one thread,
//   2.05 s (BENCHMARKS.md). GEMMs worth splitting are split by the caller (see HDemucs.cpp).

namespace stemcrate::model {

void prepareCpuRuntime();

// How many threads one of core/model's own parallel loops (at::parallel_for in ParallelGemm.h, LstmCpu,
// ElementwiseCpu) really runs on: libtorch's thread count when built with OpenMP, 1 without it (the loops
// are then silently serial; see core/model/CMakeLists.txt). Any thread; for tests and diagnostics.
int cpuLoopThreads();

} // namespace stemcrate::model
