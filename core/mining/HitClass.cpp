#include "mining/HitClass.h"

namespace stemcrate::mining {

const char* hitClassName(HitClass hitClass)
{
    switch (hitClass) {
    case HitClass::Kick: return "kick";
    case HitClass::Snare: return "snare";
    case HitClass::Clap: return "clap";
    case HitClass::HatClosed: return "hat_closed";
    case HitClass::HatOpen: return "hat_open";
    case HitClass::Cymbal: return "cymbal";
    case HitClass::Tom: return "tom";
    case HitClass::Perc: return "perc";
    case HitClass::Tonal: return "tonal";
    }
    return "perc";
}

std::optional<HitClass> hitClassFromName(std::string_view name)
{
    for (HitClass hitClass : kAllHitClasses)
        if (name == hitClassName(hitClass))
            return hitClass;
    return std::nullopt;
}

} // namespace stemcrate::mining
