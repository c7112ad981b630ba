#include "DrumGrooves.h"

#include "audio/Decoder.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

namespace stemcrate::testing {

namespace fs = std::filesystem;
using mining::HitClass;

namespace {

std::string lower(std::string text)
{
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

bool has(const std::string& text, const char* word)
{
    return text.find(word) != std::string::npos;
}

std::string unescape(std::string text)
{
    const std::pair<const char*, const char*> entities[] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
    for (const auto& [entity, plain] : entities)
        for (size_t at = text.find(entity); at != std::string::npos; at = text.find(entity, at + 1))
            text.replace(at, std::string(entity).size(), plain);
    return text;
}

// Every `<tag>text</tag>` inside [from, to) of xml.
std::vector<std::string> elements(const std::string& xml, size_t from, size_t to, const std::string& tag)
{
    std::vector<std::string> values;
    const std::string open = "<" + tag + ">", close = "</" + tag + ">";
    for (size_t at = xml.find(open, from); at != std::string::npos && at < to; at = xml.find(open, at + 1)) {
        const size_t end = xml.find(close, at);
        if (end == std::string::npos || end > to)
            break;
        values.push_back(unescape(xml.substr(at + open.size(), end - at - open.size())));
    }
    return values;
}

int64_t leadFrames(const AudioBuffer& audio)
{
    float peak = 0.0f;
    for (float v : audio.samples)
        peak = std::max(peak, std::fabs(v));
    for (int64_t i = 0; i < audio.frames; ++i)
        for (int c = 0; c < audio.channels; ++c)
            if (std::fabs(audio.channel(c)[i]) >= 0.01f * peak)
                return i;
    return 0;
}

} // namespace

bool hitClassOfInstrumentName(const std::string& name, HitClass& hitClass)
{
    const std::string n = lower(name);
    const bool hat = has(n, "hat") || has(n, "hh");
    if (has(n, "semi") || has(n, "pedal") || has(n, "swish") || has(n, "choke") || has(n, "free") ||
        has(n, "side") || has(n, "roll") || has(n, "stick") || has(n, "rim click"))
        return false;
    if (has(n, "kick") || has(n, "bassdrum") || has(n, "bass drum"))
        hitClass = HitClass::Kick;
    else if (has(n, "clap"))
        hitClass = HitClass::Clap;
    else if (has(n, "snare"))
        hitClass = HitClass::Snare;
    else if (hat && (has(n, "open") || has(n, " op") || has(n, "ohh")))
        hitClass = HitClass::HatOpen;
    else if (hat && (has(n, "closed") || has(n, " cl") || has(n, "chh")))
        hitClass = HitClass::HatClosed;
    else if (hat)
        return false; // "Hat Low", "Hat Ring": which kind is not said
    else if (has(n, "tom"))
        hitClass = HitClass::Tom;
    else if (has(n, "crash") || has(n, "ride") || has(n, "china") || has(n, "splash") || has(n, "cymbal"))
        hitClass = HitClass::Cymbal;
    else if (has(n, "cowbell") || has(n, "conga") || has(n, "bongo") || has(n, "tamb") || has(n, "clave") ||
             has(n, "agogo") || has(n, "woodblock") || has(n, "maraca"))
        hitClass = HitClass::Perc;
    else
        return false;
    return true;
}

Result<DrumKit> loadHydrogenKit(const std::string& folder)
{
    const fs::path xmlPath = fs::path(folder) / "drumkit.xml";
    std::ifstream in(xmlPath);
    if (!in)
        return makeError("'" + xmlPath.string() + "': cannot read");
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string xml = buffer.str();
    DrumKit kit;
    kit.name = fs::path(folder).filename().string();
    for (size_t at = xml.find("<instrument>"); at != std::string::npos; at = xml.find("<instrument>", at + 1)) {
        const size_t end = std::min(xml.find("</instrument>", at), xml.size());
        const std::vector<std::string> names = elements(xml, at, end, "name");
        KitInstrument instrument;
        if (names.empty() || !hitClassOfInstrumentName(names.front(), instrument.hitClass))
            continue;
        instrument.name = names.front();
        std::vector<std::string> files = elements(xml, at, end, "filename");
        std::sort(files.begin(), files.end());
        files.erase(std::unique(files.begin(), files.end()), files.end());
        for (const std::string& file : files) {
            std::error_code missing;
            if (has(lower(file), "empty") || !fs::is_regular_file(fs::path(folder) / file, missing))
                continue; // a few kits name samples they do not ship
            Result<audio::Track> track = audio::decodeFile((fs::path(folder) / file).string());
            if (!track)
                return makeError(track.error());
            instrument.leadFrames.push_back(leadFrames(track->audio));
            instrument.layers.push_back(std::move(track->audio));
            instrument.files.push_back((fs::path(folder) / file).string());
        }
        if (!instrument.layers.empty())
            kit.instruments.push_back(std::move(instrument));
    }
    if (kit.instruments.empty())
        return makeError("'" + xmlPath.string() + "': no typed instruments");
    return kit;
}

Groove makeGroove(const DrumKit& kit, int bars, uint32_t seed)
{
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::map<HitClass, std::vector<const KitInstrument*>> byClass;
    for (const KitInstrument& instrument : kit.instruments)
        byClass[instrument.hitClass].push_back(&instrument);
    const auto available = [&](HitClass c) { return byClass.count(c) > 0; };

    Groove groove;
    groove.bpm = 90.0 + 40.0 * unit(random);
    const double stepSeconds = 60.0 / groove.bpm / 4.0;
    const auto stepFrames = [&](int step) {
        return static_cast<int64_t>(std::llround(step * stepSeconds * kEngineSampleRate));
    };
    const int steps = bars * 16;
    groove.audio = AudioBuffer(2, stepFrames(steps) + 3 * kEngineSampleRate);
    std::vector<HitClass> pattern(static_cast<size_t>(steps), HitClass::Tonal); // Tonal = rest
    const HitClass rest = HitClass::Tonal;
    int quietUntil = -1; // after an open hat or a cymbal, let it ring
    for (int s = 0; s < steps; ++s) {
        const int inBar = s % 16, bar = s / 16;
        HitClass c = rest;
        if (s < quietUntil)
            c = rest;
        else if (inBar == 0 && bar % 4 == 0 && available(HitClass::Cymbal) && unit(random) < 0.5)
            c = HitClass::Cymbal;
        else if (inBar == 0 || inBar == 8)
            c = HitClass::Kick;
        else if (inBar == 4 || inBar == 12)
            c = available(HitClass::Clap) && unit(random) < 0.25 ? HitClass::Clap : HitClass::Snare;
        else if (inBar % 4 == 2)
            c = available(HitClass::HatOpen) && unit(random) < 0.3 ? HitClass::HatOpen : HitClass::HatClosed;
        else if (bar == bars - 1 && inBar >= 9 && available(HitClass::Tom) && unit(random) < 0.6)
            c = HitClass::Tom;
        else if (unit(random) < 0.35) {
            const HitClass fills[] = {HitClass::Kick, HitClass::Snare, HitClass::HatClosed, HitClass::Perc};
            c = fills[random() % 4];
        }
        if (c != rest && !available(c))
            c = c == HitClass::HatOpen ? HitClass::HatClosed : rest;
        if (c != rest && !available(c))
            c = rest;
        pattern[static_cast<size_t>(s)] = c;
        if (c == HitClass::HatOpen)
            quietUntil = s + 2;
        if (c == HitClass::Cymbal)
            quietUntil = s + 4;
    }
    for (int s = 0; s < steps; ++s) {
        const HitClass c = pattern[static_cast<size_t>(s)];
        if (c == rest)
            continue;
        const std::vector<const KitInstrument*>& choices = byClass[c];
        const KitInstrument& instrument = *choices[random() % choices.size()];
        const size_t layer = random() % instrument.layers.size();
        const AudioBuffer& sample = instrument.layers[layer];
        const float gain = static_cast<float>(0.4 + 0.6 * unit(random));
        const int64_t at = stepFrames(s);
        const int64_t length = std::min(sample.frames, groove.audio.frames - at);
        for (int ch = 0; ch < 2; ++ch) {
            const float* from = sample.channel(std::min(ch, sample.channels - 1));
            float* to = groove.audio.channel(ch) + at;
            for (int64_t i = 0; i < length; ++i)
                to[i] += gain * from[i];
        }
        groove.hits.push_back({at + instrument.leadFrames[layer], c, instrument.name});
    }
    return groove;
}

std::vector<std::string> tuningKits()
{
    return {"BJA_Pacific", "ElectricEmpireKit", "GMRockKit",          "HardElectro1",
            "Millo_MultiLayered2", "The Black Pearl 1.0", "TR808EmulationKit", "rumpf_kit_z01_h2"};
}

std::vector<std::string> heldOutKits()
{
    return {"Audiophob", "ColomboAcousticDrumkit", "ForzeeStereo", "Millo-Drums_v.1", "Millo_MultiLayered3",
            "VariBreaks"};
}

void scoreDetections(const std::vector<TrueHit>& truth, const std::vector<std::pair<int64_t, HitClass>>& detected,
                     int64_t toleranceFrames, MiningScore& score)
{
    struct Pair
    {
        int64_t distance;
        size_t truth, detection;
    };
    std::vector<Pair> pairs;
    for (size_t t = 0; t < truth.size(); ++t)
        for (size_t d = 0; d < detected.size(); ++d) {
            const int64_t distance = std::llabs(truth[t].frame - detected[d].first);
            if (distance <= toleranceFrames)
                pairs.push_back({distance, t, d});
        }
    std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.distance < b.distance; });
    std::vector<bool> truthUsed(truth.size()), detectionUsed(detected.size());
    score.truths += static_cast<int>(truth.size());
    score.detections += static_cast<int>(detected.size());
    for (const Pair& p : pairs) {
        if (truthUsed[p.truth] || detectionUsed[p.detection])
            continue;
        truthUsed[p.truth] = detectionUsed[p.detection] = true;
        ++score.recalled;
        const HitClass want = truth[p.truth].hitClass, got = detected[p.detection].second;
        ++score.confusion[static_cast<int>(want)][static_cast<int>(got)];
        if (want == HitClass::Kick || want == HitClass::Snare || want == HitClass::HatClosed ||
            want == HitClass::HatOpen) {
            ++score.scoredTruths;
            score.correctlyTyped += want == got;
            score.hatSwaps += (want == HitClass::HatClosed && got == HitClass::HatOpen) ||
                              (want == HitClass::HatOpen && got == HitClass::HatClosed);
        }
    }
}

} // namespace stemcrate::testing
