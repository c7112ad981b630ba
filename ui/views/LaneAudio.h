#pragma once
// LaneAudio: the audio one lane shows: the decoded mix, or stem `index` of a StemSet that may still be
// growing. A small value type the views copy.
//
// Ownership: shares the buffers. Threads: any (a copy per thread; reads the StemSet's published range
// with acquire, so frames [0, validFrames()) may be read).
// Units: frames.

#include "common/AudioBuffer.h"
#include "songs/StemSet.h"

#include <memory>

namespace stemcrate::ui {

struct LaneAudio
{
    std::shared_ptr<const AudioBuffer> mix; // set for the mix lane
    std::shared_ptr<const StemSet> stems;   // set for a stem lane
    int stemIndex = 0;

    bool isNull() const { return !mix && !stems; }
    int64_t totalFrames() const { return mix ? mix->frames : (stems ? stems->frames() : 0); }
    // Frames that may be read now.
    int64_t validFrames() const { return mix ? mix->frames : (stems ? stems->validFrames() : 0); }
    // The buffer, or null while nothing is valid yet. Read only [0, validFrames()).
    const AudioBuffer* buffer() const
    {
        if (mix)
            return mix.get();
        if (stems && stems->validFrames() > 0 && stemIndex < stems->count())
            return &stems->stems().audio[size_t(stemIndex)];
        return nullptr;
    }
};

} // namespace stemcrate::ui
