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
// A preload whose songs' stems are all very likely cached is skipped (EngineLoadJob::skipped): it loads
// nothing and asks for no key. It is not tried again for those songs (each try reads the cache's index on
// the worker): only when a song that was not among them wants the engine, or the config is set again.
//
// Ownership: a value inside SongQueue; shares the running preload's cancel flag with its job. Threads: GUI
// thread only.

#include "songs/SongJob.h"

#include <QString>

#include <atomic>
#include <memory>
#include <vector>

namespace stemcrate::ui {

class EngineLoadJob;

class EnginePreload
{
public:
    // Whether to preload `key` (SeparationConfig::engineKey()) for `songs` (the ids of the songs that will
    // want the engine; not empty), the separation slot being free.
    bool wanted(const QString& key, const std::vector<int>& songs) const;
    bool running() const { return m_cancelled != nullptr; }
    // Preloads skipped so far because every song's stems were likely cached (tests, logs).
    int skips() const { return m_skips; }

    // A preload of `key` for `songs` takes the slot: returns its cancel flag.
    std::shared_ptr<std::atomic<bool>> started(const QString& key, std::vector<int> songs);
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
    std::vector<int> m_runningSongs;                // the running preload's songs, sorted
    // The last skipped preload's key (empty: none since the config was set) and songs, sorted.
    QString m_skippedKey;
    std::vector<int> m_skippedSongs;
    int m_skips = 0;
};

} // namespace stemcrate::ui
