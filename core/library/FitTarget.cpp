#include "library/FitTarget.h"

#include "library/MusicalKey.h"

#include <cmath>

namespace stemcrate::library {

Result<ResolvedFit> resolveFit(const FitTarget& target, double sourceBpm, const std::string& sourceKey)
{
    ResolvedFit fit;
    fit.bpm = sourceBpm > 0 ? sourceBpm : 0;
    fit.key = sourceKey;
    if (target.targetBpm > 0) {
        if (!(sourceBpm > 0))
            return makeError("cannot stretch to " + std::to_string(std::lround(target.targetBpm)) +
                             " BPM: the sample's tempo is unknown (give its BPM)");
        fit.bpm = target.targetBpm;
    }
    if (!target.targetKey.empty()) {
        if (sourceKey.empty())
            return makeError("cannot shift to " + target.targetKey +
                             ": the sample's key is unknown (give its key)");
        Result<int> shift = transpositionSemitones(sourceKey, target.targetKey);
        if (!shift)
            return makeError(shift.error());
        fit.semitones = shift.value();
    } else {
        fit.semitones = target.semitones;
    }
    Result<FitRatios> ratios =
        fitRatios(target.targetBpm > 0 ? sourceBpm : 0, target.targetBpm, fit.semitones);
    if (!ratios)
        return makeError(ratios.error());
    fit.ratios = ratios.value();

    if (fit.semitones != 0 && !sourceKey.empty()) {
        const std::optional<MusicalKey> key = parseMusicalKey(sourceKey);
        const double whole = std::round(fit.semitones);
        if (key && whole == fit.semitones)
            fit.key = MusicalKey{((key->tonic + int(whole)) % 12 + 12) % 12, key->minor}.name();
        else
            fit.key.clear(); // between keys, or a key we cannot read: unknown rather than wrong
    }
    return fit;
}

} // namespace stemcrate::library
