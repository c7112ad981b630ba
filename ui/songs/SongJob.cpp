#include "songs/SongJob.h"

#include <exception>

namespace stemcrate::ui {

namespace {

// One stage, with any exception turned into an error value.
Result<void> guarded(const std::function<Result<void>()>& stage)
{
    try {
        return stage();
    } catch (const std::bad_alloc&) {
        return makeError("not enough memory");
    } catch (const std::exception& e) {
        return makeError(e.what());
    } catch (...) {
        return makeError("unexpected internal error");
    }
}

} // namespace

SongJob::SongJob(CancelFlag cancelled) : m_cancelled(std::move(cancelled)) {}

SongJob::~SongJob() = default;

SongJob::Report SongJob::run()
{
    Report report;
    if (m_ran) {
        report.outcome = Outcome::Failed;
        report.error = "a job runs once";
        return report;
    }
    m_ran = true;
    const std::function<Result<void>()> stages[] = {
        [this] { return prepare(); },
        [this] { return process(); },
        [this] { return store(); },
    };
    for (const auto& stage : stages) {
        if (isCancelled()) {
            report.outcome = Outcome::Cancelled;
            break;
        }
        Result<void> result = guarded(stage);
        if (!result) {
            report.outcome = isCancelled() ? Outcome::Cancelled : Outcome::Failed;
            if (report.outcome == Outcome::Failed)
                report.error = result.error();
            break;
        }
    }
    // Exactly once, whatever happened above; a throwing cleanup must not take the worker down either.
    if (Result<void> cleaned = guarded([this]() -> Result<void> {
            cleanup();
            return {};
        });
        !cleaned && report.outcome == Outcome::Succeeded) {
        report.outcome = Outcome::Failed;
        report.error = cleaned.error();
    }
    return report;
}

} // namespace stemcrate::ui
