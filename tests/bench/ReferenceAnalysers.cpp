#include "ReferenceAnalysers.h"

#include <aubio/aubio.h>
#include <dsp/keydetection/GetKeyMode.h>
#include <dsp/onsets/DetectionFunction.h>
#include <dsp/tempotracking/TempoTrackV2.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

namespace stemcrate::bench {

double bpmFromBeats(const std::vector<double>& beats)
{
    if (beats.size() < 4)
        return beats.size() >= 2 ? 60.0 * double(beats.size() - 1) / (beats.back() - beats.front()) : 0.0;
    std::vector<double> gaps;
    for (size_t i = 1; i < beats.size(); ++i)
        gaps.push_back(beats[i] - beats[i - 1]);
    std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2), gaps.end());
    const double period = gaps[gaps.size() / 2];
    double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0, index = 0;
    for (size_t i = 0; i < beats.size(); ++i) {
        if (i > 0)
            index += std::max(1.0, std::round((beats[i] - beats[i - 1]) / period));
        n += 1;
        sx += index;
        sy += beats[i];
        sxx += index * index;
        sxy += index * beats[i];
    }
    const double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    return slope > 0.0 ? 60.0 / slope : 0.0;
}

ReferenceBeats qmDspBeats(const std::vector<float>& mono, int sampleRate)
{
    constexpr unsigned kStep = 512, kFrame = 1024;
    DFConfig config{};
    config.stepSize = kStep;
    config.frameLength = kFrame;
    config.DFType = DF_COMPLEXSD;
    config.dbRise = 3.0;
    config.adaptiveWhitening = false;
    config.whiteningRelaxCoeff = -1.0;
    config.whiteningFloor = -1.0;
    DetectionFunction function(config);
    std::vector<double> frame(kFrame), df;
    for (size_t start = 0; start + kFrame <= mono.size(); start += kStep) {
        std::copy(mono.begin() + static_cast<std::ptrdiff_t>(start),
                  mono.begin() + static_cast<std::ptrdiff_t>(start + kFrame), frame.begin());
        df.push_back(function.processTimeDomain(frame.data()));
    }
    ReferenceBeats out;
    if (df.size() < 16)
        return out;
    // As the QM Vamp plugin: the first two values carry the window's start-up transient.
    std::vector<double> trimmed(df.begin() + 2, df.end()), periods(trimmed.size(), 0.0), tempi, beats;
    TempoTrackV2 tracker(static_cast<float>(sampleRate), kStep);
    tracker.calculateBeatPeriod(trimmed, periods, tempi);
    tracker.calculateBeats(trimmed, periods, beats);
    for (double b : beats)
        out.beatSeconds.push_back(((b + 2.0) * kStep + kFrame / 2.0) / sampleRate);
    out.bpm = bpmFromBeats(out.beatSeconds);
    return out;
}

ReferenceBeats aubioBeats(const std::vector<float>& mono, int sampleRate)
{
    constexpr uint_t kWindow = 1024, kHop = 512;
    std::unique_ptr<aubio_tempo_t, void (*)(aubio_tempo_t*)> tempo(
        new_aubio_tempo("default", kWindow, kHop, static_cast<uint_t>(sampleRate)), del_aubio_tempo);
    std::unique_ptr<fvec_t, void (*)(fvec_t*)> in(new_fvec(kHop), del_fvec), beat(new_fvec(1), del_fvec);
    ReferenceBeats out;
    if (!tempo || !in || !beat)
        return out;
    for (size_t start = 0; start + kHop <= mono.size(); start += kHop) {
        std::copy(mono.begin() + static_cast<std::ptrdiff_t>(start),
                  mono.begin() + static_cast<std::ptrdiff_t>(start + kHop), in->data);
        aubio_tempo_do(tempo.get(), in.get(), beat.get());
        if (beat->data[0] != 0.0f)
            out.beatSeconds.push_back(aubio_tempo_get_last_s(tempo.get()));
    }
    out.bpm = aubio_tempo_get_bpm(tempo.get());
    return out;
}

std::optional<std::pair<int, bool>> qmDspKey(const std::vector<float>& mono, int sampleRate)
{
    // Mixxx's settings: 440 Hz tuning, HPCP averaged over 10 frames, median over 10 keys.
    GetKeyMode detector(sampleRate, 440.0f, 10, 10);
    const unsigned block = detector.getBlockSize(), hop = detector.getHopSize();
    std::vector<double> frame(block);
    std::map<int, int> held; // key -> hops held
    for (size_t start = 0; start + block <= mono.size(); start += hop) {
        std::copy(mono.begin() + static_cast<std::ptrdiff_t>(start),
                  mono.begin() + static_cast<std::ptrdiff_t>(start + block), frame.begin());
        const int key = detector.process(frame.data());
        if (key > 0)
            ++held[key];
    }
    if (held.empty())
        return std::nullopt;
    const int key = std::max_element(held.begin(), held.end(),
                                     [](const auto& a, const auto& b) { return a.second < b.second; })
                        ->first;
    // 1..12: C..B major, 13..24: C..B minor.
    return std::make_pair((key - 1) % 12, key > 12);
}

} // namespace stemcrate::bench
