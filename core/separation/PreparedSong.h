#pragma once
// PreparedSong: a song made ready for Separator::launch() by Separator::prepare(), on another thread than
// the separating one (core/batch's SongPipeline runs it on its decode workers), so that the separating
// thread does little but run the passes. On the CPU it holds the song's window plan, its normalisation and
// every batch of normalised, zero-padded windows; on a GPU (CUDA builds) the mix already in device memory,
// uploaded on a side stream.
//
// Ownership: owns what it holds (nothing of the mix it was made from). Movable, not copyable; any thread,
// one at a time. Consumed by launch(). Units: frames at kEngineSampleRate.

#include <cstdint>
#include <memory>

namespace stemcrate::separation {

class PreparedSong
{
public:
    PreparedSong();
    ~PreparedSong();
    PreparedSong(PreparedSong&&) noexcept;
    PreparedSong& operator=(PreparedSong&&) noexcept;
    PreparedSong(const PreparedSong&) = delete;
    PreparedSong& operator=(const PreparedSong&) = delete;

    // Whether it holds a prepared song (false once moved from).
    bool valid() const { return m_impl != nullptr; }
    // The song's length; 0 for an empty song or a moved-from object.
    int64_t frames() const;

    struct Impl; // separation/PreparedSongData.h (internal to core/separation; includes torch)
    Impl& data() { return *m_impl; }
    const Impl& data() const { return *m_impl; }

private:
    std::unique_ptr<Impl> m_impl;
};

} // namespace stemcrate::separation
