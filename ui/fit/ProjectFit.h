#pragma once
// ProjectFit: the track the musician is making: its tempo and key. Every preview and export is fitted to it
// (stretched from the song's tempo, shifted from the song's key). Plain value type. Units: BPM.

#include <QString>

namespace stemcrate::ui {

struct ProjectFit
{
    double bpm = 0; // 0 = keep each song's tempo
    QString key;    // "" = keep each song's key; else e.g. "A minor"

    bool active() const { return bpm > 0 || !key.isEmpty(); }
    bool operator==(const ProjectFit&) const = default;
};

} // namespace stemcrate::ui
