#include "views/ViewWorkers.h"

#include "GuiInbox.h"
#include "common/ThreadBudget.h"
#include "songs/WorkerPriority.h"

namespace stemcrate::ui {

namespace {

std::function<void()> lowered(std::function<void()> job)
{
    return [job = std::move(job)] {
        lowerWorkerPriority(); // idempotent; the pools are ours, so the renice stays with view work
        job();
    };
}

} // namespace

ViewWorkers::ViewWorkers(QObject* parent) : QObject(parent)
{
    const ThreadBudget budget = ThreadBudget::forThisMachine(false);
    m_summaries.setMaxThreadCount(budget.analysisThreads);
    m_tiles.setMaxThreadCount(budget.renderThreads);
    m_summaries.setObjectName(QStringLiteral("summaries"));
    m_tiles.setObjectName(QStringLiteral("tiles"));
}

ViewWorkers::~ViewWorkers()
{
    // Owners cancelled their jobs before this runs (see the header): these waits are for a chunk at most.
    m_tiles.clear();
    m_summaries.clear();
    m_tiles.waitForDone();
    m_summaries.waitForDone();
}

void ViewWorkers::startSummary(std::function<void()> job)
{
    m_summaries.start(lowered(std::move(job)));
}

void ViewWorkers::startTile(std::function<void()> job)
{
    m_tiles.start(lowered(std::move(job)));
}

void ViewWorkers::release(QImage image)
{
    if (image.isNull())
        return;
    startBackground([image = std::move(image)]() mutable { image = QImage(); });
}

void ViewWorkers::post(std::function<void()> fn)
{
    GuiInbox::instance().post(this, std::move(fn));
}

void ViewWorkers::waitForDone()
{
    m_summaries.waitForDone();
    m_tiles.waitForDone();
}

} // namespace stemcrate::ui
