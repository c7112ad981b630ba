#pragma once
// EnginePreload: when SongQueue loads the separation engine ahead of the songs. While a song decodes, the
// idle separation slot loads the model (EngineLoadJob), so the first separation finds it loaded instead of
// loading it after the decode (the CLI's cold start overlaps the two as well: app/cli/SeparateCommand.cpp).
//
// It remembers the engine key the separation slot was last asked for, by a preload or a separation, and
// whether that load is known to have succeeded. A preload starts only for another key, so no key is loaded
// twice (SeparatorHolder reuses a held key besides) and a broken or missing model file is not retried in a
// loop: it may be again once the config is set again. A song's separation still loads, or reports, what
// the holder lacks. A stale preload (the config names another key, or no song wants the engine any more)
// is cancelled: it stops before its load if that has not begun; an engine it loaded anyway is replaced by
// the next load of another key.
//
// Ownership: a value inside SongQueue; shares the running preload's cancel flag with its job. Threads: GUI
// thread only.

#include "songs/SongJob.h"

#include <QString>

#include <atomic>
#include <memory>

namespace stemcrate::ui {

class EngineLoadJob;

class EnginePreload
{
public:
    // Whether to preload `key` (SeparationConfig::engineKey()) once the separation slot is free and a song
    // will want the engine.
    bool wanted(const QString& key) const { return !running() && key != m_askedKey; }
    bool running() const { return m_cancelled != nullptr; }

    // A preload of `key` takes the slot: returns its cancel flag.
    std::shared_ptr<std::atomic<bool>> started(const QString& key);
    // The running preload ended (before anything else took the slot).
    void ended(const EngineLoadJob& job, const SongJob::Report& report);
    // A separation with `key` takes the slot (it loads what the holder lacks); it ended, with the engine
    // loaded or not.
    void separationStarted(const QString& key);
    void separationEnded(bool engineLoaded);
    // The config was set and names `key` (empty: no model): a running preload of another key is stale, and
    // a key not known to be loaded may be preloaded again (its file may be there now).
    void configSet(const QString& key);
    // No song wants the engine now: a running preload is stale.
    void notWanted();

private:
    QString m_askedKey; // the last key the slot was asked for; empty: unknown
    bool m_askedKeyLoaded = false;
    std::shared_ptr<std::atomic<bool>> m_cancelled; // the running preload's; null when none runs
};

} // namespace stemcrate::ui
