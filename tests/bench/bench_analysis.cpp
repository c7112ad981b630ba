// bench_analysis: accuracy of core/analysis on synthetic ground truth, and its speed.
#include "SyntheticMusic.h"

#include "analysis/TempoEstimator.h"

#include <chrono>
#include <cmath>
#include <cstdio>

using namespace stemcrate;
using namespace stemcrate::analysis;

int main()
{
    int correct = 0, octave = 0, total = 0;
    for (int i = 0; i < 40; ++i) {
        synth::DrumSpec spec;
        spec.bpm = 60.0 + i * 3.0 + 0.37 * (i % 3);
        spec.style = static_cast<synth::DrumStyle>(i % 4);
        spec.swing = (i % 5 == 0) ? 0.6 : 0.0;
        spec.seconds = 30.0;
        spec.seed = 100 + i;
        const synth::Track t = synth::drums(spec);
        const auto start = std::chrono::steady_clock::now();
        const auto r = TempoEstimator().estimate(t.audio);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        ++total;
        const double bpm = r ? r->bpm : 0.0;
        const bool ok = std::abs(bpm - spec.bpm) <= 0.5;
        const bool oct = !ok && (std::abs(bpm - 2 * spec.bpm) <= 1.0 || std::abs(bpm - spec.bpm / 2) <= 0.25);
        correct += ok;
        octave += oct;
        std::printf("%-10s swing %.1f truth %7.2f got %7.2f conf %.2f %s %.0f ms\n", synth::styleName(spec.style),
                    spec.swing, spec.bpm, bpm, r ? r->confidence : 0.0, ok ? "ok" : (oct ? "OCTAVE" : "WRONG"), ms);
    }
    std::printf("correct %d / %d, octave %d\n", correct, total, octave);
}
