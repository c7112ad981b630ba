#pragma once
// HDemucsConfig: the constructor arguments of torchaudio.models.HDemucs, with the same defaults.
// Plain value type (no torch), so callers outside core/model can name a configuration.

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
