#include "library/SampleExportService.h"

#include "songs/WorkerPriority.h"

#include <QMetaObject>

namespace stemcrate::ui {

SampleExportService::SampleExportService(QObject* parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
}

SampleExportService::~SampleExportService()
{
    // Reports still queued to this object are dropped with it; the files are written either way.
    m_pool.waitForDone();
}

int SampleExportService::start(ExportJob job)
{
    const int id = ++m_lastId;
    m_pool.start([this, id, job = std::move(job)] {
        lowerWorkerPriority(); // idempotent; the pool is ours
        Result<QString> written = job.run();
        // Queued: the signal reaches the GUI thread's receivers.
        if (written)
            QMetaObject::invokeMethod(
                this, [this, id, path = written.value()] { emit exported(id, path); }, Qt::QueuedConnection);
        else
            QMetaObject::invokeMethod(
                this,
                [this, id, message = QString::fromStdString(written.error())] { emit failed(id, message); },
                Qt::QueuedConnection);
    });
    return id;
}

void SampleExportService::waitForDone()
{
    m_pool.waitForDone();
}

} // namespace stemcrate::ui
