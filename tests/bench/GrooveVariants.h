#pragma once
// GrooveVariants: what train_hit_classifier makes of the tuning kits besides their plain grooves: every layer
// of a kit alone, and a groove through a random equaliser or in a synthetic room, so that the classifier is
// trained (or scored) on the same kits as other recordings would colour them.
// Ownership: plain functions returning values. Threads: any. Units: 44.1 kHz frames.

#include "DrumGrooves.h"

#include <cstdint>

namespace stemcrate::testing {

// The groove through a random three-band equaliser (one-pole splits at 150 Hz and 3 kHz, each band +-6 dB).
Groove equalised(Groove groove, uint32_t seed);
// The groove in a synthetic room (Schroeder reverb, RT60 0.4-1.2 s, 8-18 dB under the dry sound).
Groove inRoom(Groove groove, uint32_t seed);
// Every layer of the kit alone at `gain`, resampled by `pitch` (> 1: higher), 0.3 s of silence between.
Groove isolatedLayers(const DrumKit& kit, float gain, double pitch);

} // namespace stemcrate::testing
