#pragma once
// HitAudioDump: writes each matched hit's audio exactly as OneShotMiner hands it to computeSampleFeatures
// (the samples from the attack on, and the kFeatureContextFrames before it), with its kit, true class and
// the classifier's current inputs, so that features and models can be explored offline (numpy) before
// they are written into core. Binary records, little-endian:
//   int32 kit, int32 trueClass (HitClass), int32 inGroove, int32 truncated, int32 tonal,
//   int32 beforeFrames, int32 monoFrames, float64 inputs[kClassifierInputs], float32 before[], float32 mono[]
// Ownership: plain function. Threads: one stream per caller. Units: 44.1 kHz frames.

#include "mining/OneShotMiner.h"

#include <cstdint>
#include <ostream>

namespace stemcrate::testing {

// The detected hit nearest to `frame` within `toleranceFrames`, or null.
const mining::OneShot* nearestShot(const mining::OneShotResult& result, int64_t frame, int64_t toleranceFrames);

void writeHitAudio(std::ostream& out, const AudioBuffer& audio, const mining::OneShot& shot, double featureSeconds,
                   int kit, mining::HitClass trueClass, bool inGroove);

} // namespace stemcrate::testing
