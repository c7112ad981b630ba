#include "library/SampleExportService.h"

#include "GuiInbox.h"
#include "songs/WorkerPriority.h"

namespace stemcrate::ui {

SampleExportService::SampleExportService(QObject* parent) : QObject(parent) {}

SampleExportService::~SampleExportService()
{
    // Reports still queued to this object are dropped with it; the files are written either way.
    m_pool.waitForDone();
}

int SampleExportService::start(ExportJob job)
{
    const int id = ++m_lastId;
    m_pool.start([this, id, job = std::move(job)]() mutable {
        lowerWorkerPriority(); // idempotent; the pool is ours
        Result<QString> written = job.run();
        job.takeAudio(); // let go here: the last reference may free a song's stems
        // Through GuiInbox (this object waits for its pool, so it lives here): the signal reaches the GUI
        // thread's receivers. The rest of the job goes back with the report and is freed on the GUI thread,
        // which built it: freed here, it would go back to the GUI thread's malloc arena under that arena's
        // lock under glibc, held by this reniced thread (AppAllocator.h; the app's mimalloc takes none, but a
        // free on the owner is still the cheaper one). It is moved out of the closure, which is destroyed off
        // the GUI thread.
        auto report = [this, id, written = std::move(written), job = std::move(job)]() mutable {
            const ExportJob built = std::move(job); // freed here, on the GUI thread
            if (written)
                emit exported(id, written.value());
            else
                emit failed(id, QString::fromStdString(written.error()));
        };
        GuiInbox::instance().post(this, std::move(report));
    });
    return id;
}

void SampleExportService::waitForDone()
{
    m_pool.waitForDone();
}

} // namespace stemcrate::ui
