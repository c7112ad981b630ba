#pragma once
// SeparatorHolder: the loaded separation engine, kept between songs and reloaded only when the model file
// or the engine options change (loading takes seconds and 300 MB). The old engine is freed before the new
// one loads, on the separation worker.
//
// Ownership: owns the Separator; shared (std::shared_ptr) by SongQueue and the jobs that ask it for the
// engine (SeparateJob, EngineLoadJob). Threads: the separation worker only (SongQueue runs one job at a time
// in the separation slot); release() on any thread once no job runs; loads() on any thread. Qt-free.

#include "common/Result.h"
#include "separation/Separator.h"

#include <atomic>
#include <memory>
#include <string>

namespace stemcrate::ui {

class SeparatorHolder
{
public:
    // `key` names the model and options (SeparationConfig::engineKey()).
    Result<std::shared_ptr<separation::Separator>>
    get(const std::string& modelPath, const separation::SeparatorOptions& options, const std::string& key);
    // Whether the engine for `key` is loaded (get() would return it at once).
    bool holds(const std::string& key) const { return m_separator && key == m_key; }
    void release();

    // Loads finished so far, whether they succeeded or failed (tests, logs). Any thread.
    int loads() const { return m_loads.load(); }

private:
    std::shared_ptr<separation::Separator> m_separator;
    std::string m_key;
    std::atomic<int> m_loads{0};
};

// What a job asks the holder for: the engine for `key`, loaded from `modelPath` with `options` unless held.
struct EngineRequest
{
    std::shared_ptr<SeparatorHolder> holder;
    std::string modelPath;
    separation::SeparatorOptions options;
    std::string key; // SeparationConfig::engineKey()
};

} // namespace stemcrate::ui
