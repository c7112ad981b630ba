#include "settings/CudaProbe.h"

#include "BackgroundTask.h"
#include "separation/Separator.h"

#include <QCoreApplication>
#include <QPointer>

#include <optional>
#include <utility>
#include <vector>

namespace stemcrate::ui {

namespace {

// GUI thread only.
struct ProbeState
{
    bool started = false;
    std::optional<bool> available;
    std::vector<std::pair<QPointer<QObject>, std::function<void(bool)>>> waiting;
};

ProbeState& state()
{
    static ProbeState probe;
    return probe;
}

} // namespace

void CudaProbe::whenKnown(QObject* context, std::function<void(bool available)> done)
{
    ProbeState& probe = state();
    if (probe.available) {
        QMetaObject::invokeMethod(
            context, [done, available = *probe.available] { done(available); }, Qt::QueuedConnection);
        return;
    }
    probe.waiting.emplace_back(context, std::move(done));
    if (probe.started)
        return;
    probe.started = true;
    runInBackground<bool>(
        QCoreApplication::instance(),
        [] { return separation::Separator::deviceAvailable(separation::Device::Cuda); },
        [](bool available) {
            ProbeState& answered = state();
            answered.available = available;
            for (auto& [waiter, callback] : std::exchange(answered.waiting, {}))
                if (waiter)
                    callback(available);
        });
}

} // namespace stemcrate::ui
