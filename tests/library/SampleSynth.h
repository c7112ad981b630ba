#pragma once
// Synthetic drum hits, tones and loops for the library tests and the browser benchmark: distinct timbres
// (a kick's low sweep, a snare's noise and body, a hat's high noise, a tone's harmonics) so that "find
// similar" has a ground truth. Deterministic per seed. Test-only; any thread.
// Units: Hz, seconds; 44.1 kHz stereo buffers.

#include "common/AudioBuffer.h"

#include <string>

namespace stemcrate::library::test {

AudioBuffer kick(double endHz, double decaySeconds, unsigned seed = 1);
AudioBuffer snare(unsigned seed = 1);
AudioBuffer hat(bool open, unsigned seed = 1);
AudioBuffer tone(double hz, double seconds, unsigned seed = 1);
// Four-to-the-floor kicks with offbeat hats, `bars` bars of 4/4 at `bpm`.
AudioBuffer drumLoop(double bpm, int bars, unsigned seed = 1);

// A copy at `gain`, `delayMs` later (the end trimmed to the same length), with noise `noiseDb` below full
// scale: a near-duplicate.
AudioBuffer nearCopy(const AudioBuffer& audio, float gain, double delayMs, double noiseDb, unsigned seed = 7);

// Writes a 16-bit WAV without tags; false on failure.
bool writePlainWav(const std::string& path, const AudioBuffer& audio);

} // namespace stemcrate::library::test
