#pragma once
// FileNameHints: what a sample's file name says about it, for samples that carry no tags ("Kick 03.wav",
// "drums_loop_124bpm_Am.wav", "Vox Chop - F#min - 128 BPM.aif"). Used only where the file's own tags are
// silent.
//
// Rules (case-insensitive, on words split at spaces, '_', '-', '.', '(', ')', '[', ']'):
//   BPM   a number 40..300 joined to or followed by "bpm" ("124bpm", "124 bpm"), or a lone 2-3 digit
//         number 60..200 in a name that also says "loop".
//   key   a word such as "Am", "F#min", "Gbmaj", "Bb" + "minor"/"major"/"min"/"maj", or a Camelot code
//         ("8A"); a lone note letter ("A") counts only when followed by a mode word.
//   stem  drums/drum, bass, vocals/vocal/vox, other, mix.
//   kind  loop/loops, slice/slices/chop, oneshot/"one shot"/hit.
//   class kick/bd, snare/sd/rim, clap, hat/hihat/hh (open: "open"/"ohh", else closed), cymbal/crash/ride,
//         tom, perc/shaker/conga/bongo/tamb.
//
// Ownership: plain values. Threads: any. Units: BPM.

#include "library/SampleRecord.h"

#include <string>
#include <string_view>

namespace stemcrate::library {

struct FileNameHints
{
    double bpm = 0;
    std::string key; // normalised, "A minor"
    std::string stem;
    SampleKind kind = SampleKind::Unknown;
    std::string sampleClass;

    // `name`: a file name, with or without folder and extension.
    static FileNameHints fromName(std::string_view name);
};

} // namespace stemcrate::library
