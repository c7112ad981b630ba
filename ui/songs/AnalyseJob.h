#pragma once
// AnalyseJob: tempo, beat grid, key and onsets of a separated song (core/analysis), from the mix and the
// complete stems.
//
// Ownership: see SongJob; shares the track and stems read-only. Threads: see SongJob.

#include "audio/Decoder.h"
#include "songs/SongJob.h"
#include "songs/StemSet.h"

namespace stemcrate::analysis {
struct TrackAnalysis; // core/analysis/TrackAnalyzer.h
}

namespace stemcrate::ui {

class AnalyseJob : public SongJob
{
public:
    AnalyseJob(std::shared_ptr<const audio::Track> track, std::shared_ptr<const StemSet> stems,
               CancelFlag cancelled);
    ~AnalyseJob() override;
    const char* name() const override { return "analyse"; }

    // After run() succeeded.
    const std::shared_ptr<const analysis::TrackAnalysis>& analysis() const { return m_result; }

protected:
    Result<void> process() override;
    Result<void> store() override;
    void cleanup() override;

private:
    std::shared_ptr<const audio::Track> m_track;
    std::shared_ptr<const StemSet> m_stems;
    std::shared_ptr<analysis::TrackAnalysis> m_computed; // worker only
    std::shared_ptr<const analysis::TrackAnalysis> m_result;
};

} // namespace stemcrate::ui
