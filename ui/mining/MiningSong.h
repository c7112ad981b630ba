#pragma once
// MiningSong: what the mining panels need of the song on show: its mix, its stems (growing while the
// separation runs), its file and the metadata exports carry. A plain value; copies share the buffers.
// Threads: built and read on the GUI thread; jobs capture copies. Units: frames at kEngineSampleRate.

#include "common/AudioBuffer.h"
#include "library/SampleExporter.h"
#include "songs/StemSet.h"

#include <QString>

#include <memory>

namespace stemcrate::ui {

struct MiningSong
{
    std::shared_ptr<const AudioBuffer> mix;
    std::shared_ptr<const StemSet> stems;
    library::SampleMetadata metadata; // title, artist, album, sourcePath, bpm, key (stem filled per export)

    // Lane `lane` as a buffer: 0 the mix, 1..N the stems (valid frames only: check stems->validFrames()).
    std::shared_ptr<const AudioBuffer> lane(int lane) const
    {
        if (lane == 0 || !stems || stems->validFrames() <= 0 || lane > stems->count())
            return lane == 0 ? mix : nullptr;
        return {stems, &stems->stems().audio[static_cast<size_t>(lane - 1)]};
    }
    QString laneName(int lane) const
    {
        if (lane == 0 || !stems || stems->validFrames() <= 0 || lane > stems->count())
            return QStringLiteral("mix");
        return QString::fromStdString(stems->stems().names[static_cast<size_t>(lane - 1)]);
    }
};

} // namespace stemcrate::ui
