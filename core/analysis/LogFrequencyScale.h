#pragma once
// LogFrequencyScale: resamples a linear-frequency magnitude column (SpectrogramColumns) onto log-spaced
// bands, for spectrogram views where octaves take equal height. A band wider than a bin takes the
// loudest bin in it; a band narrower than a bin (low frequencies) interpolates between bins.
//
// Ownership: plain value. Threads: immutable after construction; map() may run on any thread at once.
// Units: Hz; the output keeps the input's magnitude units.

#include <cstddef>
#include <vector>

namespace stemcrate::analysis {

class LogFrequencyScale
{
public:
    LogFrequencyScale(int fftSize, int sampleRate, int bands, double minHz, double maxHz);

    int bands() const { return static_cast<int>(m_lowBin.size()); }
    double bandCentreHz(int band) const { return m_centreHz[static_cast<size_t>(band)]; }
    // linear: fftSize / 2 + 1 values; out: bands() values.
    void map(const float* linear, float* out) const;

private:
    std::vector<double> m_centreHz;
    std::vector<double> m_centreBin;      // fractional
    std::vector<int> m_lowBin, m_highBin; // inclusive bin range of each band
    int m_lastBin = 0;
};

} // namespace stemcrate::analysis
