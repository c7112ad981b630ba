#include "views/ViewWorkers.h"

#include "GuiInbox.h"
#include "common/ThreadBudget.h"

namespace stemcrate::ui {

ViewWorkers::ViewWorkers(QObject* parent)
    : QObject(parent),
      m_summaries(QStringLiteral("summaries"), ThreadBudget::forThisMachine(false).analysisThreads),
      m_tiles(QStringLiteral("tiles"), ThreadBudget::forThisMachine(false).renderThreads)
{
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
    m_summaries.start(std::move(job)); // its threads run reniced
}

void ViewWorkers::startTile(std::function<void()> job)
{
    m_tiles.start(std::move(job));
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
