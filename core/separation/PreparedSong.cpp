#include "separation/PreparedSongData.h"

namespace stemcrate::separation {

PreparedSong::PreparedSong() : m_impl(std::make_unique<Impl>()) {}
PreparedSong::~PreparedSong() = default;
PreparedSong::PreparedSong(PreparedSong&&) noexcept = default;
PreparedSong& PreparedSong::operator=(PreparedSong&&) noexcept = default;

int64_t PreparedSong::frames() const
{
    return m_impl ? m_impl->frames : 0;
}

} // namespace stemcrate::separation
