#pragma once
// runInBackground(context, work, done): runs `work` on a worker (the chore pool, at lowered priority) and
// `done(result)` on the GUI thread afterwards, unless `context` was destroyed meanwhile. For the short disk
// chores of dialogs (a cache's size, clearing it) and one-off probes, which must not block the GUI thread.
//
// Threads: call on the GUI thread (a QCoreApplication must exist); `work` runs on the worker, `done` on
// the GUI thread, delivered through GuiInbox (no Qt lock taken on the worker). `work` must not touch
// `context`. `done` and the result are destroyed on another thread afterwards (GuiInbox's rules).

#include "GuiInbox.h"
#include "WorkerThreads.h"

#include <QPointer>

#include <functional>
#include <utility>

namespace stemcrate::ui {

template <class Result>
void runInBackground(QObject* context, std::function<Result()> work, std::function<void(Result)> done)
{
    QPointer<QObject> guard(context);
    startChore([guard, work = std::move(work), done = std::move(done)] {
        Result result = work();
        // The guard was made on the GUI thread and is only read there.
        GuiInbox::instance().post([guard, done, result = std::move(result)] {
            if (guard)
                done(result);
        });
    });
}

} // namespace stemcrate::ui
