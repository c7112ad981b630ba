#pragma once
// RealFft: a real-input FFT of one fixed size (KissFFT), with its scratch buffers.
//
// Ownership: owns the KissFFT plan. Threads: one RealFft per thread at a time (KissFFT's real transform
// keeps scratch in the plan); create one per worker or borrow from a pool. Units: `size` in samples;
// magnitudes are |X[k]| for k = 0..size/2, unscaled.

#include <complex>
#include <memory>
#include <vector>

struct kiss_fftr_state;

namespace stemcrate::analysis {

class RealFft
{
public:
    explicit RealFft(int size); // size: even, > 0
    ~RealFft();
    RealFft(const RealFft&) = delete;
    RealFft& operator=(const RealFft&) = delete;

    int size() const { return m_size; }
    int bins() const { return m_size / 2 + 1; }

    // in: size() samples. out: bins() values.
    void forward(const float* in, std::complex<float>* out);
    // in: bins() values; out: size() samples, scaled by size() (KissFFT does not normalise).
    void inverse(const std::complex<float>* in, float* out);
    void magnitudes(const float* in, float* out);

    // A periodic Hann window of `size` samples (sums to size / 2).
    static std::vector<float> hannWindow(int size);

private:
    struct PlanDeleter
    {
        void operator()(kiss_fftr_state* plan) const;
    };
    int m_size;
    std::unique_ptr<kiss_fftr_state, PlanDeleter> m_plan;
    std::unique_ptr<kiss_fftr_state, PlanDeleter> m_inversePlan; // made on first use
    std::vector<std::complex<float>> m_spectrum;
};

} // namespace stemcrate::analysis
