#include "analysis/RealFft.h"

#include <kiss_fftr.h>

#include <cmath>
#include <numbers>

namespace stemcrate::analysis {

static_assert(sizeof(kiss_fft_cpx) == sizeof(std::complex<float>), "KissFFT must be built for float");

void RealFft::PlanDeleter::operator()(kiss_fftr_state* plan) const
{
    kiss_fftr_free(plan);
}

RealFft::RealFft(int size)
    : m_size(size), m_plan(kiss_fftr_alloc(size, 0, nullptr, nullptr)),
      m_spectrum(static_cast<size_t>(size / 2 + 1))
{
}

RealFft::~RealFft() = default;

void RealFft::forward(const float* in, std::complex<float>* out)
{
    kiss_fftr(m_plan.get(), in, reinterpret_cast<kiss_fft_cpx*>(out));
}

void RealFft::inverse(const std::complex<float>* in, float* out)
{
    if (!m_inversePlan)
        m_inversePlan.reset(kiss_fftr_alloc(m_size, 1, nullptr, nullptr));
    kiss_fftri(m_inversePlan.get(), reinterpret_cast<const kiss_fft_cpx*>(in), out);
}

void RealFft::magnitudes(const float* in, float* out)
{
    forward(in, m_spectrum.data());
    for (size_t k = 0; k < m_spectrum.size(); ++k)
        out[k] = std::abs(m_spectrum[k]);
}

std::vector<float> RealFft::hannWindow(int size)
{
    std::vector<float> window(static_cast<size_t>(size));
    for (int i = 0; i < size; ++i)
        window[static_cast<size_t>(i)] =
            static_cast<float>(0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * i / size));
    return window;
}

} // namespace stemcrate::analysis
