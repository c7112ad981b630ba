#include "AnalysisDigest.h"

#include <cstdio>

namespace stemcrate::analysis {

namespace {

std::string hex(double value)
{
    char text[64];
    std::snprintf(text, sizeof text, "%a", value);
    return text;
}

void appendStem(std::string& out, const StemAnalysis& stem)
{
    out += "stem " + stem.name + ": " + hex(stem.loudness.integratedLufs) + " LUFS, " +
           hex(stem.loudness.truePeakDbtp) + " dBTP, gated " + std::to_string(stem.loudness.gated) + "\n";
    out += "  onsets";
    for (const Onset& onset : stem.onsets)
        out += " " + std::to_string(onset.frame) + ":" + hex(onset.strength);
    out += "\n  loops";
    for (const LoopCandidate& loop : stem.loops)
        out += " [" + std::to_string(loop.startFrame) + "," + std::to_string(loop.endFrame) + ") " +
               std::to_string(loop.bars) + " " + hex(loop.score) + " " + hex(loop.energy) + " " +
               hex(loop.repetition) + " " + hex(loop.distinctness);
    out += "\n";
}

} // namespace

std::string analysisDigest(const TrackAnalysis& analysis)
{
    std::string out;
    if (analysis.tempo) {
        const TempoResult& tempo = *analysis.tempo;
        out += "tempo " + hex(tempo.bpm) + " confidence " + hex(tempo.confidence) + " beats/bar " +
               std::to_string(tempo.beatsPerBar) + "\n  beats";
        for (int64_t frame : tempo.beatFrames)
            out += " " + std::to_string(frame);
        out += "\n  downbeats";
        for (int64_t frame : tempo.downbeatFrames)
            out += " " + std::to_string(frame);
        out += "\n";
    }
    out += "tempo source '" + analysis.tempoSource + "' error '" + analysis.tempoError + "'\n";
    if (analysis.key) {
        const KeyResult& key = *analysis.key;
        out += "key " + key.name + " (" + key.camelot + ") tonic " + std::to_string(key.tonic) + " minor " +
               std::to_string(key.minor) + " confidence " + hex(key.confidence) + "\n  chroma";
        for (float value : key.chroma)
            out += " " + hex(value);
        out += "\n";
    }
    out += "key source '" + analysis.keySource + "' error '" + analysis.keyError + "'\n";
    appendStem(out, analysis.mix);
    for (const StemAnalysis& stem : analysis.stems)
        appendStem(out, stem);
    return out;
}

} // namespace stemcrate::analysis
