#include "songs/SeparatorHolder.h"

namespace stemcrate::ui {

Result<std::shared_ptr<separation::Separator>>
SeparatorHolder::get(const std::string& modelPath, const separation::SeparatorOptions& options,
                     const std::string& key)
{
    if (holds(key))
        return m_separator;
    release(); // free the old weights before loading new ones
    Result<std::unique_ptr<separation::Separator>> loaded = separation::Separator::load(modelPath, options);
    ++m_loads;
    if (!loaded)
        return Error{loaded.error()};
    m_separator = std::move(loaded.value());
    m_key = key;
    return m_separator;
}

void SeparatorHolder::release()
{
    m_separator.reset();
    m_key.clear();
}

} // namespace stemcrate::ui
