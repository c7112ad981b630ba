#include "songs/DecodeJob.h"

namespace stemcrate::ui {

namespace {

// core's messages start with "'<path>': "; the song list already names the file.
std::string reasonOnly(const std::string& message, const std::string& path)
{
    const std::string prefix = "'" + path + "': ";
    return message.rfind(prefix, 0) == 0 ? message.substr(prefix.size()) : message;
}

} // namespace

DecodeJob::DecodeJob(std::string path, CancelFlag cancelled)
    : SongJob(std::move(cancelled)), m_path(std::move(path))
{
}

Result<void> DecodeJob::process()
{
    audio::DecodeOptions options;
    options.isCancelled = [this] { return isCancelled(); };
    options.progress = [this](double fraction) { reportProgress(fraction); };
    // Before decoding: a file that changes meanwhile then no longer matches what the index records.
    m_source = separation::StemCache::sourceFingerprint(m_path);
    Result<audio::Track> decoded = audio::decodeFile(m_path, options);
    if (!decoded)
        return makeError(reasonOnly(decoded.error(), m_path));
    m_decoded = std::move(decoded.value());
    return {};
}

Result<void> DecodeJob::store()
{
    m_track = std::make_shared<const audio::Track>(std::move(*m_decoded));
    return {};
}

void DecodeJob::cleanup()
{
    m_decoded.reset(); // a cancelled song's audio is freed here, on the worker
}

} // namespace stemcrate::ui
