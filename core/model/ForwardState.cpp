#include "model/ForwardState.h"

#include "model/HDemucsConfig.h"
#include "model/cpu/WinogradConv.h"

#include <torch/torch.h>

namespace stemcrate::model {

ForwardState::ForwardState() = default;
ForwardState::~ForwardState() = default;

void ForwardState::follow(std::uint64_t preparation)
{
    if (preparation == m_preparation)
        return;
    m_winograd.clear();
    m_envelopes.clear();
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
    // Built and checked on the host: no forward pass waits for a GPU, and none copies from the host.
    const int64_t hl = config.hopLength(), overlap = config.nfft / hl;
    const torch::Tensor hostWindow = torch::hann_window(config.nfft).view({overlap, hl});
    torch::Tensor sum = torch::zeros({frames + overlap - 1, hl});
    for (int64_t j = 0; j < overlap; ++j)
        sum.slice(0, j, j + frames).add_(hostWindow[j].square());
    const torch::Tensor env = sum.view({-1}).slice(0, start, start + length).contiguous();
    TORCH_CHECK(env.min().item<float>() > 1e-11f, "HDemucs: window overlap-add is zero");
    return m_envelopes.emplace(key, env.to(device)).first->second;
}

} // namespace stemcrate::model
