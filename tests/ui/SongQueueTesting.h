#pragma once
// What the SongQueue tests share: a song file of one tone (each frequency its own cache key) and a song's
// state by id. Header-only; include after QtTest.

#include "audio/AudioFileWriter.h"
#include "songs/Song.h"
#include "songs/SongList.h"

#include <QString>
#include <QtTest>

#include <cmath>

namespace stemcrate::ui::testing {

// A stereo float WAV of `seconds` of a sine at `hz`.
inline void writeSong(const QString& path, double seconds, double hz)
{
    AudioBuffer audio(2, int64_t(seconds * kEngineSampleRate));
    for (int c = 0; c < 2; ++c)
        for (int64_t t = 0; t < audio.frames; ++t)
            audio.channel(c)[t] = float(0.3 * std::sin(2 * M_PI * hz * double(t) / kEngineSampleRate));
    QVERIFY(
        audio::writeAudioFile(path.toStdString(), audio, audio::FileFormat::Wav, audio::SampleFormat::Float32)
            .ok());
}

// Failed for a song no longer in the list.
inline SongState stateOf(SongList& songs, int id)
{
    const Song* song = songs.song(id);
    return song ? song->state() : SongState::Failed;
}

} // namespace stemcrate::ui::testing
