#pragma once
// SongJob: one step of a song's work (decode, cache lookup, separate, store, analyse), with one lifecycle
// (Mixxx's analyzer.h): prepare → process → store → cleanup. run() stops at the first stage that fails or
// at a cancel between stages, and calls cleanup() exactly once in every case: success, error, cancel, or an
// exception escaping a stage (caught here, so none crosses the worker thread). A job only computes; it never
// touches a Song. Its results are read by SongQueue on the GUI thread after run() returned.
//
// Ownership: shared (std::shared_ptr) by SongQueue and the worker running it; inputs are copied or shared
// read-only. Threads: run() on one worker; the accessors of derived jobs' results after run() returned,
// on the thread that received the report. The progress callback runs on the worker. Qt-free.

#include "common/Result.h"

#include <atomic>
#include <functional>
#include <memory>
#include <string>

namespace stemcrate::ui {

class SongJob
{
public:
    enum class Outcome
    {
        Succeeded,
        Failed,
        Cancelled
    };
    struct Report
    {
        Outcome outcome = Outcome::Succeeded;
        std::string error; // when Failed: the reason, for musicians
    };
    using CancelFlag = std::shared_ptr<const std::atomic<bool>>;
    // fraction of this job [0, 1], seconds left (< 0 when unknown).
    using ProgressFn = std::function<void(double fraction, double etaSeconds)>;

    explicit SongJob(CancelFlag cancelled);
    virtual ~SongJob();
    SongJob(const SongJob&) = delete;
    SongJob& operator=(const SongJob&) = delete;

    // Set before run(); optional.
    void setProgress(ProgressFn progress) { m_progress = std::move(progress); }

    // Worker thread; once.
    Report run();

    bool isCancelled() const { return m_cancelled && m_cancelled->load(std::memory_order_relaxed); }
    virtual const char* name() const = 0;

protected:
    // Worker thread. A stage's error fails the job (unless it was cancelled meanwhile: then it counts as
    // cancelled); stages after it are skipped, cleanup() is not.
    virtual Result<void> prepare() { return {}; }
    virtual Result<void> process() = 0;
    // Hands the results over (they become visible to the reader). Skipped when process() did not succeed.
    virtual Result<void> store() { return {}; }
    // Releases what the job holds (scratch, partial results). Exactly once, after the last stage that ran.
    virtual void cleanup() {}

    void reportProgress(double fraction, double etaSeconds = -1.0) const
    {
        if (m_progress)
            m_progress(fraction, etaSeconds);
    }
    const CancelFlag& cancelFlag() const { return m_cancelled; }

private:
    CancelFlag m_cancelled;
    ProgressFn m_progress;
    bool m_ran = false;
};

} // namespace stemcrate::ui
