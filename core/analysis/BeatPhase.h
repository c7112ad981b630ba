#pragma once
// BeatPhase: beat or off-beat, for a steady grid whose onsets leave it open. A grid can fit the onsets as
// well, or better, half a period away from the beat: off-beat chords (a skank), a bass or comping on every
// "and", anticipated notes. Harmony settles it: chords and bass notes change on beats and bar lines
// (Goto & Muraoka's chord-change cue), so across the true beats the pitch-class content changes clearly more
// than across the points half-way between them.
//
// Ownership: none (pure functions). Threads: any. Units: the grid in envelope values (OnsetStrength's
// hops), spans in seconds.

#include "analysis/ConstantGrid.h"

#include <vector>

namespace stemcrate::analysis {

class HarmonicChange;
class OnsetStrength;

class BeatPhase
{
public:
    // Mean change across the grid's points: pitch-class profiles of one period before against one after.
    static double meanChange(const ConstantGrid::Fit& fit, const OnsetStrength& envelope,
                             const HarmonicChange& harmony);

    // Moves the grid by half a period when the music is tonal (HarmonicChange::tonality() at least
    // kMinimumTonality: drums, even tuned ones, have no harmony to follow) and the pitch-class content
    // changes at least kChangeRatio times as much across the half-way points as across its own points, and
    // by at least kMinimumChange. Returns whether it moved.
    // On the corpus of issue 17: drums-only clips measure tonality 0.01-0.13 (a jazz ride groove the most),
    // clips with pitched instruments 0.13-0.75; on a steady grid, tonal clips with the beat right measure a
    // ratio of 0.45-1.15, those on the off-beat 0.74-1.67 (6 of 9 at 1.24 or more).
    static constexpr double kMinimumTonality = 0.15;
    static constexpr double kChangeRatio = 1.2;
    static constexpr double kMinimumChange = 0.05;
    static bool preferHarmonicChange(ConstantGrid::Fit& fit, const OnsetStrength& envelope,
                                     const HarmonicChange& harmony);

    // A grid that stands out (ConstantGrid::Fit::standsOut) but that the tracked beats wander off
    // (not steady), in tonal music: where even sixteenths (or any onsets on the quarter-beat grid) leave
    // the beat open, the tracker jumps between them. Of the grid moved by 0, 1/4, 1/2 and 3/4 of a period,
    // the one across whose points the harmony changes most (meanChange, at least kMinimumChange) is the
    // beat when it changes at least kAdoptClarity times as much as at any other: the grid moves there and
    // counts as steady. Returns whether it did.
    // On the corpus of issue 17: the two pieces with equal sixteenths measure 1.30 and 1.38; the other two
    // unsteady clips 1.09 and 1.12, and they keep their tracked beats.
    static constexpr double kAdoptClarity = 1.2;
    static bool adoptWhereHarmonyChanges(ConstantGrid::Fit& fit, const OnsetStrength& envelope,
                                         const HarmonicChange& harmony);

    // Drums alone (tonality under kMinimumTonality: no harmony to follow): kick and snare mark the beats,
    // hi-hats and pedal hats play between them. The mirror of ConstantGrid::preferLowBandBeats: the grid
    // moves by half a period when the half-way points carry ConstantGrid::kLowShare times the body-band
    // (kick, snare, toms) onsets of its own points and no fewer low-band ones. low and body: novelty of the
    // low and body bands, one value per envelope value. Returns whether it moved.
    static bool preferKickAndSnare(ConstantGrid::Fit& fit, const std::vector<float>& low,
                                   const std::vector<float>& body, const HarmonicChange& harmony);

    // Beat or straight "and" in swing: swung eighths are long-short, the "and" about two thirds of the way
    // from its beat to the next (ConstantGrid::preferLongShortSwing). So where a strong onset follows the
    // half-way points by kSwungAndFrom-kSwungAndTo of a period (at least kSwungAndStrength of the onsets on
    // the grid's points or the half-way points, whichever are stronger), and the same place after the grid's points and the straight-triplet place after
    // the half-way points (a third) carry at most 1/kSwungAndRatio of it, the half-way points are the beats:
    // e.g. a jazz ride's "ding-a" on the beats with a pedal hat on every straight "and". envelope: onset
    // novelty. Returns whether it moved.
    // On the corpus of issue 17: the swung drum kit measures 0.62 of the half-way onsets (3.2 times the
    // grid's), every other steady clip at most 0.12.
    static constexpr double kSwungAndFrom = 0.62, kSwungAndTo = 0.71; // of a period
    static constexpr double kSwungAndStrength = 0.3;
    static constexpr double kSwungAndRatio = 2.0;
    static bool preferSwungAnd(ConstantGrid::Fit& fit, const std::vector<float>& envelope);

    // Kicks, snares, bass notes and chords sound on the beats, which onsets above the body band (a shaker, a
    // hi-hat's pickup, a short grace note) can precede or follow. A grid whose points carry little body-band
    // onset moves to the place within kBodyReach of a period either side that carries kBodyShare times as
    // much. body: novelty of the body band (OnsetStrength::kBodyBandHz). Returns whether it moved.
    // On the corpus of issue 17: a piece whose hats lead each eighth by a sixth of a beat measures 9.6, every
    // other steady clip at most 1.4.
    static constexpr double kBodyReach = 0.22;
    static constexpr double kBodyShare = 3.0;
    static bool preferBodyOnsets(ConstantGrid::Fit& fit, const std::vector<float>& body);

    // The two above in their order, for a steady grid after the half-period checks.
    static void settleOnsets(ConstantGrid::Fit& fit, const std::vector<float>& envelope,
                             const std::vector<float>& body);
};

} // namespace stemcrate::analysis
