#include "audio/AtomicFileOutput.h"

#include "audio/FileError.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

namespace stemcrate::audio {

int AtomicFileOutput::attachTo(AVFormatContext* muxer)
{
    m_io = makeWriteIo(this, &writePacket, &seekFile);
    if (!m_io)
        return AVERROR(ENOMEM);
    muxer->pb = m_io.get();
    muxer->flags |= AVFMT_FLAG_CUSTOM_IO;
    return 0;
}

int AtomicFileOutput::flush()
{
    if (!m_io)
        return 0;
    avio_flush(m_io.get());
    return std::min(m_io->error, 0);
}

int AtomicFileOutput::write(const uint8_t* bytes, size_t size)
{
    if (auto written = m_file.write(bytes, size); !written) {
        m_writeError = makeError(written.error());
        return AVERROR(EIO);
    }
    capture(bytes, static_cast<int64_t>(size));
    m_position += static_cast<int64_t>(size);
    return 0;
}

int AtomicFileOutput::seekTo(int64_t position)
{
    if (m_file.seek(position, SEEK_SET) != position)
        return AVERROR(errno ? errno : EIO);
    m_position = position;
    return 0;
}

Error AtomicFileOutput::failure(int status, std::string_view what) const
{
    return m_writeError ? *m_writeError
                        : fileError(m_file.finalPath(), std::string(what) + ": " + ffmpegErrorText(status));
}

void AtomicFileOutput::capture(const uint8_t* bytes, int64_t size)
{
    if (m_captureFrom < 0 || m_position + size <= m_captureFrom)
        return;
    const int64_t skip = std::max<int64_t>(0, m_captureFrom - m_position);
    const size_t at = static_cast<size_t>(m_position + skip - m_captureFrom);
    const size_t count = static_cast<size_t>(size - skip);
    if (m_captured.size() < at + count)
        m_captured.resize(at + count);
    std::memcpy(m_captured.data() + at, bytes + skip, count);
}

int AtomicFileOutput::writePacket(void* opaque, uint8_t* bytes, int size)
{
    auto* output = static_cast<AtomicFileOutput*>(opaque);
    const int status = output->write(bytes, static_cast<size_t>(size));
    return status < 0 ? status : size;
}

int64_t AtomicFileOutput::seekFile(void* opaque, int64_t offset, int whence)
{
    auto* output = static_cast<AtomicFileOutput*>(opaque);
    if (whence & AVSEEK_SIZE)
        return output->m_file.size();
    const int64_t position = output->m_file.seek(offset, whence & ~AVSEEK_FORCE);
    if (position < 0)
        return AVERROR(errno);
    output->m_position = position;
    return position;
}

} // namespace stemcrate::audio
