#pragma once
// analysisDigest(): every field of a TrackAnalysis as text, floating-point values in hexadecimal (%a), so two
// analyses are the same to the bit exactly when their digests are equal, and a difference reads as a line.
// For tests and benchmarks that compare the parallel TrackAnalyzer with the serial one. Pure function.

#include "analysis/TrackAnalyzer.h"

#include <string>

namespace stemcrate::analysis {

std::string analysisDigest(const TrackAnalysis& analysis);

} // namespace stemcrate::analysis
