#pragma once
// The CUDA test programs' checks (the GPU machine has no Qt: plain programs, not Qt Test): each check prints
// one line, ok or FAIL, with its value and limit; failures() counts the failed ones for the exit status.
// Test-only; one thread.

#include <torch/torch.h>

#include <string>

namespace stemcrate::cudatest {

void check(bool ok, const std::string& what, double value, double limit);
int failures();
// ||a - b|| / ||b||, in float64 on the host.
double relativeL2(const torch::Tensor& a, const torch::Tensor& b);
// A check that relativeL2(got, want) <= limit (shapes equal, finite).
void expectClose(const torch::Tensor& got, const torch::Tensor& want, double limit, const std::string& what);

} // namespace stemcrate::cudatest
