// probe_kernel_loading: do CUDA's lazy kernel loads run in parallel on several threads? (issue 21's cold
// first song: the model's first pass is a chain of 10-25 ms first launches, bench_separation --op-timeline.)
//
//   probe_kernel_loading [--threads N]
//
// In a fresh process: the context, then a fixed list of distinct operators (elementwise, reductions, copies,
// matrix products, in float32 and float16; each the first use of its kernels) shared out round-robin over N
// threads, each on a stream of its own and synchronised after each operator. Prints the wall time of the
// list, the sum of its operators' times, then the same list again on one thread (warm: what each costs
// without a load). One process per thread count: run it with 1, then 4.

#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t)
{
    return std::chrono::duration<double>(Clock::now() - t).count();
}

using Op = std::pair<std::string, std::function<void(const torch::TensorOptions&)>>;

std::vector<Op> operators()
{
    std::vector<Op> ops;
    for (const auto dtype : {torch::kFloat, torch::kHalf}) {
        const std::string d = dtype == torch::kFloat ? " f32" : " f16";
        auto add = [&](const std::string& name, std::function<void(const torch::TensorOptions&)> f) {
            ops.emplace_back(name + d, [dtype, f](const torch::TensorOptions& o) { f(o.dtype(dtype)); });
        };
        add("add", [](auto o) { (void)(torch::ones({4096}, o) + torch::ones({4096}, o)); });
        add("mul", [](auto o) { (void)(torch::ones({4096}, o) * 2.0); });
        add("div", [](auto o) { (void)(torch::ones({4096}, o) / torch::ones({4096}, o)); });
        add("mean", [](auto o) { (void)torch::ones({64, 64}, o).mean(1); });
        add("std", [](auto o) { (void)torch::ones({64, 64}, o).std(1); });
        add("gelu", [](auto o) { (void)torch::gelu(torch::ones({4096}, o)); });
        add("glu", [](auto o) { (void)torch::glu(torch::ones({8, 64}, o), 1); });
        add("sigmoid", [](auto o) { (void)torch::sigmoid(torch::ones({4096}, o)); });
        add("cos", [](auto o) { (void)torch::cos(torch::ones({4096}, o)); });
        add("group_norm", [](auto o) { (void)torch::group_norm(torch::ones({2, 8, 64}, o), 4); });
        add("layer_norm", [](auto o) { (void)torch::layer_norm(torch::ones({8, 64}, o), {64}); });
        add("cat", [](auto o) { (void)torch::cat({torch::ones({64, 3}, o), torch::ones({64, 5}, o)}, 1); });
        add("permute copy", [](auto o) {
            (void)torch::ones({64, 32, 8}, o).permute({2, 0, 1}).contiguous();
        });
        add("pad", [](auto o) { (void)torch::constant_pad_nd(torch::ones({4, 64}, o), {3, 3}); });
        add("mm", [](auto o) { (void)torch::mm(torch::ones({256, 128}, o), torch::ones({128, 192}, o)); });
        add("bmm", [](auto o) {
            (void)torch::bmm(torch::ones({4, 64, 32}, o), torch::ones({4, 32, 48}, o));
        });
        add("softmax", [](auto o) { (void)torch::softmax(torch::ones({8, 64}, o), 1); });
        add("tanh", [](auto o) { (void)torch::tanh(torch::ones({4096}, o)); });
        add("abs", [](auto o) { (void)torch::abs(torch::ones({4096}, o)); });
        add("clamp", [](auto o) { (void)torch::clamp(torch::ones({4096}, o), -1.0, 1.0); });
        add("sum", [](auto o) { (void)torch::ones({64, 64}, o).sum(0); });
        add("where", [](auto o) {
            const auto x = torch::ones({4096}, o);
            (void)torch::where(x > 0, x, x * 0);
        });
    }
    ops.emplace_back("to half",
                     [](const torch::TensorOptions& o) { (void)torch::ones({4096}, o).to(torch::kHalf); });
    ops.emplace_back("rfft", [](const torch::TensorOptions& o) {
        (void)torch::fft_rfft(torch::ones({4, 512}, o));
    });
    return ops;
}

// Runs ops[first], ops[first + step], ... on this thread, on a stream of its own; the sum of their times.
double runShare(const std::vector<Op>& ops, size_t first, size_t step, std::vector<double>& each)
{
    const torch::TensorOptions o = torch::TensorOptions().device(torch::kCUDA, 0);
    const c10::cuda::CUDAStream stream = c10::cuda::getStreamFromPool(false, 0);
    const c10::cuda::CUDAStreamGuard guard(stream);
    double total = 0;
    for (size_t i = first; i < ops.size(); i += step) {
        const auto t = Clock::now();
        ops[i].second(o);
        stream.synchronize();
        each[i] = since(t);
        total += each[i];
    }
    return total;
}

} // namespace

int main(int argc, char** argv)
{
    int threads = 1;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--threads") == 0)
            threads = std::max(1, std::atoi(argv[i + 1]));
    torch::InferenceMode inference;
    const auto t0 = Clock::now();
    (void)torch::empty({1}, torch::TensorOptions().device(torch::kCUDA, 0));
    torch::cuda::synchronize(0);
    std::printf("context %.3f s\n", since(t0));
    const std::vector<Op> ops = operators();
    std::vector<double> first(ops.size()), again(ops.size());
    std::vector<double> sums(static_cast<size_t>(threads));
    const auto t1 = Clock::now();
    std::vector<std::thread> pool;
    for (int k = 0; k < threads; ++k)
        pool.emplace_back([&, k] {
            torch::InferenceMode inner;
            sums[static_cast<size_t>(k)] =
                runShare(ops, static_cast<size_t>(k), static_cast<size_t>(threads), first);
        });
    for (std::thread& t : pool)
        t.join();
    const double wall = since(t1);
    double sum = 0;
    for (double s : sums)
        sum += s;
    const double warm = runShare(ops, 0, 1, again);
    std::printf(
        "threads %d: %zu operators' first uses: wall %.3f s, their times summed %.3f s; warm, one thread: "
        "%.3f s\n",
        threads, ops.size(), wall, sum, warm);
    for (size_t i = 0; i < ops.size(); ++i)
        std::printf("  %-18s first %6.1f ms, warm %5.2f ms\n", ops[i].first.c_str(), first[i] * 1e3,
                    again[i] * 1e3);
    return 0;
}
