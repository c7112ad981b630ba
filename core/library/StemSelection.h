#pragma once
// StemSelection: which of a song's stems to write, and named mixes of chosen stems written as one file:
// "instrumental" (every stem but vocals), "acapella" (vocals), "drumless" (every stem but drums), or one's
// own, "name=stem+stem" (e.g. "groove=drums+bass").
//
// Ownership: plain values; mixStems returns a new buffer. Threads: any. Units: the stems' frames.

#include "common/AudioBuffer.h"
#include "common/Result.h"

#include <string>
#include <vector>

namespace stemcrate::library {

struct StemMix
{
    std::string name;               // the file's name, e.g. "instrumental"
    std::vector<std::string> stems; // what is summed, in the song's stem order
};

// "drums,vocals" -> {"drums", "vocals"} in the order of `available`; duplicates collapse. The error names
// an unknown stem and lists the available ones. An empty text selects every stem.
Result<std::vector<std::string>> parseStemList(const std::string& text,
                                               const std::vector<std::string>& available);

// "instrumental", "acapella", "drumless" or "name=a+b+..." (names of letters, digits, '-' and '_').
Result<StemMix> parseStemMix(const std::string& text, const std::vector<std::string>& available);

// Several mixes separated by commas: "instrumental,acapella,groove=drums+bass". Names must differ from each
// other and from the stems'.
Result<std::vector<StemMix>> parseStemMixes(const std::string& text,
                                            const std::vector<std::string>& available);

// The sum of the named stems (names and audio in parallel, all the same length).
Result<AudioBuffer> mixStems(const std::vector<std::string>& names, const std::vector<AudioBuffer>& audio,
                             const std::vector<std::string>& chosen);

} // namespace stemcrate::library
