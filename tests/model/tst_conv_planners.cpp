// ConvPlanners (core/model/cuda/ConvPlanners.h), the GPU capture's convolution planning, run on the CPU: the
// same routing with CPU tensors. The dry pass's stand-ins have the shape and layout of the real output, each
// distinct convolution is warmed up once on an owner thread (never on the pass's thread), a launch runs on
// its owner and gives the direct result, an unseen convolution is a miss run on the caller, and a warm-up's
// failure reaches finish(). The GPU's own check (no miss in a real capture, replays against the eager pass)
// is tests/cuda/tst_cuda_engine.

#include "model/cuda/ConvPlanners.h"

#include <QtTest>

#include <ATen/record_function.h>
#include <torch/torch.h>

#include <mutex>
#include <set>
#include <thread>
#include <vector>

using stemcrate::model::ConvPlanners;

namespace {

// Threads on which libtorch ran a convolution, while installed.
struct ConvThreads
{
    static std::mutex& mutex()
    {
        static std::mutex m;
        return m;
    }
    static std::multiset<std::thread::id>& seen()
    {
        static std::multiset<std::thread::id> s;
        return s;
    }
    static std::unique_ptr<at::ObserverContext> onStart(const at::RecordFunction& fn)
    {
        if (std::string(fn.name()) == "aten::convolution") {
            const std::lock_guard<std::mutex> lock(mutex());
            seen().insert(std::this_thread::get_id());
        }
        return nullptr;
    }
    at::CallbackHandle handle;
    ConvThreads()
    {
        seen().clear();
        handle = at::addGlobalCallback(at::RecordFunctionCallback(onStart));
    }
    ~ConvThreads() { at::removeCallback(handle); }
    size_t on(std::thread::id id)
    {
        const std::lock_guard<std::mutex> lock(mutex());
        return seen().count(id);
    }
    size_t total()
    {
        const std::lock_guard<std::mutex> lock(mutex());
        return seen().size();
    }
};

struct Case
{
    const char* name;
    at::Tensor x, weight, bias;
    std::vector<int64_t> stride, padding, dilation;
};

// HDemucs's kinds of convolution, in its layouts: a 1-d one on [B, C, L], the time branch's [B, C, 1, L]
// channels-last with a [1, K] window, the frequency branch's [K, 1] stride [4, 1], a square "rewrite" kernel,
// a dilated row, and an input that starts 2 elements into its storage (another alignment). Not here: a
// [B, C, L] input with channel stride 1, which cuDNN writes channels-last and the CPU does not.
std::vector<Case> cases()
{
    torch::manual_seed(3);
    const auto cl = torch::MemoryFormat::ChannelsLast;
    std::vector<Case> all;
    all.push_back(
        {"1-d", torch::randn({2, 4, 40}), torch::randn({6, 4, 8}), torch::randn({6}), {4}, {2}, {1}});
    all.push_back({"time, channels-last",
                   torch::randn({2, 4, 1, 40}).contiguous(cl),
                   torch::randn({6, 4, 1, 8}),
                   {},
                   {1, 4},
                   {0, 2},
                   {1, 1}});
    all.push_back({"frequency [K, 1]",
                   torch::randn({2, 4, 32, 9}).contiguous(cl),
                   torch::randn({6, 4, 8, 1}),
                   {},
                   {4, 1},
                   {2, 0},
                   {1, 1}});
    all.push_back({"square",
                   torch::randn({2, 4, 16, 9}).contiguous(cl),
                   torch::randn({8, 4, 3, 3}),
                   {},
                   {1, 1},
                   {1, 1},
                   {1, 1}});
    all.push_back({"dilated row",
                   torch::randn({2, 4, 1, 30}).contiguous(cl),
                   torch::randn({4, 4, 1, 3}),
                   {},
                   {1, 1},
                   {0, 2},
                   {1, 2}});
    const at::Tensor wide = torch::randn({2, 4, 42});
    all.push_back({"offset input", wide.slice(2, 2), torch::randn({6, 4, 3}), {}, {1}, {1}, {1}});
    return all;
}

at::Tensor run(ConvPlanners& planners, const Case& c)
{
    return planners.convolve(c.x, c.weight, c.bias, c.stride, c.padding, c.dilation);
}

at::Tensor direct(const Case& c)
{
    return ConvPlanners::direct(c.x, c.weight, c.bias, c.stride, c.padding, c.dilation);
}

} // namespace

class TestConvPlanners : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dryPassStandsInWithTheOutputsShapeAndLayout()
    {
        torch::InferenceMode inference;
        ConvThreads threads;
        ConvPlanners planners(3);
        planners.setMode(ConvPlanners::Mode::Dry);
        const ConvPlanners::Scope scope(&planners);
        QCOMPARE(ConvPlanners::current(), &planners);
        const std::vector<Case> all = cases();
        for (const Case& c : all) {
            const at::Tensor want = direct(c);
            const at::Tensor got = run(planners, c);
            QVERIFY2(got.sizes() == want.sizes(), c.name);
            QVERIFY2(got.strides() == want.strides(), c.name);
            QVERIFY2(got.scalar_type() == want.scalar_type(), c.name);
            QVERIFY2(got.abs().max().item<float>() == 0.0f, c.name);
        }
        const size_t direct = threads.on(std::this_thread::get_id()); // the references above
        for (const Case& c : all)
            (void)run(planners, c); // seen already: no second warm-up
        planners.finish();
        QCOMPARE(planners.distinct(), static_cast<int>(all.size()));
        QCOMPARE(planners.warmUps(), static_cast<int>(all.size()));
        // No convolution of the pass ran on its thread; each warm-up ran once, on an owner.
        QCOMPARE(threads.on(std::this_thread::get_id()), direct);
        QCOMPARE(threads.total(), direct + all.size());
    }

    void launchesRunOnTheOwnersAndMissesOnTheCaller()
    {
        torch::InferenceMode inference;
        ConvPlanners planners(2);
        const std::vector<Case> all = cases();
        planners.setMode(ConvPlanners::Mode::Dry);
        for (const Case& c : all)
            (void)run(planners, c);
        planners.finish();

        ConvThreads threads;
        planners.setMode(ConvPlanners::Mode::Launch);
        for (const Case& c : all) {
            const at::Tensor want = direct(c);
            const at::Tensor got = run(planners, c);
            QVERIFY2(torch::equal(got, want), c.name);
            QVERIFY2(got.strides() == want.strides(), c.name);
        }
        QCOMPARE(planners.misses(), 0);
        // Each case: its reference here, its launch on an owner.
        QCOMPARE(threads.on(std::this_thread::get_id()), all.size());
        QCOMPARE(threads.total(), 2 * all.size());

        // Another length: not planned by the dry pass, so a miss, run on this thread.
        Case other = all.front();
        other.x = torch::randn({2, 4, 48});
        QVERIFY(torch::equal(run(planners, other), direct(other)));
        QCOMPARE(planners.misses(), 1);
        QCOMPARE(threads.on(std::this_thread::get_id()), all.size() + 2);
    }

    void aWarmUpsFailureReachesFinish()
    {
        torch::InferenceMode inference;
        ConvPlanners planners(2);
        planners.setMode(ConvPlanners::Mode::Dry);
        // Weights for 5 input channels on a 4-channel input: the stand-in has its shape, the convolution
        // fails.
        const Case bad{"mismatch", torch::randn({1, 4, 20}), torch::randn({3, 5, 3}), {}, {1}, {1}, {1}};
        const at::Tensor standIn = run(planners, bad);
        QCOMPARE(standIn.sizes().vec(), (std::vector<int64_t>{1, 3, 20}));
        bool threw = false;
        try {
            planners.finish();
        } catch (const std::exception&) {
            threw = true;
        }
        QVERIFY(threw);
    }

    void noPlannersOutsideAScope()
    {
        QCOMPARE(ConvPlanners::current(), nullptr);
        ConvPlanners planners(1);
        {
            const ConvPlanners::Scope scope(&planners);
            QCOMPARE(ConvPlanners::current(), &planners);
            {
                const ConvPlanners::Scope none(nullptr);
                QCOMPARE(ConvPlanners::current(), nullptr);
            }
            QCOMPARE(ConvPlanners::current(), &planners);
            // Per thread: another thread's passes see none.
            ConvPlanners* seen = &planners;
            std::thread([&] { seen = ConvPlanners::current(); }).join();
            QCOMPARE(seen, nullptr);
        }
        QCOMPARE(ConvPlanners::current(), nullptr);
    }
};

QTEST_GUILESS_MAIN(TestConvPlanners)
#include "tst_conv_planners.moc"
