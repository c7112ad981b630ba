#include "analysis/TrackAnalyzer.h"

#include "analysis/BeatGrid.h"
#include "analysis/Chromagram.h"
#include "analysis/HarmonicChange.h"
#include "analysis/MonoMix.h"
#include "analysis/OnsetStrength.h"

#include "common/WorkerPool.h"

#include <cmath>
#include <functional>
#include <vector>

namespace stemcrate::analysis {

namespace {

// One signal's shared spectral passes and the results that need no beat grid.
struct SignalPasses
{
    OnsetStrength envelope;
    Chromagram chroma;
};

using Task = std::function<void()>;

// Every task once, on the pool's threads and this one where there is a pool, else in order here. Tasks write
// only their own results, so the outcome does not depend on where or in which order they ran.
void runTasks(WorkerPool* pool, const std::vector<Task>& tasks)
{
    if (!pool) {
        for (const Task& task : tasks)
            task();
        return;
    }
    pool->run(static_cast<int64_t>(tasks.size()), [&](int64_t k) { tasks[static_cast<size_t>(k)](); });
}

// The harmonic-change profile the tempo step reads (OnsetStrength::harmony), for a signal whose passes
// skipped it.
void addHarmony(SignalPasses& passes, const AudioBuffer& audio)
{
    const std::vector<float> mono = monoMix(audio);
    passes.envelope.setHarmony(
        HarmonicChange::compute(mono.data(), static_cast<int64_t>(mono.size()), audio.sampleRate));
}

} // namespace

Result<TrackAnalysis> TrackAnalyzer::analyze(const AudioBuffer& mix,
                                             const std::vector<StemInput>& stems) const
{
    if (mix.channels <= 0 || mix.sampleRate <= 0 || mix.frames <= 0)
        return makeError("no audio to analyse");
    for (const StemInput& stem : stems)
        if (!stem.audio || stem.audio->sampleRate != mix.sampleRate)
            return makeError("stem '" + stem.name + "' does not match the mix");

    const size_t stages = stems.size() + 3;
    size_t stage = 0;
    const auto step = [&]() {
        ++stage;
        if (m_options.progress)
            m_options.progress(static_cast<double>(stage) / static_cast<double>(stages));
        return !(m_options.isCancelled && m_options.isCancelled());
    };
    const auto stemIndex = [&](const char* name) -> int {
        for (size_t i = 0; i < stems.size(); ++i)
            if (stems[i].name == name)
                return static_cast<int>(i);
        return -1;
    };
    const int drums = stemIndex("drums");

    TrackAnalysis analysis;
    const LoudnessMeter meter;
    const OnsetDetector onsetDetector(m_options.onsets);

    // Mix and stems, one signal at a time (one mono mix in memory): spectral passes, loudness, onsets, and
    // the harmonic-change profile of the signal that gives the tempo (the drums when there are, else the
    // mix). Longest first, so that two threads end together: the onset pass | loudness, then the chroma
    // and the profile.
    const auto describe = [&](const std::string& name, const AudioBuffer& audio, SignalPasses& passes,
                              bool harmony) {
        StemAnalysis out;
        out.name = name;
        const std::vector<float> mono = monoMix(audio);
        const auto count = static_cast<int64_t>(mono.size());
        HarmonicChange change;
        std::vector<Task> tasks = {
            [&] {
                passes.envelope = OnsetStrength::compute(mono.data(), count, audio.sampleRate,
                                                         OnsetStrength::HarmonyPass::Skip);
                out.onsets = onsetDetector.detect(passes.envelope);
            },
            [&] {
                if (auto loudness = meter.measure(audio))
                    out.loudness = loudness.value();
            },
            [&] { passes.chroma = Chromagram::compute(mono.data(), count, audio.sampleRate); },
        };
        if (harmony)
            tasks.push_back([&] { change = HarmonicChange::compute(mono.data(), count, audio.sampleRate); });
        runTasks(m_options.pool, tasks);
        if (harmony)
            passes.envelope.setHarmony(std::move(change));
        return out;
    };
    SignalPasses mixPasses;
    analysis.mix = describe("mix", mix, mixPasses, drums < 0);
    if (!step())
        return makeError(kAnalysisCancelled);
    std::vector<SignalPasses> stemPasses(stems.size());
    for (size_t i = 0; i < stems.size(); ++i) {
        analysis.stems.push_back(
            describe(stems[i].name, *stems[i].audio, stemPasses[i], static_cast<int>(i) == drums));
        if (!step())
            return makeError(kAnalysisCancelled);
    }

    // Tempo | key.
    const auto findTempo = [&] {
        // The drums when they carry the rhythm, else the mix.
        const TempoEstimator tempoEstimator(m_options.tempo);
        if (drums >= 0) {
            const double drumsLufs = analysis.stems[static_cast<size_t>(drums)].loudness.integratedLufs;
            const double mixLufs = analysis.mix.loudness.integratedLufs;
            if (std::isfinite(drumsLufs) && drumsLufs >= mixLufs - m_options.drumsWithinLu) {
                if (auto tempo = tempoEstimator.estimate(stemPasses[static_cast<size_t>(drums)].envelope)) {
                    analysis.tempo = std::move(tempo).value();
                    analysis.tempoSource = "drums";
                }
            }
        }
        if (!analysis.tempo) {
            if (drums >= 0)
                addHarmony(mixPasses, mix); // its passes left the profile to the drums
            if (auto tempo = tempoEstimator.estimate(mixPasses.envelope)) {
                analysis.tempo = std::move(tempo).value();
                analysis.tempoSource = "mix";
            } else {
                analysis.tempoError = tempo.error();
            }
        }
        if (m_options.bpm) {
            analysis.tempo = BeatGrid::atTempo(analysis.tempo ? &*analysis.tempo : nullptr, *m_options.bpm,
                                               mix.frames, mix.sampleRate);
            analysis.tempoSource = "user";
            analysis.tempoError.clear();
        }
    };
    const auto findKey = [&] {
        // The harmonic stems (bass + other) when there are any, else the mix.
        const KeyDetector keyDetector;
        const int bass = stemIndex("bass"), other = stemIndex("other");
        std::vector<const AudioBuffer*> harmonic;
        if (bass >= 0)
            harmonic.push_back(stems[static_cast<size_t>(bass)].audio);
        if (other >= 0)
            harmonic.push_back(stems[static_cast<size_t>(other)].audio);
        auto key = m_options.key      ? Result<KeyResult>(*m_options.key)
                   : harmonic.empty() ? keyDetector.detect(mixPasses.chroma)
                                      : keyDetector.detect(harmonic);
        if (key) {
            analysis.key = std::move(key).value();
            analysis.keySource = m_options.key ? "user" : harmonic.empty() ? "mix" : "bass+other";
        } else {
            analysis.keyError = key.error();
        }
    };
    runTasks(m_options.pool, {findTempo, findKey});
    if (!step())
        return makeError(kAnalysisCancelled);

    // Loops need the beat grid.
    if (analysis.tempo) {
        const LoopFinder loopFinder(m_options.loops);
        std::vector<Task> tasks = {[&] {
            analysis.mix.loops =
                loopFinder.find(mixPasses.envelope, mixPasses.chroma, *analysis.tempo, mix.frames);
        }};
        for (size_t i = 0; i < stems.size(); ++i)
            tasks.push_back([&, i] {
                analysis.stems[i].loops = loopFinder.find(stemPasses[i].envelope, stemPasses[i].chroma,
                                                          *analysis.tempo, stems[i].audio->frames);
            });
        runTasks(m_options.pool, tasks);
    }
    if (!step())
        return makeError(kAnalysisCancelled);
    return analysis;
}

} // namespace stemcrate::analysis
