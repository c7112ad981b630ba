// bench_reference: qm-dsp's and aubio's tempo, beats and key (ReferenceAnalysers) on every clip of the
// evaluation corpus, written to DIR/reference.tsv for bench_analysis --corpus to set beside ours.
// A program of its own because libqm-dsp exports its own double-precision KissFFT under the same symbol
// names as the float KissFFT core/analysis links: in one process one of the two would call the other's.
//
//   bench_reference DIR        (after tests/corpus/build_corpus.sh DIR)

#include "ReferenceAnalysers.h"

#include "audio/Decoder.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

using namespace stemcrate;

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench_reference DIR\n");
        return 2;
    }
    const std::filesystem::path dir(argv[1]);
    std::set<std::filesystem::path> files;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error))
        if (entry.path().extension() == ".wav")
            files.insert(entry.path());
    if (files.empty()) {
        std::fprintf(stderr, "error: %s: no .wav files\n", argv[1]);
        return 1;
    }
    std::ofstream out(dir / "reference.tsv.part");
    out << "id\tqm_bpm\taubio_bpm\tqm_key\tqm_seconds\taubio_seconds\tqm_beats\taubio_beats\n";
    const auto beatsText = [](const std::vector<double>& beats) {
        std::string text;
        for (double b : beats)
            text += (text.empty() ? "" : " ") + std::to_string(b);
        return text;
    };
    for (const auto& file : files) {
        auto track = audio::decodeFile(file.string());
        if (!track) {
            std::fprintf(stderr, "error: %s\n", track.error().c_str());
            return 1;
        }
        const AudioBuffer& audio = track->audio;
        std::vector<float> mono(static_cast<size_t>(audio.frames), 0.0f);
        for (int c = 0; c < audio.channels; ++c)
            for (int64_t i = 0; i < audio.frames; ++i)
                mono[static_cast<size_t>(i)] += audio.channel(c)[i] / static_cast<float>(audio.channels);
        auto start = std::chrono::steady_clock::now();
        const bench::ReferenceBeats qm = bench::qmDspBeats(mono, audio.sampleRate);
        const auto key = bench::qmDspKey(mono, audio.sampleRate);
        const double qmSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        start = std::chrono::steady_clock::now();
        const bench::ReferenceBeats aubio = bench::aubioBeats(mono, audio.sampleRate);
        const double aubioSeconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        out << file.stem().string() << '\t' << qm.bpm << '\t' << aubio.bpm << '\t'
            << (key ? std::to_string(key->first) + (key->second ? "m" : "") : "-") << '\t' << qmSeconds << '\t'
            << aubioSeconds << '\t' << beatsText(qm.beatSeconds) << '\t' << beatsText(aubio.beatSeconds) << '\n';
    }
    out.close();
    std::filesystem::rename(dir / "reference.tsv.part", dir / "reference.tsv", error);
    return error ? 1 : 0;
}
