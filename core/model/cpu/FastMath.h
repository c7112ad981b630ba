#pragma once
// Branch-free float approximations that the compiler vectorises, for the CPU kernels of core/model
// (LstmCpu, ElementwiseCpu). Accurate to a few ulp (exp) / 1.5e-7 absolute (erf): far inside the engine's
// 1e-4 parity budget. Internal to core/model.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

// Loops over these are compiled for several instruction sets and picked at run time (GCC function multi-
// versioning), so the default build stays portable (no -march=native) and still uses AVX2/AVX-512.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define STEMCRATE_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define STEMCRATE_CLONES
#endif

namespace stemcrate::model::fastmath {

// exp(x): Cody-Waite range reduction and the Cephes expf polynomial (about 2 ulp).
inline float exp(float x)
{
    x = std::min(std::max(x, -87.0f), 87.0f);
    constexpr float kRound = 12582912.0f; // 1.5 * 2^23: adding and subtracting it rounds to an integer
    const float n = (x * 1.44269504088896341f + kRound) - kRound;
    float r = x - n * 0.693359375f;
    r = r + n * 2.12194440e-4f;
    float p = 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    p = p * r * r + r + 1.0f;
    const std::int32_t bits = (static_cast<std::int32_t>(n) + 127) << 23;
    float scale;
    std::memcpy(&scale, &bits, sizeof scale);
    return p * scale;
}

inline float sigmoid(float x)
{
    return 1.0f / (1.0f + exp(-x));
}

inline float tanh(float x)
{
    return 2.0f / (1.0f + exp(-2.0f * x)) - 1.0f;
}

// erf(x): Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7), odd-extended.
inline float erf(float x)
{
    const float a = std::fabs(x);
    const float t = 1.0f / (1.0f + 0.3275911f * a);
    float p = 1.061405429f;
    p = p * t - 1.453152027f;
    p = p * t + 1.421413741f;
    p = p * t - 0.284496736f;
    p = p * t + 0.254829592f;
    const float y = 1.0f - p * t * exp(-a * a);
    return std::copysign(y, x);
}

// GELU with the exact (erf) form, as torch.nn.GELU() computes it.
inline float gelu(float x)
{
    return 0.5f * x * (1.0f + erf(x * 0.70710678118654752f));
}

} // namespace stemcrate::model::fastmath
