#pragma once
// CorpusBench: bench_analysis --corpus DIR: tempo, beats and key on the evaluation corpus that
// tests/corpus/build_corpus.sh renders (issue 17), ours beside qm-dsp's and aubio's, per clip and summed
// up, as markdown for BENCHMARKS.md. Returns false when the corpus cannot be read.

#include <string>

namespace stemcrate::bench {

bool benchCorpus(const std::string& directory);

// bench_analysis --corpus-tempo DIR: tempo and beats only (the onset pass and TempoEstimator, no key or
// loudness), per clip with where our beats sit on the notated grid; quick to rerun while tuning. With
// otherTruthDirectory (--compare-truth DIR2), the same estimates are also scored against DIR2/truth.tsv and
// the clips whose truth differs are listed: a truth table's change measured with the estimator held still.
bool benchCorpusTempo(const std::string& directory, const std::string& otherTruthDirectory = {});

} // namespace stemcrate::bench
