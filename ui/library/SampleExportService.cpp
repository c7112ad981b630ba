#include "library/SampleExportService.h"

#include "songs/WorkerPriority.h"

#include <QMetaObject>

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
        // Queued: the signal reaches the GUI thread's receivers. The rest of the job goes back with the
        // report and is freed on the GUI thread, which built it: freed here, it would go back to the GUI
        // thread's malloc arena under that arena's lock, held by this reniced thread (WorkerThreads.h).
        QMetaObject::invokeMethod(
            this,
            [this, id, written = std::move(written), job = std::move(job)] {
                if (written)
                    emit exported(id, written.value());
                else
                    emit failed(id, QString::fromStdString(written.error()));
            },
            Qt::QueuedConnection);
    });
    return id;
}

void SampleExportService::waitForDone()
{
    m_pool.waitForDone();
}

} // namespace stemcrate::ui
