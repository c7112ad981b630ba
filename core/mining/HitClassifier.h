#pragma once
// HitClassifier: names a one-shot (kick, snare, clap, closed or open hat, cymbal, tom, percussion or tonal)
// from its SampleFeatures: where its energy sits (bands), how bright its attack is, how noisy or pitched
// it is and how long it rings. Each class has a score built from a few such memberships; the best wins and
// the confidence is its share of the scores. The thresholds were tuned on hits rendered from some of
// Debian's hydrogen-drumkits and measured on the others (tests/mining, BENCHMARKS.md).
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
