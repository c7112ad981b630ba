// The CPU engine's own building blocks against libtorch's: the LSTM recurrence (LstmCpu), the row-split GEMM
// (ParallelGemm.h) and the tensor cache's arena (TensorCache). The whole model's parity is tst_model_parity.

#include "model/ForwardState.h"
#include "model/HDemucs.h"
#include "model/cpu/CpuRuntime.h"
#include "model/cpu/ElementwiseCpu.h"
#include "model/cpu/LstmCpu.h"
#include "model/cpu/ParallelGemm.h"
#include "model/cpu/TensorCache.h"
#include "model/cpu/WinogradConv.h"

#include "ProcessMemory.h"

#include <QtTest>

#include <torch/torch.h>

#include <algorithm>
#include <atomic>
#include <cmath>

using namespace stemcrate;

namespace {

double relativeL2(const torch::Tensor& a, const torch::Tensor& b)
{
    return ((a - b).norm() / b.norm()).item<double>();
}

} // namespace

// 1 when the mapping holding `address` carries MADV_HUGEPAGE ("hg" in its VmFlags), 0 when not, -1 when
// /proc/self/smaps has no mapping for it.
int hugePageAdvice(const void* address)
{
    QFile smaps("/proc/self/smaps");
    if (!smaps.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    const auto target = reinterpret_cast<quintptr>(address);
    bool inside = false;
    for (const QByteArray& line : smaps.readAll().split('\n')) {
        const int dash = line.indexOf('-');
        const int space = line.indexOf(' ');
        if (dash > 0 && space > dash && line[space - 1] != ':') { // a mapping's header: "start-end perms ..."
            bool ok1 = false, ok2 = false;
            const quintptr start = line.left(dash).toULongLong(&ok1, 16);
            const quintptr end = line.mid(dash + 1, space - dash - 1).toULongLong(&ok2, 16);
            inside = ok1 && ok2 && start <= target && target < end;
        } else if (inside && line.startsWith("VmFlags:")) {
            return line.split(' ').contains("hg") ? 1 : 0;
        }
    }
    return -1;
}

class TestCpuKernels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        torch::set_num_threads(2);
        model::prepareCpuRuntime();
    }

    void lstmMatchesLibtorch_data()
    {
        QTest::addColumn<int>("steps");
        QTest::addColumn<int>("batch");
        QTest::addColumn<int>("hidden");
        QTest::addColumn<int>("layers");
        QTest::newRow("HDemucs deep layer shape") << 200 << 3 << 48 << 2;
        QTest::newRow("odd sizes") << 37 << 5 << 19 << 2;
        QTest::newRow("one step, one layer") << 1 << 1 << 8 << 1;
        QTest::newRow("wide gates (several column blocks)") << 16 << 2 << 100 << 1;
    }

    void lstmMatchesLibtorch()
    {
        QFETCH(int, steps);
        QFETCH(int, batch);
        QFETCH(int, hidden);
        QFETCH(int, layers);
        torch::manual_seed(steps * 131 + hidden);
        torch::nn::LSTM lstm(torch::nn::LSTMOptions(hidden, hidden).num_layers(layers).bidirectional(true));
        torch::NoGradGuard noGrad;
        // Larger than default weights so the gates saturate somewhere (tanh/sigmoid tails are exercised).
        for (auto& p : lstm->parameters())
            p.uniform_(-1.5 / std::sqrt(hidden), 1.5 / std::sqrt(hidden));
        const torch::Tensor x = 2.0 * torch::randn({steps, batch, hidden});
        const torch::Tensor expected = std::get<0>(lstm->forward(x));
        const torch::Tensor ours = model::lstmForwardCpu(*model::LstmCpuWeights::of(lstm), x);
        QCOMPARE(ours.sizes().vec(), expected.sizes().vec());
        const double error = relativeL2(ours, expected);
        qInfo("relative L2 %.3g, max abs %.3g", error, (ours - expected).abs().max().item<double>());
        QVERIFY2(error < 1e-5, qPrintable(QString::number(error)));
    }

    void lstmRejectsWhatItCannotRun()
    {
        torch::nn::LSTM forwardOnly(torch::nn::LSTMOptions(4, 4));
        QVERIFY_THROWS_EXCEPTION(c10::Error, model::LstmCpuWeights::of(forwardOnly));
        torch::nn::LSTM both(torch::nn::LSTMOptions(4, 4).bidirectional(true));
        const auto weights = model::LstmCpuWeights::of(both);
        QVERIFY_THROWS_EXCEPTION(c10::Error,
                                 model::lstmForwardCpu(*weights, torch::zeros({3, 1, 4}).to(torch::kDouble)));
        QVERIFY_THROWS_EXCEPTION(c10::Error, model::lstmForwardCpu(*weights, torch::zeros({3, 1, 5})));
    }

    void parallelMmMatchesMm()
    {
        torch::manual_seed(7);
        const torch::Tensor a = torch::randn({1001, 96});
        const torch::Tensor b = torch::randn({96, 130});
        const torch::Tensor rowBias = torch::randn({130});
        const torch::Tensor columnBias = torch::randn({1001, 1});
        QVERIFY(relativeL2(model::parallelMm(a, b), torch::mm(a, b)) < 1e-6);
        QVERIFY(relativeL2(model::parallelMm(a, b, rowBias), torch::addmm(rowBias, a, b)) < 1e-6);
        QVERIFY(relativeL2(model::parallelMm(a, b, columnBias), torch::addmm(columnBias, a, b)) < 1e-6);
        // A transposed (non-contiguous) right-hand side, as the engine passes weights.
        const torch::Tensor bt = torch::randn({130, 96});
        QVERIFY(relativeL2(model::parallelMm(a, bt.t()), torch::mm(a, bt.t())) < 1e-6);
        // Model parameters require grad; the engine runs under NoGradGuard, which the worker threads must
        // inherit (addmm_out throws on a requires-grad operand otherwise).
        const torch::NoGradGuard noGrad;
        const torch::Tensor weight = torch::randn({96, 130}).requires_grad_(true);
        QVERIFY(relativeL2(model::parallelMm(a, weight, rowBias), torch::addmm(rowBias, a, weight)) < 1e-6);
    }

    // Our loops go through at::parallel_for, an inline OpenMP pragma in libtorch's headers: built without
    // -fopenmp they run on one thread, silently (a 10 s window took 1.95 s instead of 1.52 s).
    void ownParallelLoopsUseEveryThread()
    {
        QCOMPARE(at::get_num_threads(), 2);
        QCOMPARE(model::cpuLoopThreads(), 2);
    }

    void geluMatchesLibtorch()
    {
        torch::manual_seed(3);
        // Values over the whole useful range, the tails and exact zeros and infinities included.
        torch::Tensor x = torch::cat({8.0 * torch::randn({200000}), torch::linspace(-12, 12, 4801),
                                      torch::tensor({0.0f, -0.0f, 1e-30f, -1e-30f})});
        const torch::Tensor ours = model::gelu(x);
        const torch::Tensor expected = torch::gelu(x);
        const double maxError = (ours - expected).abs().max().item<double>();
        qInfo("max abs error %.3g", maxError);
        QVERIFY2(maxError < 1e-6, qPrintable(QString::number(maxError)));
        QVERIFY(relativeL2(ours, expected) < 1e-6);

        // Channels-last input: same layout out, same values.
        const torch::Tensor cl = torch::randn({2, 6, 5, 7}).contiguous(torch::MemoryFormat::ChannelsLast);
        const torch::Tensor outCl = model::gelu(cl);
        QVERIFY(outCl.is_contiguous(torch::MemoryFormat::ChannelsLast));
        QVERIFY((outCl - torch::gelu(cl)).abs().max().item<double>() < 1e-6);
        // A strided view falls back to libtorch and is still right.
        const torch::Tensor view = torch::randn({9, 12}).slice(1, 1, 10, 2);
        QVERIFY((model::gelu(view) - torch::gelu(view)).abs().max().item<double>() < 1e-6);
        // Other dtypes go to libtorch.
        const torch::Tensor d = torch::randn({100}, torch::kDouble);
        QCOMPARE(model::gelu(d).scalar_type(), torch::kDouble);
    }

    void geluOfCroppedRows()
    {
        // A time decoder's output cropped along its length: rows of contiguous values, computed here.
        torch::manual_seed(4);
        const torch::Tensor full = 4.0 * torch::randn({2, 6, 5000});
        const torch::Tensor crop = full.slice(2, 3, 4990);
        QVERIFY(!crop.is_non_overlapping_and_dense());
        const torch::Tensor ours = model::gelu(crop);
        QVERIFY(ours.is_contiguous());
        QCOMPARE(ours.sizes().vec(), crop.sizes().vec());
        QVERIFY((ours - torch::gelu(crop)).abs().max().item<double>() < 1e-6);
    }

    // model::NormAct on the CPU against the same chain of libtorch operators in float64, over the layouts
    // and operations HDemucs uses: per-row GroupNorm(1) of channels-last DConv rows, GroupNorm(1 or 4) of
    // whole [B, C, T] items (one long row split over the threads), channels-last items with groups, GELU,
    // GLU with LayerScale and residual, with and without a convolution bias and a norm.
    void normActMatchesLibtorch()
    {
        using model::Activation;
        torch::manual_seed(8);
        const auto cl = torch::MemoryFormat::ChannelsLast;
        struct Case
        {
            const char* name;
            torch::Tensor x;
            int64_t groups;
            bool perRow;
            Activation activation;
            bool convBias, affine, scaleResidual;
        };
        const std::vector<Case> cases{
            {"rows, GroupNorm(1), GELU", torch::randn({2, 12, 9, 140}).contiguous(cl), 1, true,
             Activation::Gelu, false, true, false},
            {"rows, bias + GroupNorm(1) + GLU + scale + residual",
             torch::randn({1, 32, 16, 90}).contiguous(cl), 1, true, Activation::Glu, true, true, true},
            {"one long row, bias + GroupNorm(1) + GLU + scale + residual", torch::randn({1, 24, 70001}), 1,
             false, Activation::Glu, true, true, true},
            {"one long row, GroupNorm(1) + GELU", torch::randn({1, 12, 50000}), 1, false, Activation::Gelu,
             false, true, false},
            {"items, GroupNorm(4) + GLU", torch::randn({3, 64, 300}), 4, false, Activation::Glu, true, true,
             false},
            {"channels-last item, GroupNorm(4) + GELU", torch::randn({1, 32, 8, 200}).contiguous(cl), 4,
             false, Activation::Gelu, true, true, false},
            {"channels-last items, GroupNorm(4), no activation", torch::randn({8, 16, 4, 30}).contiguous(cl),
             4, false, Activation::None, false, true, false},
            {"bias and GELU only", torch::randn({1, 8, 3000}), 0, false, Activation::Gelu, true, false,
             false},
            // A mean far above the spread: the statistics must not cancel.
            {"offset values, bias + GroupNorm(1) + GLU", 300.0 + torch::randn({1, 16, 8, 64}).contiguous(cl),
             1, true, Activation::Glu, true, true, true},
        };
        for (const Case& c : cases) {
            const int64_t C = c.x.size(1), Co = c.activation == Activation::Glu ? C / 2 : C;
            model::NormAct op;
            op.groups = c.groups;
            op.perRow = c.perRow;
            op.activation = c.activation;
            if (c.convBias)
                op.convBias = torch::randn({C});
            if (c.affine) {
                op.weight = 1.0 + 0.3 * torch::randn({C});
                op.bias = 0.3 * torch::randn({C});
            }
            std::vector<int64_t> outSizes = c.x.sizes().vec();
            outSizes[1] = Co;
            if (c.scaleResidual) {
                op.scale = torch::randn({Co});
                op.residual = torch::randn(outSizes).contiguous(c.x.suggest_memory_format());
            }
            const torch::Tensor ours = model::normAct(c.x, op);

            // The same with libtorch's operators, in float64 (the truth) and in float32 (the bar: the engine
            // must be as close to the truth as libtorch's own float32 chain).
            auto reference = [&](torch::ScalarType dtype) {
                auto d = [dtype](const torch::Tensor& t) { return t.defined() ? t.to(dtype) : t; };
                std::vector<int64_t> perChannel(static_cast<size_t>(c.x.dim()), 1);
                perChannel[1] = -1;
                torch::Tensor y = d(c.x);
                if (c.convBias)
                    y = y + d(op.convBias).view(perChannel);
                if (c.groups > 0) {
                    if (c.perRow) {
                        const int64_t B = y.size(0), R = y.size(2), T = y.size(3);
                        y = torch::group_norm(y.permute({0, 2, 1, 3}).reshape({B * R, C, T}), 1, d(op.weight),
                                              d(op.bias), 1e-5)
                                .view({B, R, C, T})
                                .permute({0, 2, 1, 3});
                    } else {
                        y = torch::group_norm(y, c.groups, d(op.weight), d(op.bias), 1e-5);
                    }
                }
                if (c.activation == Activation::Gelu)
                    y = torch::gelu(y);
                else if (c.activation == Activation::Glu)
                    y = torch::glu(y, 1);
                if (c.scaleResidual)
                    y = y * d(op.scale).view(perChannel) + d(op.residual);
                return y.to(torch::kDouble);
            };
            const torch::Tensor truth = reference(torch::kDouble);
            const double libtorchError = relativeL2(reference(torch::kFloat32), truth);

            QCOMPARE(ours.sizes().vec(), outSizes);
            QCOMPARE(ours.scalar_type(), torch::kFloat32);
            QCOMPARE(ours.suggest_memory_format(), c.x.suggest_memory_format());
            const double error = relativeL2(ours.to(torch::kDouble), truth);
            qInfo("%s: relative L2 %.2e (libtorch's float32 %.2e)", c.name, error, libtorchError);
            QVERIFY2(error < std::max(1e-6, 1.5 * libtorchError), c.name);
        }
        // float64 takes libtorch's operators, and is right.
        model::NormAct op;
        op.groups = 1;
        op.activation = Activation::Gelu;
        const torch::Tensor x = torch::randn({1, 4, 100}, torch::kDouble);
        const torch::Tensor out = model::normAct(x, op);
        QCOMPARE(out.scalar_type(), torch::kDouble);
        QVERIFY(relativeL2(out, torch::gelu(torch::group_norm(x, 1))) < 1e-12);
    }

    // A transposed convolution as a GEMM plus model::overlapAdd (the CPU decoders' form) against libtorch's
    // conv_transpose, cropped and through GELU: the frequency branch's [B, C, L, W] rows, and the time
    // branch's [B, C, L] written channels-first.
    void overlapAddMatchesConvTranspose()
    {
        torch::manual_seed(13);
        const int64_t B = 2, Ci = 6, K = 8, S = 4;
        for (const int64_t Co : {int64_t{16}, int64_t{5}}) {
            const torch::Tensor bias = torch::randn({Co});
            // Frequency: kernel [K, 1] along L, W untouched; crop the K/S/2 * S padding both sides, GELU.
            const torch::Tensor x = torch::randn({B, Ci, 5, 7}).contiguous(torch::MemoryFormat::ChannelsLast);
            const torch::Tensor weight = torch::randn({Ci, Co, K, 1});
            const int64_t L = x.size(2), W = x.size(3), full = (L - 1) * S + K, pad = 2;
            const torch::Tensor expected =
                torch::gelu(torch::conv_transpose2d(x, weight, bias, {S, 1}).slice(2, pad, full - pad));
            const torch::Tensor rows = x.permute({0, 2, 3, 1}).reshape({B * L * W, Ci});
            const torch::Tensor w = weight.view({Ci, Co, K}).permute({0, 2, 1}).reshape({Ci, K * Co});
            const torch::Tensor out = model::overlapAdd(torch::mm(rows, w), B, L, W, K / S, S, Co, pad,
                                                        full - 2 * pad, bias, true, false);
            QCOMPARE(out.sizes().vec(), (std::vector<int64_t>{B, full - 2 * pad, W, Co}));
            QVERIFY(relativeL2(out.permute({0, 3, 1, 2}), expected) < 1e-6);

            // Time: [B, Ci, T] in, a crop of `length` from `pad`, channels-first out, no GELU; long enough to
            // take several 64-position tiles and a ragged last one.
            const torch::Tensor xt = torch::randn({B, Ci, 150});
            const torch::Tensor wt = torch::randn({Ci, Co, K});
            const int64_t T = xt.size(2), length = 590;
            const torch::Tensor expectedT =
                torch::conv_transpose1d(xt, wt, bias, S).slice(2, pad, pad + length);
            const torch::Tensor rowsT = xt.permute({0, 2, 1}).reshape({B * T, Ci});
            const torch::Tensor wT = wt.permute({0, 2, 1}).reshape({Ci, K * Co});
            const torch::Tensor outT = model::overlapAdd(torch::mm(rowsT, wT), B, T, 1, K / S, S, Co, pad,
                                                         length, bias, false, true);
            QVERIFY(outT.is_contiguous());
            QCOMPARE(outT.sizes().vec(), expectedT.sizes().vec());
            QVERIFY(relativeL2(outT, expectedT) < 1e-6);
        }
        // A crop past the end of the output is refused.
        QVERIFY_THROWS_EXCEPTION(c10::Error, model::overlapAdd(torch::zeros({1 * 3 * 1 * 2 * 4 * 2}), 1, 3, 1,
                                                               2, 4, 2, 10, 7, {}, false, false));
    }

    // prepare() builds every kernel layout of the weights (transposed convolutions' tap-major weights,
    // single-row middle kernels, Winograd's kernels, the LSTMs' transposed weights) from the weights as they
    // are then. Weights modified in place, or replaced (a checkpoint adopted into the model), and prepared
    // again must give exactly what a model built with them from the start gives; a state that ran the model
    // before starts afresh (its Winograd plans held the old weights' layout).
    void prepareBuildsLayoutsFromTheWeights()
    {
        torch::manual_seed(14);
        const torch::NoGradGuard noGrad;
        model::HDemucs first(model::HDemucsConfig::high());
        for (torch::Tensor& p : first->parameters())
            p.copy_(0.05 * torch::randn(p.sizes()));
        first->prepare(torch::kCPU);
        model::ForwardState state;
        const torch::Tensor mix = torch::randn({1, 2, 44100});
        auto sameAsFresh = [&](const torch::Tensor& out) {
            model::HDemucs fresh(model::HDemucsConfig::high());
            const std::vector<torch::Tensor> from = first->parameters(), to = fresh->parameters();
            for (size_t i = 0; i < from.size(); ++i)
                to[i].copy_(from[i]);
            fresh->prepare(torch::kCPU);
            model::ForwardState freshState;
            return relativeL2(out, fresh->forward(mix, freshState)) < 1e-6;
        };
        const torch::Tensor before = first->forward(mix, state);
        QVERIFY(sameAsFresh(before));

        for (torch::Tensor& p : first->parameters()) // in place
            p.mul_(-0.8);
        first->prepare(torch::kCPU);
        const torch::Tensor modified = first->forward(mix, state);
        QVERIFY(relativeL2(modified, before) > 1e-2);
        QVERIFY(sameAsFresh(modified));

        for (torch::Tensor& p : first->parameters()) // replaced: new storage, as loadStateDict adopts it
            p.set_data(p.detach().clone() * 1.1);
        first->prepare(torch::kCPU);
        const torch::Tensor replaced = first->forward(mix, state);
        QVERIFY(relativeL2(replaced, modified) > 1e-2);
        QVERIFY(sameAsFresh(replaced));

        // An unprepared model refuses to run rather than read layouts that are not there.
        model::HDemucs unprepared(model::HDemucsConfig::high());
        QVERIFY_THROWS_EXCEPTION(c10::Error, unprepared->forward(mix, state));
    }

    // prepareWithoutValues() (the loader's GPU warm-up model, whose weights are overwritten in place) gives
    // every parameter the device, dtype and shape prepare() gives it, in memory of its own (nothing of the
    // old values is kept or copied), and once the weights are written in place and prepared the model
    // computes what a model prepared with them from the start does.
    void prepareWithoutValuesGivesPreparesTensors()
    {
        torch::manual_seed(15);
        const torch::NoGradGuard noGrad;
        model::HDemucs reference(model::HDemucsConfig::high()), placeholder(model::HDemucsConfig::high());
        for (torch::Tensor& p : reference->parameters())
            p.copy_(0.05 * torch::randn(p.sizes()));
        reference->prepare(torch::kCPU);
        std::vector<const void*> before;
        for (const torch::Tensor& p : placeholder->parameters())
            before.push_back(p.data_ptr());
        placeholder->prepareWithoutValues(torch::kCPU, torch::kFloat32);
        const auto want = reference->named_parameters(), got = placeholder->named_parameters();
        QCOMPARE(got.size(), want.size());
        for (size_t i = 0; i < got.size(); ++i) {
            const torch::Tensor &a = want[i].value(), &b = got[i].value();
            QCOMPARE(got[i].key(), want[i].key());
            QVERIFY2(a.sizes() == b.sizes() && a.scalar_type() == b.scalar_type() && a.device() == b.device(),
                     got[i].key().c_str());
            QVERIFY2(b.data_ptr() != before[i], got[i].key().c_str());
        }
        const std::vector<torch::Tensor> from = reference->parameters(), to = placeholder->parameters();
        for (size_t i = 0; i < from.size(); ++i)
            to[i].copy_(from[i]);          // in place, as loadStateDict's inPlace
        placeholder->prepare(torch::kCPU); // the CPU's layouts are made again (refreshPrepared is the GPU's)
        const torch::Tensor mix = torch::randn({1, 2, 44100});
        model::ForwardState a, b;
        QVERIFY(relativeL2(placeholder->forward(mix, b), reference->forward(mix, a)) < 1e-6);
    }

    void gluMatchesLibtorch()
    {
        torch::manual_seed(5);
        const auto cl = torch::MemoryFormat::ChannelsLast;
        // Channels-last (the frequency branch), contiguous 3-D (the time branch, one long row and several),
        // and a strided view (falls back).
        const std::vector<torch::Tensor> inputs{
            4.0 * torch::randn({2, 12, 5, 7}).contiguous(cl), 4.0 * torch::randn({1, 8, 70000}),
            4.0 * torch::randn({3, 6, 11}), 4.0 * torch::randn({2, 10, 9}).slice(2, 0, 9, 2)};
        for (const torch::Tensor& x : inputs) {
            const torch::Tensor ours = model::glu(x);
            const torch::Tensor expected = torch::glu(x, 1);
            QCOMPARE(ours.sizes().vec(), expected.sizes().vec());
            QVERIFY((ours - expected).abs().max().item<double>() < 1e-5);
        }
        QVERIFY(model::glu(inputs[0]).is_contiguous(cl));
    }

    void winogradMatchesConv2d()
    {
        torch::manual_seed(11);
        const torch::Tensor weight = torch::randn({40, 32, 3, 3}) * 0.1;
        const torch::Tensor bias = torch::randn({40});
        const std::unique_ptr<model::WinogradConv> conv = model::WinogradConv::create(weight, bias);
        // oneDNN's Winograd kernel needs AVX-512; the CI machine has it. Without oneDNN there is none.
        const bool expected = model::WinogradConv::builtWithOneDnn() && __builtin_cpu_supports("avx512f");
        QCOMPARE(bool(conv), expected);
        if (!conv)
            return; // the engine then runs libtorch's convolution (test_model_parity covers that path)
        model::WinogradPlans plans; // one worker's
        // Sizes that are not multiples of the 4x4 output tile, two batch sizes, and both layouts.
        for (const auto& sizes : {std::vector<int64_t>{1, 32, 37, 29}, std::vector<int64_t>{2, 32, 8, 431}}) {
            const torch::Tensor x = torch::randn(sizes);
            const torch::Tensor expectedOut = torch::conv2d(x, weight, bias, 1, 1);
            for (const torch::Tensor& input : {x, x.contiguous(torch::MemoryFormat::ChannelsLast)}) {
                const torch::Tensor out = conv->forward(input, plans);
                QVERIFY(out.defined());
                QVERIFY(out.is_contiguous(torch::MemoryFormat::ChannelsLast));
                QCOMPARE(out.sizes().vec(), expectedOut.sizes().vec());
                QVERIFY2(relativeL2(out, expectedOut) < 1e-5,
                         qPrintable(QString::number(relativeL2(out, expectedOut))));
            }
        }
        // More shapes than it keeps plans for (whole-track mode: one per song): evicted plans are rebuilt.
        for (int64_t width = 5; width < 12; ++width) {
            const torch::Tensor x = torch::randn({1, 32, 6, width});
            QVERIFY(relativeL2(conv->forward(x, plans), torch::conv2d(x, weight, bias, 1, 1)) < 1e-5);
        }
        // Another worker's plans, made for the same shape, give the same result: the plans hold no weights
        // of their own beyond the kernel's layout of the conv's.
        const torch::Tensor x = torch::randn({1, 32, 12, 12});
        model::WinogradPlans otherWorker;
        QVERIFY(torch::equal(conv->forward(x, otherWorker), conv->forward(x, plans)));
        // What it cannot run comes back undefined, for the caller to fall back.
        QVERIFY(!conv->forward(torch::randn({1, 31, 12, 12}), plans).defined());
        QVERIFY(!conv->forward(torch::randn({1, 32, 12, 12}, torch::kDouble), plans).defined());
        QVERIFY(!model::WinogradConv::create(torch::randn({40, 32, 5, 5}), bias));
    }

    // The decoders' form: GLU over the channels of the convolution of x + skip, straight from and into the
    // kernel's channel blocks.
    void winogradAddGluMatchesLibtorch()
    {
        torch::manual_seed(12);
        const torch::Tensor weight = torch::randn({64, 48, 3, 3}) * 0.1;
        const torch::Tensor bias = torch::randn({64});
        const std::unique_ptr<model::WinogradConv> conv = model::WinogradConv::create(weight, bias);
        QCOMPARE(bool(conv), model::WinogradConv::builtWithOneDnn() && __builtin_cpu_supports("avx512f"));
        if (!conv)
            return; // as in winogradMatchesConv2d
        model::WinogradPlans plans;
        const auto cl = torch::MemoryFormat::ChannelsLast;
        for (const auto& sizes : {std::vector<int64_t>{1, 48, 37, 29}, std::vector<int64_t>{2, 48, 8, 131}}) {
            const torch::Tensor x = torch::randn(sizes).contiguous(cl);
            const torch::Tensor skip = torch::randn(sizes).contiguous(cl);
            const torch::Tensor expected = torch::glu(torch::conv2d(x + skip, weight, bias, 1, 1), 1);
            const torch::Tensor out = conv->forwardAddGlu(x, skip, plans);
            QVERIFY(out.defined());
            QVERIFY(out.is_contiguous(cl));
            QCOMPARE(out.sizes().vec(), expected.sizes().vec());
            QVERIFY2(relativeL2(out, expected) < 1e-5,
                     qPrintable(QString::number(relativeL2(out, expected))));
            // Without a skip, and from a plain (not channels-last) input.
            const torch::Tensor alone = conv->forwardAddGlu(x.contiguous(), {}, plans);
            QVERIFY(relativeL2(alone, torch::glu(torch::conv2d(x, weight, bias, 1, 1), 1)) < 1e-5);
        }
        // Channels that are not whole 16-channel blocks, or a mismatched skip: undefined, for the caller's
        // fallback.
        const auto odd = model::WinogradConv::create(torch::randn({40, 32, 3, 3}), torch::randn({40}));
        QVERIFY(!odd->forwardAddGlu(torch::randn({1, 32, 8, 8}), {}, plans).defined());
        QVERIFY(
            !conv->forwardAddGlu(torch::randn({1, 48, 8, 8}), torch::randn({1, 48, 8, 9}), plans).defined());
    }

    // Large blocks are advised onto huge pages, except under ScopedSmallPages (the model's weights).
    // Read back from the kernel: the VMA holding the block says whether THP may back it.
    void smallPagesScopeSkipsHugePageAdvice()
    {
        if (!QFile::exists("/sys/kernel/mm/transparent_hugepage/enabled"))
            QFAIL("this test needs a kernel with transparent huge pages (Linux)");
        const torch::Tensor advised = torch::empty({int64_t{3} << 20}); // 12 MiB
        torch::Tensor plain;
        {
            const model::ScopedSmallPages weights;
            plain = torch::empty({int64_t{3} << 20});
        }
        QCOMPARE(hugePageAdvice(advised.data_ptr()), 1);
        QCOMPARE(hugePageAdvice(plain.data_ptr()), 0);
    }

    // The STFT windows and the iSTFT envelope, made by plain loops on the host, against libtorch's window.
    void windowsAndEnvelopeMatchLibtorch()
    {
        model::ForwardState state;
        const torch::Device cpu(torch::kCPU);
        const model::HDemucsConfig config = model::HDemucsConfig::high();
        const int64_t nfft = config.nfft, hl = config.hopLength(), overlap = nfft / hl;
        const torch::Tensor& window = state.window(nfft, 1.0, torch::kFloat32, cpu);
        QCOMPARE(window.scalar_type(), torch::kFloat32);
        QCOMPARE(window.numel(), nfft);
        // The exact values rounded once (libtorch's float32 window is up to 2e-7 off them).
        const torch::Tensor exact = torch::hann_window(nfft, torch::kFloat64);
        QVERIFY((window.to(torch::kFloat64) - exact).abs().max().item<double>() < 6e-8);
        QVERIFY((window - torch::hann_window(nfft)).abs().max().item<double>() < 4e-7);
        // Divided as asked, in the dtype asked.
        const double divisor = std::sqrt(static_cast<double>(nfft));
        const torch::Tensor& scaled = state.window(nfft, divisor, torch::kFloat64, cpu);
        QCOMPARE(scaled.scalar_type(), torch::kFloat64);
        QVERIFY((scaled - torch::hann_window(nfft, torch::kFloat64) / divisor).abs().max().item<double>() <
                1e-12);
        // Made once per state: the same tensor again (a captured graph reads its memory).
        QCOMPARE(state.window(nfft, 1.0, torch::kFloat32, cpu).data_ptr(), window.data_ptr());
        QVERIFY(state.window(nfft, divisor, torch::kFloat32, cpu).data_ptr() != window.data_ptr());

        // The envelope: the window's squares overlap-added, over [start, start + length).
        const int64_t frames = 40, start = nfft / 2 + hl / 2 * 3, length = 30 * hl;
        const torch::Tensor& env = state.envelope(config, frames, start, length, cpu);
        const torch::Tensor squares = torch::hann_window(nfft).view({overlap, hl}).square();
        torch::Tensor sum = torch::zeros({frames + overlap - 1, hl});
        for (int64_t j = 0; j < overlap; ++j)
            sum.slice(0, j, j + frames).add_(squares[j]);
        const torch::Tensor expected = sum.view({-1}).slice(0, start, start + length);
        QCOMPARE(env.numel(), length);
        QVERIFY((env - expected).abs().max().item<double>() < 1e-6);
        QVERIFY(env.min().item<double>() > 0.1);
        QCOMPARE(state.envelope(config, frames, start, length, cpu).data_ptr(), env.data_ptr());
        // A length the frames do not cover is refused, not read past the sum.
        QVERIFY_THROWS_EXCEPTION(c10::Error, state.envelope(config, frames, start, frames * hl, cpu));
    }

    void unpackSpectrumMatchesLibtorch()
    {
        torch::manual_seed(5);
        const int64_t B = 2, S = 4, C = 2, F = 24, T = 19;
        const torch::Tensor decoded =
            torch::randn({B, S * C * 2, F, T}).contiguous(torch::MemoryFormat::ChannelsLast);
        const torch::Tensor mean = torch::randn({B, 1, 1, 1}), std = torch::rand({B, 1, 1, 1}) + 0.5;
        // As ispec uses it: the middle of complex frames padded by two frames each side and one bin on top.
        const torch::Tensor frames = torch::zeros({B, S, C, T + 4, F + 1}, torch::kComplexFloat);
        const torch::Tensor inner = torch::view_as_real(frames).slice(3, 2, T + 2).slice(4, 0, F);
        QVERIFY(model::unpackSpectrum(decoded, mean, std, inner));
        const torch::Tensor expected =
            torch::addcmul(mean, decoded, std).view({B, S, C, 2, F, T}).permute({0, 1, 2, 5, 4, 3});
        QVERIFY((inner - expected).abs().max().item<double>() < 1e-6);
        // The padding around it is untouched.
        QCOMPARE(torch::view_as_real(frames).slice(3, 0, 2).abs().sum().item<double>(), 0.0);
        QCOMPARE(torch::view_as_real(frames).select(4, F).abs().sum().item<double>(), 0.0);
        // What it does not handle is left to the caller.
        QVERIFY(!model::unpackSpectrum(decoded.contiguous(), mean, std, inner));
        QVERIFY(!model::unpackSpectrum(decoded, mean, std, inner.narrow(1, 0, 3)));
    }

    void tensorCacheReusesFreedMemory()
    {
        model::releaseTensorCache();
        const model::TensorCacheStats before = model::tensorCacheStats();
        QCOMPARE(before.cachedBytes, size_t{0});
        constexpr int64_t kFloats = int64_t{4} << 20; // 16 MiB
        void* first = nullptr;
        {
            torch::Tensor t = torch::full({kFloats}, 3.0f);
            first = t.data_ptr();
            QCOMPARE(t.sum().item<float>(), 3.0f * kFloats);
        }
        const model::TensorCacheStats idle = model::tensorCacheStats();
        QVERIFY(idle.cachedBytes >= size_t{16} << 20);
        {
            torch::Tensor again = torch::zeros({kFloats}); // same size: the same block, zeroed as asked
            QCOMPARE(again.data_ptr(), first);
            const float* data = again.data_ptr<float>();
            QVERIFY(std::all_of(data, data + kFloats, [](float v) { return v == 0.0f; }));
            QCOMPARE(model::tensorCacheStats().hits, idle.hits + 1);
        }
        {
            // Two halves are carved out of the freed block; freed, they merge and serve the whole size again.
            torch::Tensor a = torch::ones({kFloats / 2});
            torch::Tensor b = torch::ones({kFloats / 2});
            QVERIFY(a.data_ptr() == first || b.data_ptr() == first);
            QCOMPARE(model::tensorCacheStats().misses, idle.misses);
        }
        {
            torch::Tensor whole = torch::empty({kFloats});
            QCOMPARE(whole.data_ptr(), first);
            const model::TensorCacheStats st = model::tensorCacheStats();
            QCOMPARE(st.misses, idle.misses);
            QCOMPARE(st.liveBytes, size_t{16} << 20);
        }
        {
            torch::Tensor larger = torch::ones({2 * kFloats}); // twice the size: the arena grows
            QCOMPARE(model::tensorCacheStats().misses, idle.misses + 1);
            QCOMPARE(larger.sum().item<float>(), 2.0f * kFloats);
            QVERIFY(model::tensorCacheStats().peakLiveBytes >= size_t{32} << 20);
        }
        model::releaseTensorCache();
        QCOMPARE(model::tensorCacheStats().cachedBytes, size_t{0});
        QCOMPARE(model::tensorCacheStats().liveBytes, size_t{0});
        // Small tensors bypass the cache and still work.
        torch::Tensor small = torch::arange(10);
        QCOMPARE(small.sum().item<int64_t>(), int64_t{45});
    }

    // A block in use keeps its contents through release() and through a prefault over it.
    void tensorCacheKeepsLiveBlocks()
    {
        model::releaseTensorCache();
        torch::Tensor kept = torch::full({int64_t{2} << 20}, 7.0f);
        {
            torch::Tensor freed = torch::ones({int64_t{2} << 20});
        }
        model::releaseTensorCache();
        std::atomic<bool> stop{false};
        model::prefaultTensorCache(size_t{64} << 20, stop);
        QCOMPARE(kept.sum().item<float>(), 7.0f * (int64_t{2} << 20));
        QCOMPARE(model::tensorCacheStats().liveBytes, size_t{8} << 20);
        kept = torch::Tensor();
        model::releaseTensorCache();
        QCOMPARE(model::tensorCacheStats().cachedBytes, size_t{0});
    }

    // The prefault makes the memory resident (read back from the kernel) and serves the next blocks from it;
    // with its stop flag raised it touches nothing.
    void tensorCachePrefaultTouchesMemory()
    {
        model::releaseTensorCache();
        const size_t bytes = size_t{96} << 20;
        std::atomic<bool> stop{true};
        const size_t start = test::residentBytes();
        model::prefaultTensorCache(bytes, stop);
        QVERIFY2(test::residentBytes() < start + (size_t{8} << 20), "a stopped prefault touched memory");
        stop = false;
        model::prefaultTensorCache(bytes, stop);
        QVERIFY2(test::residentBytes() >= start + bytes - (size_t{8} << 20),
                 "the prefault made nothing resident");
        QVERIFY(model::tensorCacheStats().cachedBytes >= bytes);
        const model::TensorCacheStats st = model::tensorCacheStats();
        {
            torch::Tensor t = torch::ones({int64_t{16} << 20}); // 64 MiB out of the prefaulted memory
            QCOMPARE(model::tensorCacheStats().hits, st.hits + 1);
        }
        model::releaseTensorCache();
        QVERIFY(test::residentBytes() < start + (size_t{8} << 20));
    }
};

QTEST_GUILESS_MAIN(TestCpuKernels)
#include "tst_cpu_kernels.moc"
