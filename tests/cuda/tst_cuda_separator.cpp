// The engine a user gets on a CUDA build (issue 20's GPU users): EngineChoice with Auto device and precision
// (what the app and the CLI ask for) resolves to CUDA, float16 and the GPU's name; Separator::load with those
// options runs there (the weights and the song's tensors in GPU memory) and its stems match the CPU
// Separator's float32 stems within float16's precision; a second song equals the first (the first replays
// the CUDA graph captured while the checkpoint was read, Separator.cpp). A plain program (the GPU machine
// has no Qt): prints every check, exits non-zero if any failed. Then issue 21's pipeline path: prepare() on
// other threads, launch(), the landing on other threads, bit-identical to separate().
// Usage: test_cuda_separator CHECKPOINT (a torchaudio HDemucs state_dict; tests/bench/gpu_*.sh make one).

#include "CudaCheck.h"
#include "separation/EngineChoice.h"
#include "separation/Separator.h"

#include <c10/cuda/CUDACachingAllocator.h>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace sep = stemcrate::separation;
using stemcrate::AudioBuffer;
using stemcrate::cudatest::check;

namespace {

namespace allocator = c10::cuda::CUDACachingAllocator;

double megabytes(int64_t bytes)
{
    return static_cast<double>(bytes) / 1048576.0;
}

// The stems as one tensor [sources, channels * frames].
torch::Tensor stacked(const sep::Stems& stems)
{
    std::vector<torch::Tensor> rows;
    for (const AudioBuffer& stem : stems.audio)
        rows.push_back(torch::from_blob(const_cast<float*>(stem.samples.data()),
                                        {static_cast<int64_t>(stem.samples.size())})
                           .clone());
    return torch::stack(rows);
}

void testAutoChoice()
{
    sep::SeparatorOptions automatic;
    automatic.device = sep::Device::Auto;
    automatic.precision = sep::Precision::Auto;
    const sep::EngineChoice choice = sep::EngineChoice::forOptions(automatic);
    check(choice.device == sep::Device::Cuda, "EngineChoice Auto: device is CUDA",
          static_cast<int>(choice.device), static_cast<int>(sep::Device::Cuda));
    check(choice.precision == sep::Precision::Float16,
          std::string("EngineChoice Auto: precision is float16 (") + sep::precisionName(choice.precision) +
              ")",
          static_cast<int>(choice.precision), static_cast<int>(sep::Precision::Float16));
    check(!choice.deviceName.empty(),
          "EngineChoice Auto: the GPU's name (" + choice.deviceName + "), characters",
          static_cast<double>(choice.deviceName.size()), 1);
    check(choice.threads >= 1, "EngineChoice Auto: intra-op threads", choice.threads, 1);
}

void testAutoSeparator(const std::string& checkpoint)
{
    sep::SeparatorOptions automatic;
    automatic.device = sep::Device::Auto;
    automatic.precision = sep::Precision::Auto;
    (void)torch::zeros({1}, torch::kCUDA); // the caching allocator's statistics exist from its first use
    torch::cuda::synchronize();
    const int64_t heldBefore = allocator::getDeviceStats(0).allocated_bytes[0].current;
    auto loaded = sep::Separator::load(checkpoint, automatic);
    if (!loaded) {
        check(false, "Separator::load with Auto: " + loaded.error(), 0, 0);
        return;
    }
    sep::Separator& gpu = *loaded.value();
    check(gpu.options().device == sep::Device::Cuda && gpu.options().precision == sep::Precision::Float16,
          "Separator::load Auto: options resolved to CUDA, float16", static_cast<int>(gpu.options().device),
          static_cast<int>(sep::Device::Cuda));
    // 83.6 M parameters in float16 are 160 MB; the graph captured at load holds a pass's activations too.
    const double heldMb = megabytes(allocator::getDeviceStats(0).allocated_bytes[0].current - heldBefore);
    check(heldMb >= 150, "Separator::load Auto: GPU memory held after the load, MB", heldMb, 150);
    // The device's warm-up started every library before the capture, and the load report says when.
    const std::string report = gpu.loadReport();
    check(report.find("device warm-up") != std::string::npos && report.find("cuDNN") != std::string::npos &&
              report.find("song kernels") != std::string::npos && report.find("failed") == std::string::npos,
          "Separator::load Auto: the load report gives the device warm-up's steps, none failed: " + report, 0,
          0);

    torch::manual_seed(5);
    const int64_t frames = 20 * stemcrate::kEngineSampleRate; // two windows
    AudioBuffer mix(stemcrate::kEngineChannels, frames);
    const torch::Tensor noise = torch::randn({static_cast<int64_t>(mix.samples.size())}) * 0.2;
    std::copy_n(noise.data_ptr<float>(), mix.samples.size(), mix.samples.data());

    const int64_t allocationsBefore = allocator::getDeviceStats(0).allocation[0].allocated;
    sep::Stems first, second;
    const auto separated = gpu.separate(mix, first);
    check(static_cast<bool>(separated),
          "Separator Auto: separate() " + (separated ? std::string("ok") : separated.error()), 0, 0);
    const double allocations =
        static_cast<double>(allocator::getDeviceStats(0).allocation[0].allocated - allocationsBefore);
    check(allocations >= 3, "Separator Auto: the song's tensors were made on the GPU (allocations)",
          allocations, 3);
    if (!separated || first.audio.size() != 4)
        return;
    check(static_cast<bool>(gpu.separate(mix, second)) &&
              stemcrate::cudatest::relativeL2(stacked(second), stacked(first)) == 0.0,
          "Separator Auto: a second song equals the first (both replay one graph)", 0, 0);

    sep::SeparatorOptions onCpu;
    onCpu.device = sep::Device::Cpu;
    onCpu.precision = sep::Precision::Float32;
    auto cpu = sep::Separator::load(checkpoint, onCpu);
    sep::Stems reference;
    if (!cpu || !cpu.value()->separate(mix, reference)) {
        check(false, "the CPU Separator", 0, 0);
        return;
    }
    // float16 against float32: the forward pass keeps every source within 40 dB (test_cuda_engine).
    const torch::Tensor want = stacked(reference), got = stacked(first);
    for (int64_t s = 0; s < want.size(0); ++s) {
        const double snr = 10 * std::log10(want[s].square().sum().item<double>() /
                                           std::max((got[s] - want[s]).square().sum().item<double>(), 1e-30));
        check(snr >= 40,
              "Separator Auto (CUDA float16) against the CPU's float32, " + reference.names[s] + " SNR dB",
              snr, 40);
    }
}

// Issue 21's pipeline path: songs prepared on other threads (their mix uploaded there once the batch shape's
// graph replays), launched here, their last batch landed on other threads (StemLanding), against separate()
// on the same songs: the same stems bit for bit; prepare() holds the mix in GPU memory; launch() leaves the
// landing to the caller; two songs' landings outstanding at once do not block the next launch.
void testPreparedSongs(const std::string& checkpoint)
{
    sep::SeparatorOptions options;
    options.device = sep::Device::Cuda;
    options.precision = sep::Precision::Float16;
    options.batchSize = 6;
    auto loaded = sep::Separator::load(checkpoint, options);
    if (!loaded) {
        check(false, "Separator::load for prepared songs: " + loaded.error(), 0, 0);
        return;
    }
    sep::Separator& gpu = *loaded.value();
    std::vector<AudioBuffer> songs;
    for (int k = 0; k < 4; ++k) {
        torch::manual_seed(11 + k);
        AudioBuffer mix(k == 3 ? 1 : stemcrate::kEngineChannels,
                        (50 + 7 * k) * stemcrate::kEngineSampleRate + 13 * k);
        const torch::Tensor noise = torch::randn({static_cast<int64_t>(mix.samples.size())}) * 0.2;
        std::copy_n(noise.data_ptr<float>(), mix.samples.size(), mix.samples.data());
        songs.push_back(std::move(mix));
    }
    // separate() twice first: the cold song, then a warm one whose passes all replay the graph (from then on
    // prepare() uploads).
    std::vector<sep::Stems> reference(songs.size());
    for (size_t k = 0; k < songs.size(); ++k)
        if (!gpu.separate(songs[k], reference[k])) {
            check(false, "separate() for the reference stems", static_cast<double>(k), 0);
            return;
        }
    sep::Stems again;
    (void)gpu.separate(songs[0], again);

    // Songs 0 and 1 prepared on other threads, then launched back to back with both landings outstanding.
    std::vector<stemcrate::Result<sep::PreparedSong>> prepared;
    for (size_t k = 0; k < songs.size(); ++k)
        prepared.emplace_back(stemcrate::Error{"not prepared"});
    torch::cuda::synchronize();
    const int64_t heldBefore = allocator::getDeviceStats(0).allocated_bytes[0].current;
    std::thread([&] { prepared[0] = gpu.prepare(songs[0]); }).join();
    const double preparedMb = megabytes(allocator::getDeviceStats(0).allocated_bytes[0].current - heldBefore);
    const double mixMb = megabytes(static_cast<int64_t>(songs[0].samples.size() * sizeof(float)));
    check(preparedMb >= mixMb, "prepare(): the mix is in GPU memory after it returns, MB", preparedMb, mixMb);
    std::thread([&] { prepared[1] = gpu.prepare(songs[1]); }).join();
    std::vector<sep::Stems> staged(songs.size());
    std::vector<sep::StemLanding> landings(songs.size());
    std::vector<stemcrate::Result<void>> landed(songs.size());
    auto launchSong = [&](size_t k) {
        if (!prepared[k]) {
            check(false, "prepare(): " + prepared[k].error(), static_cast<double>(k), 0);
            return false;
        }
        auto launched = gpu.launch(std::move(prepared[k]).value(), staged[k]);
        if (!launched) {
            check(false, "launch(): " + launched.error(), static_cast<double>(k), 0);
            return false;
        }
        landings[k] = std::move(launched).value();
        return true;
    };
    auto land = [&](size_t k) { landed[k] = landings[k] ? landings[k]() : stemcrate::Result<void>{}; };
    for (size_t k = 0; k < 2; ++k) {
        if (!launchSong(k))
            return;
        check(static_cast<bool>(landings[k]),
              "launch(): the last batch is left to the landing, song " + std::to_string(k),
              landings[k] ? 1 : 0, 1);
    }
    // Songs 2 and 3 prepared on a thread while the landings of 0 and 1 run on two others and song 2 launches
    // (it may wait for a staging slot that one of them frees).
    std::thread preparing([&] {
        prepared[2] = gpu.prepare(songs[2]);
        prepared[3] = gpu.prepare(songs[3]);
    });
    std::thread land0(land, 0), land1(land, 1);
    preparing.join();
    const bool launched = launchSong(2) && launchSong(3);
    land0.join();
    land1.join();
    if (!launched)
        return;
    for (size_t k = 2; k < songs.size(); ++k)
        std::thread(land, k).join();
    for (size_t k = 0; k < songs.size(); ++k) {
        check(static_cast<bool>(landed[k]),
              "the landing of song " + std::to_string(k) + (landed[k] ? "" : ": " + landed[k].error()), 0, 0);
        const bool same = staged[k].audio.size() == reference[k].audio.size() &&
                          stemcrate::cudatest::relativeL2(stacked(staged[k]), stacked(reference[k])) == 0.0;
        check(same,
              "prepared + launched + landed elsewhere equals separate(), bit for bit, song " +
                  std::to_string(k) + (k == 3 ? " (mono)" : ""),
              same ? 0 : 1, 0);
    }
}

} // namespace

int main(int argc, char** argv)
{
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    if (!torch::cuda::is_available() || argc < 2) {
        check(false, "a CUDA device and a checkpoint (usage: test_cuda_separator CHECKPOINT)", 0, 0);
        return 1;
    }
    testAutoChoice();
    testAutoSeparator(argv[1]);
    testPreparedSongs(argv[1]);
    std::printf("%d failure(s)\n", stemcrate::cudatest::failures());
    return stemcrate::cudatest::failures() == 0 ? 0 : 1;
}
