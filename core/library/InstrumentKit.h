#pragma once
// InstrumentKit: a sampler instrument as plain data - one-shot samples mapped to MIDI notes, with optional
// choke groups - that the kit writers (SfzWriter, DecentSamplerWriter) turn into files beside the samples.
//
// Ownership: plain values. Threads: any. Units: MIDI note numbers (0-127); sample paths relative to the
// folder the instrument file is written into, with '/' separators.

#include <optional>
#include <string>
#include <vector>

namespace stemcrate::library {

struct KitZone
{
    std::string samplePath; // relative to the instrument file, e.g. "kick-1.wav"
    int note = 60;          // the key that plays it (also its root: no transposition)
    std::string label;      // e.g. "kick", "slice 3"; for comments and group names
    // Choking: a zone in chokeGroup g is silenced when a zone of group chokedBy starts (SFZ group/off_by,
    // Decent Sampler tags/silencedByTags). 0 = none.
    int chokeGroup = 0;
    int chokedBy = 0;
};

struct InstrumentKit
{
    std::string name; // shown by the sampler
    std::vector<KitZone> zones;
};

} // namespace stemcrate::library
