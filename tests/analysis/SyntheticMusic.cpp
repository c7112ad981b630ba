#include "SyntheticMusic.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <numbers>
#include <random>

namespace stemcrate::analysis::synth {

namespace {

constexpr int kRate = kEngineSampleRate;

using Rng = std::mt19937;

double uniform(Rng& rng, double lo, double hi)
{
    return std::uniform_real_distribution<double>(lo, hi)(rng);
}

// Adds a mono sound at `seconds`, panned (-1 left .. 1 right) with constant power. The last 30 ms fade
// out, so cutting a sound's tail never adds a click (an onset the truth does not list).
void place(AudioBuffer& out, const std::vector<float>& sound, double seconds, float gain, float pan = 0.0f)
{
    const size_t fade = std::min(sound.size(), static_cast<size_t>(0.03 * kRate));
    const auto start = static_cast<int64_t>(std::llround(seconds * kRate));
    const float left =
        gain * std::cos((pan + 1.0f) * 0.25f * std::numbers::pi_v<float>) * std::numbers::sqrt2_v<float>;
    const float right =
        gain * std::sin((pan + 1.0f) * 0.25f * std::numbers::pi_v<float>) * std::numbers::sqrt2_v<float>;
    for (size_t i = 0; i < sound.size(); ++i) {
        const int64_t t = start + static_cast<int64_t>(i);
        if (t < 0 || t >= out.frames)
            continue;
        const size_t remaining = sound.size() - i;
        const float fadeGain =
            remaining < fade ? static_cast<float>(remaining) / static_cast<float>(fade) : 1.0f;
        out.channel(0)[t] += left * sound[i] * fadeGain;
        out.channel(1)[t] += right * sound[i] * fadeGain;
    }
}

std::vector<float> noise(Rng& rng, size_t count)
{
    std::vector<float> n(count);
    std::uniform_real_distribution<float> d(-1.0f, 1.0f);
    for (float& v : n)
        v = d(rng);
    return n;
}

std::vector<float> kick(Rng& rng)
{
    const size_t n = static_cast<size_t>(0.8 * kRate);
    std::vector<float> s(n);
    const std::vector<float> click = noise(rng, n);
    double phase = 0.0;
    for (size_t i = 0; i < n; ++i) {
        const double t = static_cast<double>(i) / kRate;
        phase += 2.0 * std::numbers::pi * (45.0 + 110.0 * std::exp(-t / 0.035)) / kRate;
        s[i] =
            static_cast<float>(std::sin(phase) * std::exp(-t / 0.28) + 0.3 * click[i] * std::exp(-t / 0.002));
    }
    return s;
}

std::vector<float> snare(Rng& rng)
{
    const size_t n = static_cast<size_t>(0.5 * kRate);
    std::vector<float> s(n);
    const std::vector<float> hiss = noise(rng, n);
    float previous = 0.0f, lowpassed = 0.0f;
    for (size_t i = 0; i < n; ++i) {
        const double t = static_cast<double>(i) / kRate;
        const float highpassed = hiss[i] - previous;
        previous = hiss[i];
        lowpassed += 0.5f * (highpassed - lowpassed);
        s[i] = static_cast<float>(0.5 * std::sin(2.0 * std::numbers::pi * 190.0 * t) * std::exp(-t / 0.07) +
                                  0.8 * lowpassed * std::exp(-t / 0.13));
    }
    return s;
}

std::vector<float> hat(Rng& rng, double decaySeconds, bool fullBand = false)
{
    const size_t n = static_cast<size_t>(std::min(0.6, decaySeconds * 5.0) * kRate);
    std::vector<float> s(n);
    const std::vector<float> hiss = noise(rng, n + 2);
    for (size_t i = 0; i < n; ++i) {
        const double t = static_cast<double>(i) / kRate;
        // Second difference: +12 dB per octave, little left below 2 kHz; first difference: +6 dB per octave.
        const float highpassed =
            fullBand ? 1.5f * (hiss[i + 2] - hiss[i + 1]) : hiss[i + 2] - 2.0f * hiss[i + 1] + hiss[i];
        s[i] = static_cast<float>(0.25 * highpassed * std::exp(-t / decaySeconds));
    }
    return s;
}

std::vector<float> clap(Rng& rng)
{
    const size_t n = static_cast<size_t>(0.3 * kRate);
    std::vector<float> s(n);
    const std::vector<float> hiss = noise(rng, n + 1);
    for (size_t i = 0; i < n; ++i) {
        const double t = static_cast<double>(i) / kRate;
        double envelope = std::exp(-t / 0.1);
        for (double burst : {0.0, 0.011, 0.022})
            if (t >= burst)
                envelope = std::max(envelope, std::exp(-(t - burst) / 0.004));
        s[i] = static_cast<float>(0.7 * (hiss[i + 1] - hiss[i]) * envelope);
    }
    return s;
}

// Additive synthesis: harmonic k has amplitude 1 / k^tilt; attack and exponential decay, then a release.
std::vector<float> tone(Rng& rng, double hz, double seconds, double attack, double decay, int harmonics,
                        double tilt)
{
    const double release = 0.05;
    const size_t n = static_cast<size_t>((seconds + release) * kRate);
    std::vector<float> s(n, 0.0f);
    double norm = 0.0;
    for (int k = 1; k <= harmonics && k * hz < 0.45 * kRate; ++k) {
        const double amplitude = 1.0 / std::pow(k, tilt);
        norm += amplitude;
        const std::complex<double> step = std::polar(1.0, 2.0 * std::numbers::pi * k * hz / kRate);
        std::complex<double> phasor = std::polar(1.0, uniform(rng, 0.0, 2.0 * std::numbers::pi));
        for (size_t i = 0; i < n; ++i) {
            s[i] += static_cast<float>(amplitude * phasor.imag());
            phasor *= step;
        }
    }
    for (size_t i = 0; i < n; ++i) {
        const double t = static_cast<double>(i) / kRate;
        double envelope = (t < attack ? t / attack : 1.0) * std::exp(-t / decay);
        if (t > seconds)
            envelope *= std::max(0.0, 1.0 - (t - seconds) / release);
        s[i] = static_cast<float>(s[i] * envelope / norm);
    }
    return s;
}

double midiHz(double midi, double cents = 0.0)
{
    return 440.0 * std::pow(2.0, (midi - 69.0 + cents / 100.0) / 12.0);
}

void addOnset(Track& track, double seconds)
{
    track.onsetsSeconds.push_back(seconds);
}

void finishOnsets(Track& track)
{
    std::sort(track.onsetsSeconds.begin(), track.onsetsSeconds.end());
    std::vector<double> unique;
    for (double t : track.onsetsSeconds)
        if (unique.empty() || t - unique.back() > 0.001)
            unique.push_back(t);
    track.onsetsSeconds = std::move(unique);
}

} // namespace

const char* styleName(DrumStyle style)
{
    switch (style) {
    case DrumStyle::Rock:
        return "rock";
    case DrumStyle::House:
        return "house";
    case DrumStyle::Breakbeat:
        return "breakbeat";
    case DrumStyle::HipHop:
        return "hiphop";
    case DrumStyle::Waltz:
        return "waltz";
    }
    return "?";
}

Track drums(const DrumSpec& spec)
{
    Rng rng(spec.seed);
    Track track;
    track.bpm = spec.bpm;
    track.audio = AudioBuffer(2, static_cast<int64_t>(spec.seconds * kRate));
    const double beat = 60.0 / spec.bpm;
    const std::vector<float> kickSound = kick(rng), snareSound = snare(rng),
                             closedHat = hat(rng, 0.025, spec.fullBandHats),
                             openHat = hat(rng, 0.15, spec.fullBandHats), clapSound = clap(rng);

    // Steps are sixteenths of a 4/4 (or 3/4) bar; swing delays the second note of each eighth (or sixteenth)
    // pair.
    const int beatsPerBar = spec.style == DrumStyle::Waltz ? 3 : 4;
    const bool sixteenthSwing = spec.style == DrumStyle::House || spec.style == DrumStyle::Breakbeat;
    const auto stepTime = [&](int bar, int step) {
        double beats = step / 4.0;
        if (sixteenthSwing && step % 2 == 1)
            beats += spec.swing * (1.0 / 3.0 - 0.25) * 0.5;
        if (!sixteenthSwing && step % 4 == 2)
            beats += spec.swing * (2.0 / 3.0 - 0.5);
        return spec.leadInSeconds + (bar * beatsPerBar + beats) * beat;
    };
    const int bars = static_cast<int>(std::ceil((spec.seconds - spec.leadInSeconds) / (beatsPerBar * beat)));
    for (int bar = 0; bar < bars; ++bar) {
        for (int b = 0; b < beatsPerBar; ++b) {
            const double t = spec.leadInSeconds + (bar * beatsPerBar + b) * beat;
            if (t < spec.seconds - 0.05) {
                track.beatsSeconds.push_back(t);
                if (b == 0)
                    track.downbeatsSeconds.push_back(t);
            }
        }
        for (int step = 0; step < 4 * beatsPerBar; ++step) {
            const double t = stepTime(bar, step);
            if (t >= spec.seconds - 0.05)
                continue;
            const float accent = static_cast<float>(uniform(rng, 0.85, 1.0));
            bool any = false;
            const auto hit = [&](const std::vector<float>& sound, float gain, float pan) {
                place(track.audio, sound, t, gain * accent, pan);
                any = true;
            };
            switch (spec.style) {
            case DrumStyle::Rock:
                if (step == 0 || step == 8 || (step == 10 && bar % 2 == 1))
                    hit(kickSound, 0.9f, 0.0f);
                if (step == 4 || step == 12)
                    hit(snareSound, 0.7f, 0.1f);
                if (step % 2 == 0)
                    hit(closedHat, step % 4 == 0 ? 0.5f : 0.35f, -0.3f);
                break;
            case DrumStyle::House:
                if (step % 4 == 0)
                    hit(kickSound, 0.9f, 0.0f);
                if (step == 4 || step == 12)
                    hit(clapSound, 0.5f, 0.1f);
                if (step % 4 == 2)
                    hit(openHat, 0.3f, 0.3f);
                else
                    hit(closedHat, step % 2 == 0 ? 0.3f : 0.2f, -0.3f);
                break;
            case DrumStyle::Breakbeat:
                if (step == 0 || step == 10 || (step == 6 && bar % 2 == 0) || (step == 3 && bar % 2 == 1))
                    hit(kickSound, 0.9f, 0.0f);
                if (step == 4 || step == 12)
                    hit(snareSound, 0.75f, 0.1f);
                if (step == 7 || step == 15)
                    hit(snareSound, 0.15f, 0.1f); // ghost notes
                hit(closedHat, step % 4 == 0 ? 0.4f : (step % 2 == 0 ? 0.3f : 0.18f), -0.3f);
                break;
            case DrumStyle::HipHop:
                if (step == 0 || step == 7 || step == 10)
                    hit(kickSound, 0.9f, 0.0f);
                if (step == 4 || step == 12)
                    hit(snareSound, 0.75f, 0.1f);
                if (step % 2 == 0)
                    hit(closedHat, step % 4 == 0 ? 0.4f : 0.3f, -0.3f);
                break;
            case DrumStyle::Waltz:
                if (step == 0)
                    hit(kickSound, 0.9f, 0.0f);
                if (step == 4 || step == 8)
                    hit(snareSound, 0.6f, 0.1f);
                if (step % 2 == 0)
                    hit(closedHat, step % 4 == 0 ? 0.45f : 0.3f, -0.3f);
                break;
            }
            if (any)
                addOnset(track, t);
        }
    }
    finishOnsets(track);
    return track;
}

Track chords(const ChordSpec& spec)
{
    struct Chord
    {
        int root; // semitones above the tonic
        bool minor;
    };
    static const std::array<std::array<Chord, 4>, 3> kMajor = {{
        {{{0, false}, {5, false}, {7, false}, {0, false}}}, // I IV V I
        {{{0, false}, {9, true}, {5, false}, {7, false}}},  // I vi IV V
        {{{0, false}, {7, false}, {9, true}, {5, false}}},  // I V vi IV
    }};
    static const std::array<std::array<Chord, 4>, 3> kMinor = {{
        {{{0, true}, {5, true}, {7, false}, {0, true}}},    // i iv V i (harmonic minor)
        {{{0, true}, {10, false}, {8, false}, {7, false}}}, // i VII VI V (Andalusian)
        {{{0, true}, {8, false}, {3, false}, {10, false}}}, // i VI III VII (Aeolian)
    }};
    static const std::array<int, 7> kMajorScale = {0, 2, 4, 5, 7, 9, 11};
    static const std::array<int, 7> kMinorScale = {0, 2, 3, 5, 7, 8, 10};

    Rng rng(spec.seed);
    Track track;
    track.tonic = spec.tonic;
    track.minor = spec.minor;
    track.bpm = spec.bpm;
    track.audio = AudioBuffer(2, static_cast<int64_t>(spec.seconds * kRate));
    const double beat = 60.0 / spec.bpm;
    const auto& progression = spec.minor ? kMinor[static_cast<size_t>(spec.progression % 3)]
                                         : kMajor[static_cast<size_t>(spec.progression % 3)];
    const int bars = static_cast<int>(std::ceil(spec.seconds / (4.0 * beat)));
    for (int bar = 0; bar < bars; ++bar) {
        const Chord& chord = progression[static_cast<size_t>(bar % 4)];
        const int root = spec.tonic + chord.root;
        const double start = bar * 4 * beat;
        if (start >= spec.seconds - 0.1)
            break;
        addOnset(track, start);
        // Pad: the triad voiced between MIDI 55 and 67.
        for (int interval : {0, chord.minor ? 3 : 4, 7}) {
            int midi = 48 + (root + interval) % 12;
            while (midi < 55)
                midi += 12;
            const double detune = uniform(rng, -0.03, 0.03); // semitones
            place(track.audio,
                  tone(rng, midiHz(midi + detune, spec.tuningCents), 4 * beat - 0.05, 0.02, 3.0, 8, 1.0),
                  start, 0.12f, static_cast<float>(uniform(rng, -0.5, 0.5)));
        }
        // Bass: the root on beats 1 and 3.
        for (int b : {0, 2}) {
            addOnset(track, start + b * beat);
            place(track.audio,
                  tone(rng, midiHz(36 + root % 12, spec.tuningCents), 2 * beat - 0.05, 0.005, 0.8, 6, 1.5),
                  start + b * beat, 0.3f);
        }
        // Melody: one note a beat from the scale (harmonic minor over a major V), chord tones on strong
        // beats.
        for (int b = 0; b < 4; ++b) {
            int pitchClass;
            if (b % 2 == 0) {
                const std::array<int, 3> tones = {0, chord.minor ? 3 : 4, 7};
                pitchClass = root + tones[std::uniform_int_distribution<size_t>(0, 2)(rng)];
            } else {
                const auto& scale = spec.minor ? kMinorScale : kMajorScale;
                int degree = scale[std::uniform_int_distribution<size_t>(0, 6)(rng)];
                if (spec.minor && chord.root == 7 && degree == 10)
                    degree = 11;
                pitchClass = spec.tonic + degree;
            }
            addOnset(track, start + b * beat);
            place(track.audio,
                  tone(rng, midiHz(72 + pitchClass % 12, spec.tuningCents), beat - 0.03, 0.01, 0.6, 5, 2.0),
                  start + b * beat, 0.1f, 0.2f);
        }
    }
    finishOnsets(track);
    return track;
}

Track onsetEvents(uint32_t seed, double seconds, int onlyKind)
{
    Rng rng(seed);
    Track track;
    track.audio = AudioBuffer(2, static_cast<int64_t>(seconds * kRate));
    std::normal_distribution<float> floorNoise(0.0f, 0.001f);
    for (int c = 0; c < 2; ++c)
        for (int64_t i = 0; i < track.audio.frames; ++i)
            track.audio.channel(c)[i] = floorNoise(rng);
    double t = uniform(rng, 0.1, 0.3);
    while (t < seconds - 0.6) {
        const float gain = static_cast<float>(std::pow(10.0, uniform(rng, -20.0, 0.0) / 20.0));
        int kind = std::uniform_int_distribution<int>(0, 4)(rng);
        if (onlyKind >= 0)
            kind = onlyKind;
        std::vector<float> sound;
        switch (kind) {
        case 0:
            sound = kick(rng);
            break;
        case 1:
            sound = snare(rng);
            break;
        case 2:
            sound = hat(rng, uniform(rng, 0.02, 0.2));
            break;
        case 3: // plucked string
            sound = tone(rng, midiHz(uniform(rng, 40, 84)), 0.5, 0.002, 0.25, 10, 1.0);
            break;
        default: // struck, piano-like
            sound = tone(rng, midiHz(uniform(rng, 36, 90)), 0.8, 0.005, 0.7, 8, 1.3);
            break;
        }
        place(track.audio, sound, t, 0.6f * gain, static_cast<float>(uniform(rng, -0.6, 0.6)));
        addOnset(track, t);
        t += uniform(rng, 0.08, 0.5);
    }
    finishOnsets(track);
    return track;
}

AudioBuffer mix(const AudioBuffer& a, const AudioBuffer& b, float gain)
{
    AudioBuffer out(2, std::max(a.frames, b.frames));
    for (int c = 0; c < 2; ++c) {
        for (int64_t i = 0; i < a.frames; ++i)
            out.channel(c)[i] += a.channel(std::min(c, a.channels - 1))[i];
        for (int64_t i = 0; i < b.frames; ++i)
            out.channel(c)[i] += gain * b.channel(std::min(c, b.channels - 1))[i];
    }
    return out;
}

std::string keyName(int tonic, bool minor)
{
    static const char* kNames[12] = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
    return std::string(kNames[((tonic % 12) + 12) % 12]) + (minor ? " minor" : " major");
}

} // namespace stemcrate::analysis::synth
