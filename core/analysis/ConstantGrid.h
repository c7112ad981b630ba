#pragma once
// ConstantGrid: the steady beat grid (one period, one phase) that best fits an onset envelope over a whole
// clip, as Mixxx's "assume constant tempo" does: music played to a click or sequenced has one, and a grid
// fitted to all of it gives the BPM to a few thousandths where beat-by-beat tracking drifts on swing,
// pickups and sparse bars.
//
// How: around a first period (from the beat tracker) each candidate period is scored by the envelope's
// Fourier magnitude at the beat frequency and its first harmonics (a pulse train's spectrum), coarse then
// fine; the phase is the tracked beats', refined to where the grid points carry the most envelope. The tracked beats decide
// whether the music is steady: the grid is used only when most of them sit on it.
//
// Ownership: plain values. Threads: pure functions, any thread. Units: envelope values (indices), so the
// caller converts to frames or seconds.

#include <vector>

namespace stemcrate::analysis {

class ConstantGrid
{
public:
    struct Fit
    {
        double period = 0.0;      // envelope values per beat
        double phase = 0.0;       // index of a grid beat, in [0, period)
        double sharedShare = 0.0; // share of the tracked beats within kOnGridShare of a period of the grid
        double strengthRatio = 0.0; // mean envelope on the grid's points / on the tracked beats
        // The grid's points stand out from the envelope (kMinimumContrast): its period is the clip's pulse.
        bool standsOut = false;
        // standsOut, and sharedShare >= kSteadyShare or strengthRatio >= kSteadyStrength: its points are the
        // beats.
        bool steady = false;
    };

    static constexpr double kSearchSpan = 0.025;  // +-2.5 % around the first period
    static constexpr double kOnGridShare = 0.12;  // of a period: a tracked beat "on" the grid
    static constexpr double kSteadyShare = 0.6;
    static constexpr double kSteadyStrength = 0.8;
    static constexpr double kMinimumContrast = 1.3; // grid points against the envelope's mean

    // envelope: onset novelty, one value per hop. period: the tracker's, in values. trackedBeats: beat
    // positions in values (fractional), ascending.
    static Fit fit(const std::vector<float>& envelope, double period, const std::vector<double>& trackedBeats);

    // Beat or off-beat: moves the grid by half a period when the points half-way carry clearly more
    // low-band onsets (kicks, bass notes: kLowShare times those on the grid) and no fewer body-band ones,
    // e.g. a tracker locked onto open hi-hats between four-on-the-floor kicks. low and body: novelty of the
    // low and body bands, as many values as the envelope. Returns whether it moved.
    static constexpr double kLowShare = 2.0;
    static bool preferLowBandBeats(Fit& fit, const std::vector<float>& low, const std::vector<float>& body);

    // Beat or swung off-beat: swung eighths are long-short (the off-beat falls 0.58-0.75 of the way to the
    // next beat), so a grid whose points are followed by a strong onset only kSwingEarly of a period later,
    // and by little at the mirrored point, sits on the off-beats: it moves onto those onsets. The onset
    // counts only where it reaches kSwingStrength of the grid's own points and kSwingRatio times the
    // mirrored point (a shuffle or triplet feel, playing both, stays). envelope: onset novelty. Returns
    // whether it moved.
    static constexpr double kSwingEarlyFrom = 0.29, kSwingEarlyTo = 0.42; // of a period
    static constexpr double kSwingStrength = 0.5;
    static constexpr double kSwingRatio = 2.0;
    static bool preferLongShortSwing(Fit& fit, const std::vector<float>& envelope);

    // Mean over the grid's points moved by `offset` (values) of the envelope's strongest value within one
    // value of each point: the envelope folded onto one period, read at one place. Points before the
    // envelope's start count as 0 (offsets in [0, period) count every point).
    static double foldedStrength(const std::vector<float>& envelope, const Fit& fit, double offset);
    // The strongest foldedStrength between `from` and `to` (fractions of a period, half-value steps); `at`
    // receives its offset in values.
    static double strongestFolded(const std::vector<float>& envelope, const Fit& fit, double from, double to,
                                  double& at);

    // Grid beats from `first` to `last` (values, inclusive within half a period).
    static std::vector<double> beats(const Fit& fit, double first, double last);

    // A steady grid runs on through the whole piece, not only between the first and last beats the tracker
    // kept (it drops soft intros, sparse bars and the ends): grid beats from the first to the last value
    // whose level reaches kSoundingLevel of the clip's median level, and at least from `first` to `last`.
    // A grid beat up to kLeadShare of a period before the first sound counts (a note played early is that
    // beat's); none after the last value. energy: mean-square level per value (OnsetStrength::energy()).
    static constexpr double kSoundingLevel = 1e-3; // -30 dB
    static constexpr double kLeadShare = 0.25;
    static std::vector<double> soundingBeats(const Fit& fit, const std::vector<float>& energy, double first,
                                             double last);
};

} // namespace stemcrate::analysis
