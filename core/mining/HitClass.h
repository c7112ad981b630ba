#pragma once
// HitClass: what a one-shot is, in the words drum samplers use. Names are the CLI's and the kit files'.
// Plain values; any thread.

#include <array>
#include <optional>
#include <string_view>

namespace stemcrate::mining {

enum class HitClass
{
    Kick,
    Snare,
    Clap,
    HatClosed,
    HatOpen,
    Cymbal,
    Tom,
    Perc,
    Tonal
};

inline constexpr std::array<HitClass, 9> kAllHitClasses = {
    HitClass::Kick,   HitClass::Snare, HitClass::Clap, HitClass::HatClosed, HitClass::HatOpen,
    HitClass::Cymbal, HitClass::Tom,   HitClass::Perc, HitClass::Tonal};

// "kick", "snare", "clap", "hat_closed", "hat_open", "cymbal", "tom", "perc", "tonal".
const char* hitClassName(HitClass hitClass);
std::optional<HitClass> hitClassFromName(std::string_view name);

} // namespace stemcrate::mining
