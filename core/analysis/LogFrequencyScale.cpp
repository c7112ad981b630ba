#include "analysis/LogFrequencyScale.h"

#include <algorithm>
#include <cmath>

namespace stemcrate::analysis {

LogFrequencyScale::LogFrequencyScale(int fftSize, int sampleRate, int bands, double minHz, double maxHz)
{
    bands = std::max(1, bands);
    m_lastBin = std::max(0, fftSize / 2);
    const double binHz = sampleRate > 0 && fftSize > 0 ? static_cast<double>(sampleRate) / fftSize : 1.0;
    minHz = std::max(minHz, 1e-3);
    maxHz = std::max(maxHz, minHz * 1.0001);
    const double ratio = std::pow(maxHz / minHz, 1.0 / bands);
    for (int b = 0; b < bands; ++b) {
        const double low = minHz * std::pow(ratio, b);
        const double high = low * ratio;
        const double centre = std::sqrt(low * high);
        m_centreHz.push_back(centre);
        m_centreBin.push_back(std::clamp(centre / binHz, 0.0, static_cast<double>(m_lastBin)));
        m_lowBin.push_back(std::clamp(static_cast<int>(std::ceil(low / binHz)), 0, m_lastBin));
        m_highBin.push_back(std::clamp(static_cast<int>(std::floor(high / binHz)), 0, m_lastBin));
    }
}

void LogFrequencyScale::map(const float* linear, float* out) const
{
    for (size_t b = 0; b < m_centreHz.size(); ++b) {
        if (m_highBin[b] >= m_lowBin[b]) {
            float loudest = 0.0f;
            for (int k = m_lowBin[b]; k <= m_highBin[b]; ++k)
                loudest = std::max(loudest, linear[k]);
            out[b] = loudest;
        } else {
            const double x = m_centreBin[b];
            const int k = std::min(static_cast<int>(x), m_lastBin - 1);
            const double f = x - k;
            out[b] = static_cast<float>(linear[k] * (1.0 - f) + linear[std::min(k + 1, m_lastBin)] * f);
        }
    }
}

} // namespace stemcrate::analysis
