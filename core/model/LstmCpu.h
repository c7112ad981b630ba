#pragma once
// LstmCpu: the forward pass of a multi-layer bidirectional torch::nn::LSTM on the CPU in float32, for the
// short, narrow batches HDemucs's BLSTMs run (3-5 frames of 200 steps).
//
// libtorch runs every time step as a dozen tensor operations (a GEMM, chunk, sigmoid, tanh, ...), so at a
// batch of 3 the per-operation overhead, not the arithmetic, was a fifth of a CPU window (BENCHMARKS.md).
// Here the input projection of every step is one GEMM per direction, and the recurrence is a plain loop
// that runs the two directions on two threads. Same gate order and equations as torch.nn.LSTM; results
// differ from libtorch's only by float rounding.
//
// Internal to core/model (includes torch). Stateless; thread-safe for concurrent calls.

#include <torch/nn/modules/rnn.h>

namespace stemcrate::model {

// x: [steps, batch, input] float32 on the CPU. Returns [steps, batch, 2 * hidden] like lstm->forward(x).
// lstm must be bidirectional, batch_first false, without projections or dropout at inference.
torch::Tensor lstmForwardCpu(const torch::nn::LSTM& lstm, const torch::Tensor& x);

} // namespace stemcrate::model
