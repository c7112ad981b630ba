#include "library/SelectionExport.h"

#include "playback/StemMixer.h"
#include "session/SelectionModel.h"
#include "session/SongSession.h"
#include "views/SongDisplay.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace stemcrate::ui {

int64_t SelectionExport::bounceMarginFrames()
{
    const library::ExportOptions defaults;
    return library::msToFrames(std::max(defaults.loopCrossfadeMs, defaults.snapWindowMs), kEngineSampleRate) +
           1;
}

Result<ExportJob> SelectionExport::build(const SongSession& session, const StemMixer& liveMixer,
                                         const ExportOptions& options)
{
    const ShownSong& song = session.shown();
    const SelectionModel& selection = session.selection();
    if (!song.id || !song.display || selection.isEmpty() || selection.lane() >= song.display->laneCount())
        // translate() with literals: lupdate extracts them under this context.
        return makeError(QCoreApplication::translate("stemcrate::ui::SelectionExport",
                                                     "Select a region first: drag across a lane.")
                             .toStdString());
    const LaneDisplay& lane = song.display->lane(selection.lane());
    // A loop's crossfade may read just past the region: those frames must be separated too.
    const int64_t loopMargin =
        options.loop ? library::msToFrames(library::ExportOptions().loopCrossfadeMs, kEngineSampleRate) : 0;
    const int64_t neededFrames = std::min(lane.audio.totalFrames(), selection.end() + loopMargin);
    if (!options.asHeard && (!lane.audio.buffer() || lane.audio.validFrames() < neededFrames))
        return makeError(QCoreApplication::translate("stemcrate::ui::SelectionExport",
                                                     "That part of the stem is still being separated.")
                             .toStdString());

    library::SampleMetadata metadata = song.metadata;
    if (options.asHeard)
        metadata.stem =
            QCoreApplication::translate("stemcrate::ui::SelectionExport", "as heard").toStdString();
    else
        metadata.stem = lane.name.toStdString();

    ExportJob job(options, std::move(metadata), selection.start(), selection.end());
    if (!options.asHeard) {
        const LaneAudio& a = lane.audio;
        job.addSource(a.mix ? a.mix : std::shared_ptr<const AudioBuffer>(a.stems, a.buffer()), 1.0f);
        return job;
    }
    // As heard: what playback renders, with a private mixer holding today's lane settings; where the stems
    // are not separated yet, the mixer plays the mix, exactly as the listener hears it.
    auto mixer = std::make_shared<StemMixer>();
    mixer->copyLaneSettings(liveMixer);
    mixer->setSources(song.mix, song.stems);
    const int64_t margin = bounceMarginFrames();
    job.setBounce(std::move(mixer), std::max<int64_t>(0, selection.start() - margin),
                  std::min(song.mix->frames, selection.end() + margin));
    return job;
}

} // namespace stemcrate::ui
