#pragma once
// LstmCpu: the forward pass of a multi-layer bidirectional torch::nn::LSTM on the CPU in float32, for the
// short, narrow batches HDemucs's BLSTMs run (3-5 frames of 200 steps).
//
// libtorch runs every time step as a dozen tensor operations (a GEMM, chunk, sigmoid, tanh, ...), so at a
// batch of 3 the per-operation overhead, not the arithmetic, was a fifth of a CPU window (BENCHMARKS.md).
// Here the input projection of every step is one GEMM for both directions, and the recurrence is a plain loop
// that runs the two directions on two threads. Same gate order and equations as torch.nn.LSTM; results
// differ from libtorch's only by float rounding.
//
// Internal to core/model (includes torch). Stateless; thread-safe for concurrent calls.

#include <torch/nn/modules/rnn.h>

#include <memory>
#include <vector>

namespace stemcrate::model {

// An LSTM's weights laid out for lstmForwardCpu: per layer, both directions' input weights transposed
// side by side, their summed biases, and each direction's recurrent weight transposed. Built once per
// model (they were transposed on every pass: 8 ms of an 11 s window), immutable after. Held in plain
// vectors, outside the tensor cache's arena: that arena is the passes' working memory, and long-lived
// blocks in it would count as working set and split its free space.
struct LstmCpuWeights
{
    struct Layer
    {
        int64_t input = 0;
        std::vector<float> inputT; // [input, 8H]: the forward direction's 4H gate columns, then the reverse's
        std::vector<float> bias;   // [8H]: bias_ih + bias_hh, the same order
        std::vector<float> recurrentT[2]; // [H, 4H] per direction
    };
    int64_t hidden = 0;
    std::vector<Layer> layers;

    // lstm must be bidirectional, batch_first false, without projections or dropout at inference. Copies the
    // weights as they are now (as float32).
    static std::shared_ptr<const LstmCpuWeights> of(const torch::nn::LSTM& lstm);
};

// x: [steps, batch, input] float32 on the CPU. Returns [steps, batch, 2 * hidden] like lstm->forward(x).
torch::Tensor lstmForwardCpu(const LstmCpuWeights& weights, const torch::Tensor& x);

} // namespace stemcrate::model
