#pragma once
// HitGrouper: near-duplicate one-shots (the same drum struck again, a sample retriggered) gathered into
// groups. Two hits are near-duplicates when they have the same class and their SampleFeatures embeddings
// are at least `minimumSimilarity` alike. Greedy: hits are visited from the
// cleanest down, each joins the group whose representative it most resembles (if alike enough) or starts
// its own; so every representative is the cleanest hit of its group.
//
// Ownership: plain values. Threads: any (pure function). Units: indices into the caller's hit list.

#include "mining/HitClass.h"
#include "mining/SampleFeatures.h"

#include <vector>

namespace stemcrate::mining {

struct GroupingInput
{
    HitClass hitClass = HitClass::Perc;
    const SampleFeatures* features = nullptr;
    double cleanliness = 0;
};

struct HitGroup
{
    HitClass hitClass = HitClass::Perc;
    size_t representative = 0;   // index of its cleanest hit
    std::vector<size_t> members; // indices, ascending (the representative included)
};

inline constexpr double kDefaultDuplicateSimilarity = 0.97;

// Groups sorted by class, then by size (largest first). groupOf receives each input's group index.
std::vector<HitGroup> groupNearDuplicates(const std::vector<GroupingInput>& hits, std::vector<int>& groupOf,
                                          double minimumSimilarity = kDefaultDuplicateSimilarity);

} // namespace stemcrate::mining
