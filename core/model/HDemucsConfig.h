#pragma once
// HDemucsConfig: the constructor arguments of torchaudio.models.HDemucs, with the same defaults.
// Plain value type (no torch), so callers outside core/model can name a configuration.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace stemcrate::model {

struct HDemucsConfig
{
    std::vector<std::string> sources{"drums", "bass", "other", "vocals"};
    int audioChannels = 2;
    int channels = 48;
    int growth = 2;
    int nfft = 4096;
    int depth = 6;
    double freqEmb = 0.2; // weight of the frequency embedding; 0 disables it
    double embScale = 10.0;
    int kernelSize = 8;
    int timeStride = 2;
    int stride = 4;
    int context = 1;
    int contextEnc = 0;
    int normStarts = 4;
    int normGroups = 4;
    int dconvDepth = 2;
    int dconvComp = 4;
    int dconvAttn = 4;
    int dconvLstm = 4;

    int hopLength() const { return nfft / 4; }

    // About the most memory in large tensors that a float32 CPU pass over `batch` windows of `frames` holds
    // at once: three times the first frequency layer's output (nfft / 2 bins x frames / hop steps: the same
    // size for the low, medium and high variants), plus the Winograd kernels' weight copies. For
    // model::prefaultTensorCache; checked against the tensor cache after a first pass (tst_separator).
    std::size_t cpuWorkingSetBytes(std::int64_t batch, std::int64_t frames) const
    {
        const std::int64_t hop = hopLength();
        const std::int64_t steps = (frames + hop - 1) / hop;
        const std::int64_t firstLayer = batch * channels * (nfft / 2) * steps * std::int64_t{sizeof(float)};
        return static_cast<std::size_t>(3 * firstLayer) + (std::size_t{16} << 20);
    }

    // torchaudio's factory configurations (hdemucs_low / hdemucs_medium / hdemucs_high).
    static HDemucsConfig low()
    {
        HDemucsConfig c;
        c.nfft = 1024;
        c.depth = 5;
        return c;
    }
    static HDemucsConfig medium()
    {
        HDemucsConfig c;
        c.nfft = 2048;
        c.depth = 6;
        return c;
    }
    static HDemucsConfig high() { return HDemucsConfig{}; }
};

} // namespace stemcrate::model
