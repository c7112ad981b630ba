#pragma once
// ThreadBudget: the one place that decides how many threads each kind of work gets, so that libtorch's
// intra-op pool, analysis workers and view rendering never oversubscribe the cores (shared/DESIGN.md,
// "Threading"). Decided once from the machine's core count and where separation runs.
//
// - Separation on the CPU takes every core for its intra-op threads (measured fastest on 2 cores; its
//   workers run at lowered priority, so the GUI and audio threads still win a core); one separation job runs
//   at a time. On a GPU it needs one host thread (the other cores decode, encode, analyse).
// - Analysis (decode, onsets, tempo, key, summaries) gets half the cores beside a CPU separation, all but
//   one beside a GPU one; at least one.
// - A batch of songs (core/batch's SongPipeline) gets the analysis threads as its stage workers, at least two
//   (one can decode the next song while another writes the last): they decode and write, moving to whichever
//   side is slower.
// - One song's analysis (TrackAnalyzer) spreads its independent steps (onset pass | loudness, chroma) over
//   two threads, its own and one helper of a WorkerPool that analysis jobs share (one at a time gets the
//   helper, the others run their steps on their own thread): the steps balance over two, not more. The helper
//   is made by a worker at lowered priority, so beside a CPU separation it shares the cores with the
//   separation's workers (same total work, the analysis done sooner) and never takes them from the GUI.
// - Rendering (spectrogram tiles) gets one thread: tiles are cheap, and the GUI must keep a core.
// - The app loads the separation model while the first song decodes (SongQueue's engine preload) on a GPU,
//   whose load mostly waits on the device, and on four cores or more. On fewer, beside a CPU separation,
//   the two would only share the cores: on 2 cores the first stems came no sooner and the decode ended
//   0.26 s later (bench_first_song, BENCHMARKS.md).
// - The separation job's host-side loops (normalising the mix, mapping the stems' memory) get every core on
//   either device: bursts of tens of milliseconds before and between the passes, which on a GPU would
//   otherwise be a third of a song's separation (common/WorkerPool.h).
// Plain value; any thread. Units: threads.

#include <algorithm>
#include <thread>

namespace stemcrate {

struct ThreadBudget
{
    int separationThreads = 1;     // libtorch intra-op threads of the one separation job
    int analysisThreads = 1;       // workers for decode, analysis, summaries, export
    int renderThreads = 1;         // workers for view tiles
    int pipelineWorkers = 2;       // SongPipeline's stage workers (decode and write, shared)
    int separationHostThreads = 1; // the separation job's host-side loops around the passes
    int analysisStepThreads = 1;   // one analysis' independent steps, its own thread included
    bool preloadEngine = true;     // the app loads the model while the first song decodes

    static ThreadBudget forMachine(int cores, bool separationOnGpu)
    {
        cores = std::max(1, cores);
        ThreadBudget budget;
        budget.separationThreads = separationOnGpu ? 1 : std::max(1, cores);
        budget.analysisThreads = separationOnGpu ? std::max(1, cores - 1) : std::max(1, cores / 2);
        budget.renderThreads = 1;
        budget.pipelineWorkers = std::max(2, budget.analysisThreads);
        budget.separationHostThreads = cores;
        budget.analysisStepThreads = std::min(2, cores);
        budget.preloadEngine = separationOnGpu || cores >= 4;
        return budget;
    }

    static ThreadBudget forThisMachine(bool separationOnGpu)
    {
        return forMachine(static_cast<int>(std::thread::hardware_concurrency()), separationOnGpu);
    }
};

} // namespace stemcrate
