#include "library/SampleRecord.h"

namespace stemcrate::library {

std::string_view kindName(SampleKind kind)
{
    switch (kind) {
    case SampleKind::Loop:
        return "loop";
    case SampleKind::Slice:
        return "slice";
    case SampleKind::OneShot:
        return "one-shot";
    case SampleKind::Unknown:
        break;
    }
    return "";
}

SampleKind kindFromName(std::string_view name)
{
    if (name == "loop")
        return SampleKind::Loop;
    if (name == "slice")
        return SampleKind::Slice;
    if (name == "one-shot" || name == "oneshot" || name == "one_shot" || name == "hit")
        return SampleKind::OneShot;
    return SampleKind::Unknown;
}

} // namespace stemcrate::library
