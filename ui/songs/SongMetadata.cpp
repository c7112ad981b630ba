#include "songs/SongMetadata.h"

#ifdef STEMCRATE_WITH_ANALYSIS
#include "analysis/TrackAnalyzer.h"
#endif

namespace stemcrate::ui {

library::SampleMetadata songMetadata(const Song& song)
{
    library::SampleMetadata metadata;
    if (song.track) {
        metadata.title = song.track->info.title;
        metadata.artist = song.track->info.artist;
        metadata.album = song.track->info.album;
    }
    metadata.sourcePath = song.path.toStdString();
#ifdef STEMCRATE_WITH_ANALYSIS
    if (const analysis::TrackAnalysis* a = song.analysis.get()) {
        metadata.bpm = a->tempo ? a->tempo->bpm : 0.0;
        metadata.key = a->key ? a->key->name : std::string();
    }
#endif
    return metadata;
}

} // namespace stemcrate::ui
