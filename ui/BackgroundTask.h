#pragma once
// runInBackground(context, work, done): runs `work` on a worker (the chore pool, at lowered priority) and
// `done(result)` on the GUI thread afterwards, unless `context` was destroyed meanwhile. For the short disk
// chores of dialogs (a cache's size, clearing it) and one-off probes, which must not block the GUI thread.
//
// Threads: call on the GUI thread (a QCoreApplication must exist); `work` runs on the worker, `done` on
// the GUI thread. `work` must not touch `context`.

#include "WorkerThreads.h"

#include <QCoreApplication>
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
        // qApp lives on the GUI thread for the whole run; the guard is only read there.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, done, result = std::move(result)] {
                if (guard)
                    done(result);
            },
            Qt::QueuedConnection);
    });
}

} // namespace stemcrate::ui
