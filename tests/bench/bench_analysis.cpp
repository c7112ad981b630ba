// bench_analysis: accuracy of core/analysis on synthetic ground truth, and its speed.
#include "SyntheticMusic.h"

#include "analysis/OnsetDetector.h"
#include "analysis/TempoEstimator.h"

#include <chrono>
#include <cmath>
#include <cstdio>

using namespace stemcrate;
using namespace stemcrate::analysis;

int main(int argc, char**)
{
    // onsets
    double sumErr = 0; int matched = 0, fp = 0, fn = 0;
    for (int i = 0; i < 10; ++i) {
        const synth::Track t = synth::onsetEvents(500 + i, 30.0);
        const auto onsets = OnsetDetector().detect(t.audio);
        std::vector<bool> used(onsets.size(), false);
        int m = 0;
        for (double truth : t.onsetsSeconds) {
            int best = -1; double bestErr = 0.02;
            for (size_t k = 0; k < onsets.size(); ++k) {
                const double e = std::abs(onsets[k].frame / 44100.0 - truth);
                if (!used[k] && e <= bestErr) { bestErr = e; best = int(k); }
            }
            if (best >= 0) { used[size_t(best)] = true; ++m; sumErr += onsets[size_t(best)].frame / 44100.0 - truth; }
        }
        matched += m; fp += int(onsets.size()) - m; fn += int(t.onsetsSeconds.size()) - m;
    }
    const double p = matched / double(matched + fp), r = matched / double(matched + fn);
    std::printf("onsets: P %.3f R %.3f F %.3f mean err %.2f ms\n", p, r, 2*p*r/(p+r), 1000*sumErr/matched);
    if (argc > 1) return 0;
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
