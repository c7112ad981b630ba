#include "model/ForwardState.h"

#include "model/HDemucsConfig.h"
#include "model/cpu/WinogradConv.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace stemcrate::model {

namespace {

// torch::hann_window(n)'s values (periodic), in double.
std::vector<double> hann(int64_t n)
{
    std::vector<double> w(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i)
        w[static_cast<size_t>(i)] =
            0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(n));
    return w;
}

} // namespace

ForwardState::ForwardState() = default;
ForwardState::~ForwardState() = default;

void ForwardState::follow(std::uint64_t preparation)
{
    if (preparation == m_preparation)
        return;
    m_winograd.clear();
    m_envelopes.clear();
    m_windows.clear();
    m_preparation = preparation;
}

WinogradPlans& ForwardState::winogradPlans(const WinogradConv& conv)
{
    std::unique_ptr<WinogradPlans>& plans = m_winograd[&conv];
    if (!plans)
        plans = std::make_unique<WinogradPlans>();
    return *plans;
}

const at::Tensor& ForwardState::envelope(const HDemucsConfig& config, int64_t frames, int64_t start,
                                         int64_t length, const at::Device& device)
{
    const auto key =
        std::make_tuple(length, static_cast<int>(device.type()), static_cast<int>(device.index()));
    if (auto found = m_envelopes.find(key); found != m_envelopes.end())
        return found->second;
    // Built and checked on the host by plain loops (libtorch's CPU operators cost a cold pass 20-30 ms): no
    // forward pass waits for a GPU, and none copies from the host. Summed in float32, window by window.
    const int64_t hl = config.hopLength(), overlap = config.nfft / hl;
    const std::vector<double> window = hann(config.nfft);
    std::vector<float> sum(static_cast<size_t>((frames + overlap - 1) * hl), 0.0f);
    for (int64_t j = 0; j < overlap; ++j)
        for (int64_t f = 0; f < frames; ++f)
            for (int64_t i = 0; i < hl; ++i) {
                const float w = static_cast<float>(window[static_cast<size_t>(j * hl + i)]);
                sum[static_cast<size_t>((j + f) * hl + i)] += w * w;
            }
    TORCH_CHECK(start >= 0 && start + length <= static_cast<int64_t>(sum.size()),
                "HDemucs: window overlap-add out of range");
    const auto first = sum.begin() + start;
    TORCH_CHECK(length == 0 || *std::min_element(first, first + length) > 1e-11f,
                "HDemucs: window overlap-add is zero");
    const torch::Tensor env = torch::from_blob(sum.data() + start, {length}).clone();
    return m_envelopes.emplace(key, env.to(device)).first->second;
}

const at::Tensor& ForwardState::window(int64_t nfft, double divisor, at::ScalarType dtype,
                                       const at::Device& device)
{
    const auto key = std::make_tuple(nfft, divisor, static_cast<int>(dtype), static_cast<int>(device.type()),
                                     static_cast<int>(device.index()));
    if (auto found = m_windows.find(key); found != m_windows.end())
        return found->second;
    std::vector<double> w = hann(nfft);
    for (double& v : w)
        v /= divisor;
    torch::Tensor host;
    if (dtype == at::kFloat) {
        std::vector<float> narrow(w.begin(), w.end());
        host = torch::from_blob(narrow.data(), {nfft}, at::kFloat).clone();
    } else {
        host = torch::from_blob(w.data(), {nfft}, at::kDouble).to(dtype, false, /*copy*/ true);
    }
    return m_windows.emplace(key, host.to(device)).first->second;
}

} // namespace stemcrate::model
