#pragma once
// SeparatorHolder: the loaded separation engine, kept between songs and reloaded only when the model file
// or the engine options change (loading takes seconds and 300 MB). The old engine is freed before the new
// one loads, on the separation worker.
//
// Ownership: owns the Separator; shared (std::shared_ptr) by SongQueue and its SeparateJobs. Threads: the
// separation worker only (SongQueue runs one SeparateJob at a time); release() on any thread once no job
// runs. Qt-free.

#include "common/Result.h"
#include "separation/Separator.h"

#include <memory>
#include <string>

namespace stemcrate::ui {

class SeparatorHolder
{
public:
    // `key` names the model and options (SeparationConfig::engineKey()).
    Result<std::shared_ptr<separation::Separator>>
    get(const std::string& modelPath, const separation::SeparatorOptions& options, const std::string& key);
    void release();

private:
    std::shared_ptr<separation::Separator> m_separator;
    std::string m_key;
};

} // namespace stemcrate::ui
