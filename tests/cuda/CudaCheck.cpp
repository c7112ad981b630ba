#include "CudaCheck.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace stemcrate::cudatest {

namespace {
int g_failures = 0;
}

void check(bool ok, const std::string& what, double value, double limit)
{
    std::printf("%s %-72s %.3g (limit %.3g)\n", ok ? "ok  " : "FAIL", what.c_str(), value, limit);
    if (!ok)
        ++g_failures;
}

int failures()
{
    return g_failures;
}

double relativeL2(const torch::Tensor& a, const torch::Tensor& b)
{
    const torch::Tensor x = a.to(torch::kCPU, torch::kFloat64), y = b.to(torch::kCPU, torch::kFloat64);
    return (x - y).norm().item<double>() / std::max(y.norm().item<double>(), 1e-30);
}

void expectClose(const torch::Tensor& got, const torch::Tensor& want, double limit, const std::string& what)
{
    if (got.sizes() != want.sizes()) {
        check(false, what + ": shape differs", 0, 0);
        return;
    }
    const double error = relativeL2(got, want);
    check(std::isfinite(error) && error <= limit, what, error, limit);
}

} // namespace stemcrate::cudatest
