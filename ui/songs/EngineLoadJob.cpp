#include "songs/EngineLoadJob.h"

#include <filesystem>

namespace stemcrate::ui {

EngineLoadJob::EngineLoadJob(EngineRequest engine, CancelFlag cancelled)
    : SongJob(std::move(cancelled)), m_engine(std::move(engine))
{
}

Result<void> EngineLoadJob::prepare()
{
    if (!m_engine.holder || m_engine.modelPath.empty())
        return makeError("no separation model to load");
    std::error_code error;
    m_modelMissing = !std::filesystem::exists(m_engine.modelPath, error);
    return {};
}

Result<void> EngineLoadJob::process()
{
    if (m_modelMissing)
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
