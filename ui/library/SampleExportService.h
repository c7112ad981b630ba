#pragma once
// SampleExportService: runs ExportJobs off the GUI thread and reports each one's file back, in the order
// they were started.
//
// Ownership: owns its worker pool (one thread, so exports finish in order and never compete for the disk);
// the destructor waits for running jobs. Threads: start() and the signals on the GUI thread (the owner's);
// jobs run on the worker.

#include "WorkerQueue.h"
#include "library/ExportJob.h"

#include <QObject>

namespace stemcrate::ui {

class SampleExportService : public QObject
{
    Q_OBJECT

public:
    explicit SampleExportService(QObject* parent = nullptr);
    ~SampleExportService() override;

    // Queues the job; returns its id (> 0) for the signals.
    int start(ExportJob job);
    // Blocks until every started job has run (tests); their signals are still queued.
    void waitForDone();

signals:
    void exported(int jobId, const QString& path);
    void failed(int jobId, const QString& message);

private:
    WorkerQueue m_pool{QStringLiteral("export"), 1}; // not a QThreadPool: WorkerQueue.h says why
    int m_lastId = 0;
};

} // namespace stemcrate::ui
