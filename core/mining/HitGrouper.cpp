#include "mining/HitGrouper.h"

#include <algorithm>
#include <numeric>

namespace stemcrate::mining {

std::vector<HitGroup> groupNearDuplicates(const std::vector<GroupingInput>& hits, std::vector<int>& groupOf,
                                          double minimumSimilarity)
{
    std::vector<size_t> order(hits.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return hits[a].cleanliness > hits[b].cleanliness; });
    std::vector<HitGroup> groups;
    for (size_t index : order) {
        const GroupingInput& hit = hits[index];
        int bestGroup = -1;
        double bestSimilarity = minimumSimilarity;
        for (size_t g = 0; g < groups.size(); ++g) {
            const GroupingInput& representative = hits[groups[g].representative];
            if (representative.hitClass != hit.hitClass || !hit.features || !representative.features)
                continue;
            const double similarity =
                embeddingSimilarity(hit.features->embedding, representative.features->embedding);
            if (similarity >= bestSimilarity) {
                bestSimilarity = similarity;
                bestGroup = static_cast<int>(g);
            }
        }
        if (bestGroup < 0) {
            groups.push_back(HitGroup{hit.hitClass, index, {}});
            bestGroup = static_cast<int>(groups.size() - 1);
        }
        groups[static_cast<size_t>(bestGroup)].members.push_back(index);
    }
    for (HitGroup& group : groups)
        std::sort(group.members.begin(), group.members.end());
    std::stable_sort(groups.begin(), groups.end(), [](const HitGroup& a, const HitGroup& b) {
        if (a.hitClass != b.hitClass)
            return a.hitClass < b.hitClass;
        return a.members.size() > b.members.size();
    });
    groupOf.assign(hits.size(), -1);
    for (size_t g = 0; g < groups.size(); ++g)
        for (size_t member : groups[g].members)
            groupOf[member] = static_cast<int>(g);
    return groups;
}

} // namespace stemcrate::mining
