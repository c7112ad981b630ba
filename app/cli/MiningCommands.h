#pragma once
// The sample-mining commands of stemcrate-cli, over core/mining. Main thread. Exit codes as for every
// command: 0 all inputs done, 1 at least one failed (each an "error: <file>: <reason>" line on stderr, the
// other inputs still done), 2 usage error, 130 interrupted. Output files appear atomically.
//
// `loops INPUT... [--stems DIR]`: ranked 1/2/4/8-bar loop suggestions, one JSON object per line:
//    path, stem, start_s, end_s, bars, score, bpm, key (null when unknown).
// `chop INPUT --start S --end S (--slices N | --beats | --transients) -o DIR`: slices of the region as
//    DIR/<name>-01.wav ... plus DIR/<name>.sfz and DIR/<name>.dspreset (chromatic from C1 = MIDI 36); one
//    JSON line per slice: index, start_s, end_s, note, file.
// `oneshots INPUT... -o DIR`: the hits of each input as a kit: one file per group of near-duplicates (its
//    cleanest hit) plus <name>.sfz and <name>.dspreset on General MIDI drum notes; one JSON line per hit:
//    path, start_s, class, confidence, group, file (its group's representative).

#include <string>
#include <vector>

namespace stemcrate::cli {

int runLoops(const std::vector<std::string>& args);
int runChop(const std::vector<std::string>& args);
int runOneShots(const std::vector<std::string>& args);

const char* loopsUsage();
const char* chopUsage();
const char* oneShotsUsage();

} // namespace stemcrate::cli
