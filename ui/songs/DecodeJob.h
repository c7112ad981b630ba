#pragma once
// DecodeJob: decodes a song's file with core/audio (FFmpeg, 44.1 kHz stereo float), noting first the file's
// size and modification time (for the stem cache's source index).
//
// Ownership: see SongJob; the decoded Track is shared with the Song once SongQueue takes it. Threads: see
// SongJob. Units: progress as a fraction of the file.

#include "audio/Decoder.h"
#include "separation/StemCache.h"
#include "songs/SongJob.h"

#include <optional>

namespace stemcrate::ui {

class DecodeJob : public SongJob
{
public:
    DecodeJob(std::string path, CancelFlag cancelled);
    const char* name() const override { return "decode"; }

    // After run() succeeded: the decoded track, handed over once.
    std::shared_ptr<const audio::Track> takeTrack() { return std::move(m_track); }
    // After run(): the file as it was when the decode began (invalid when it could not be read).
    const separation::SourceFingerprint& source() const { return m_source; }

protected:
    Result<void> process() override;
    Result<void> store() override;
    void cleanup() override;

private:
    const std::string m_path;
    separation::SourceFingerprint m_source;
    std::optional<audio::Track> m_decoded;       // worker only
    std::shared_ptr<const audio::Track> m_track; // the result
};

} // namespace stemcrate::ui
