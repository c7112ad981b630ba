#include "songs/EngineLoadJob.h"

#include <algorithm>
#include <filesystem>

namespace stemcrate::ui {

EngineLoadJob::EngineLoadJob(EngineRequest engine, CancelFlag cancelled)
    : SongJob(std::move(cancelled)), m_engine(std::move(engine))
{
}

void EngineLoadJob::skipIfCached(separation::StemCache cache, std::vector<std::string> songPaths)
{
    m_cache = std::move(cache);
    m_songPaths = std::move(songPaths);
}

Result<void> EngineLoadJob::prepare()
{
    if (!m_engine.holder || m_engine.modelPath.empty())
        return makeError("no separation model to load");
    std::error_code error;
    m_modelMissing = !std::filesystem::exists(m_engine.modelPath, error);
    if (m_modelMissing || !m_cache || m_songPaths.empty())
        return {};
    const std::string identity = separation::StemCache::modelIdentity(m_engine.modelPath);
    m_skipped = !identity.empty() &&
                std::all_of(m_songPaths.begin(), m_songPaths.end(), [&](const std::string& path) {
                    return !isCancelled() && m_cache->likelyCached(path, identity);
                });
    return {};
}

Result<void> EngineLoadJob::process()
{
    if (m_modelMissing || m_skipped)
        return {};
    m_askedHolder = true;
    Result<std::shared_ptr<separation::Separator>> separator =
        m_engine.holder->get(m_engine.modelPath, m_engine.options, m_engine.key);
    if (!separator)
        return makeError(separator.error());
    m_loaded = true; // the holder keeps the engine for the song's SeparateJob
    return {};
}

} // namespace stemcrate::ui
