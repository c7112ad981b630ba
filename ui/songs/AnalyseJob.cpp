#include "songs/AnalyseJob.h"

#ifdef STEMCRATE_WITH_ANALYSIS
#include "analysis/TrackAnalyzer.h"
#include "common/ThreadBudget.h"
#include "common/WorkerPool.h"
#endif

namespace stemcrate::ui {

#ifdef STEMCRATE_WITH_ANALYSIS
namespace {
// The threads every analysis spreads its independent steps over (ThreadBudget::analysisStepThreads), shared
// by all analyse jobs (one at a time gets the helper). Made by the first job on its worker thread, after
// SongQueue lowered that thread's priority, so the helper runs at the lowered priority too.
WorkerPool& analysisStepPool()
{
    static WorkerPool pool(ThreadBudget::forThisMachine(false).analysisStepThreads);
    return pool;
}
} // namespace
#endif

AnalyseJob::AnalyseJob(std::shared_ptr<const audio::Track> track, std::shared_ptr<const StemSet> stems,
                       CancelFlag cancelled)
    : SongJob(std::move(cancelled)), m_track(std::move(track)), m_stems(std::move(stems))
{
}

AnalyseJob::~AnalyseJob() = default;

Result<void> AnalyseJob::process()
{
#ifdef STEMCRATE_WITH_ANALYSIS
    if (!m_track || !m_stems || !m_stems->complete())
        return makeError("the stems are not complete");
    std::vector<analysis::StemInput> inputs;
    const separation::Stems& stems = m_stems->stems();
    for (size_t i = 0; i < stems.names.size(); ++i)
        inputs.push_back({stems.names[i], &stems.audio[i]});
    analysis::TrackAnalyzerOptions options;
    options.isCancelled = [this] { return isCancelled(); };
    options.pool = &analysisStepPool();
    Result<analysis::TrackAnalysis> result = analysis::TrackAnalyzer(options).analyze(m_track->audio, inputs);
    if (!result)
        return Error{result.error()};
    m_computed = std::make_shared<analysis::TrackAnalysis>(std::move(result.value()));
    return {};
#else
    return makeError("this build has no analysis");
#endif
}

Result<void> AnalyseJob::store()
{
    m_result = std::move(m_computed);
    return {};
}

void AnalyseJob::cleanup()
{
    m_computed.reset();
    m_stems.reset();
    m_track.reset();
}

} // namespace stemcrate::ui
