#pragma once
// HitClassifier: names a one-shot (kick, snare, clap, closed or open hat, cymbal, tom, percussion or tonal)
// from its SampleFeatures: where its energy sits (bands, centroid) and how fast it decays, by a small
// decision tree grown on hits rendered from some of Debian's hydrogen-drumkits (the tuning kits) and
// measured on the others (tests/mining, BENCHMARKS.md); sustained pitched sounds are "tonal".
//
// Ownership: stateless. Threads: any. Units: as in SampleFeatures.

#include "mining/HitClass.h"
#include "mining/SampleFeatures.h"

namespace stemcrate::mining {

struct HitClassification
{
    HitClass hitClass = HitClass::Perc;
    double confidence = 0; // [0, 1]
};

HitClassification classifyHit(const SampleFeatures& features);

} // namespace stemcrate::mining
