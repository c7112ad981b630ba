#pragma once
// SeparationConfig: what SongQueue separates with: the model file, the engine options and the stem cache
// limit. Plain value; any thread. Units: bytes for the limit.

#include "separation/Separator.h"

#include <QString>

namespace stemcrate::ui {

struct SeparationConfig
{
    QString modelPath; // empty: no model yet; songs wait for one
    separation::SeparatorOptions options;
    qint64 cacheLimitBytes = 0; // <= 0: no limit

    // Names the model and the options: an engine loaded for one key serves every song with that key.
    QString engineKey() const;
    bool operator==(const SeparationConfig& other) const;
};

} // namespace stemcrate::ui
