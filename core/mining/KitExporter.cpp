#include "mining/KitExporter.h"

#include "audio/AudioFileWriter.h"
#include "library/DecentSamplerWriter.h"
#include "library/FileNaming.h"
#include "library/SfzWriter.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <numeric>
#include <set>

namespace stemcrate::mining {

namespace fs = std::filesystem;

namespace {

constexpr int kClosedHatChokeGroup = 1;
constexpr int kOpenHatChokeGroup = 2;

std::vector<int> notesOf(HitClass hitClass)
{
    switch (hitClass) {
    case HitClass::Kick: return {36, 35};
    case HitClass::Snare: return {38, 40, 37};
    case HitClass::Clap: return {39};
    case HitClass::HatClosed: return {42, 44};
    case HitClass::HatOpen: return {46};
    case HitClass::Tom: return {41, 43, 45, 47, 48, 50};
    case HitClass::Cymbal: return {49, 51, 57, 52, 55, 59, 53};
    case HitClass::Perc:
    case HitClass::Tonal: break;
    }
    return {};
}

Result<void> prepareFolder(const std::string& folder)
{
    std::error_code error;
    fs::create_directories(folder, error);
    if (error)
        return makeError("'" + folder + "': cannot create the folder: " + error.message());
    return {};
}

Result<void> writeSample(const std::string& path, const AudioBuffer& audio)
{
    audio::WriteOptions options;
    options.dither = audio::Dither::Tpdf;
    return audio::writeAudioFile(path, audio, audio::FileFormat::Wav, audio::SampleFormat::Int24, options);
}

Result<KitFiles> writeInstrument(KitFiles files, const library::InstrumentKit& kit, const std::string& folder,
                                 const std::string& name)
{
    files.sfzPath = (fs::path(folder) / (name + ".sfz")).string();
    files.dspresetPath = (fs::path(folder) / (name + ".dspreset")).string();
    if (Result<void> written = library::writeSfz(files.sfzPath, kit); !written)
        return makeError(written.error());
    if (Result<void> written = library::writeDecentSampler(files.dspresetPath, kit); !written)
        return makeError(written.error());
    return files;
}

} // namespace

std::vector<int> assignDrumNotes(const std::vector<DrumVoice>& voices)
{
    std::vector<int> notes(voices.size(), -1);
    std::set<int> used;
    // By class; toms from low to high pitch, the others in their given order.
    std::vector<size_t> order(voices.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        if (voices[a].hitClass != voices[b].hitClass)
            return voices[a].hitClass < voices[b].hitClass;
        return voices[a].hitClass == HitClass::Tom && voices[a].pitchHz < voices[b].pitchHz;
    });
    std::map<HitClass, size_t> taken;
    std::vector<size_t> spill;
    for (size_t i : order) {
        const std::vector<int> preferred = notesOf(voices[i].hitClass);
        size_t& next = taken[voices[i].hitClass];
        while (next < preferred.size() && used.count(preferred[next]))
            ++next;
        if (next < preferred.size()) {
            notes[i] = preferred[next++];
            used.insert(notes[i]);
        } else {
            spill.push_back(i);
        }
    }
    int free = 54;
    for (size_t i : spill) {
        while (free < 127 && used.count(free))
            ++free;
        notes[i] = free;
        used.insert(free);
    }
    return notes;
}

Result<KitFiles> exportSliceKit(const std::vector<AudioBuffer>& slices, const std::string& folder,
                                const std::string& name)
{
    if (slices.empty())
        return makeError("no slices to export");
    if (slices.size() > static_cast<size_t>(128 - kFirstSliceNote))
        return makeError("too many slices for one keyboard (" + std::to_string(slices.size()) + ", at most " +
                         std::to_string(128 - kFirstSliceNote) + ")");
    if (Result<void> ready = prepareFolder(folder); !ready)
        return makeError(ready.error());
    const std::string base = library::sanitizeFileName(name);
    library::InstrumentKit kit{base, {}};
    KitFiles files;
    for (size_t i = 0; i < slices.size(); ++i) {
        char number[24];
        std::snprintf(number, sizeof(number), "%02zu", i + 1);
        const std::string file = base + "-" + number + ".wav";
        if (Result<void> written = writeSample((fs::path(folder) / file).string(), slices[i]); !written)
            return makeError(written.error());
        const int note = kFirstSliceNote + static_cast<int>(i);
        files.samples.push_back(file);
        files.notes.push_back(note);
        kit.zones.push_back({file, note, "slice " + std::to_string(i + 1), 0, 0});
    }
    return writeInstrument(std::move(files), kit, folder, base);
}

Result<KitFiles> exportDrumKit(const AudioBuffer& source, const OneShotResult& result, const HitExtractor& extractor,
                               const std::string& folder, const std::string& name)
{
    if (result.groups.empty())
        return makeError("no hits to export");
    if (Result<void> ready = prepareFolder(folder); !ready)
        return makeError(ready.error());
    const std::string base = library::sanitizeFileName(name);
    std::vector<DrumVoice> voices;
    for (const HitGroup& group : result.groups)
        voices.push_back({group.hitClass, result.hits[group.representative].features.pitchHz});
    const std::vector<int> notes = assignDrumNotes(voices);
    library::InstrumentKit kit{base, {}};
    KitFiles files;
    std::map<HitClass, int> counts;
    for (size_t g = 0; g < result.groups.size(); ++g) {
        const HitGroup& group = result.groups[g];
        const std::string label = std::string(hitClassName(group.hitClass)) + "-" +
                                  std::to_string(++counts[group.hitClass]);
        const std::string file = base + "-" + label + ".wav";
        const AudioBuffer audio = extractor.render(source, result.hits[group.representative].hit);
        if (Result<void> written = writeSample((fs::path(folder) / file).string(), audio); !written)
            return makeError(written.error());
        files.samples.push_back(file);
        files.notes.push_back(notes[g]);
        library::KitZone zone{file, notes[g], label + " (" + std::to_string(group.members.size()) + " hits)", 0, 0};
        if (group.hitClass == HitClass::HatClosed)
            zone.chokeGroup = kClosedHatChokeGroup;
        if (group.hitClass == HitClass::HatOpen) {
            zone.chokeGroup = kOpenHatChokeGroup;
            zone.chokedBy = kClosedHatChokeGroup;
        }
        kit.zones.push_back(std::move(zone));
    }
    return writeInstrument(std::move(files), kit, folder, base);
}

} // namespace stemcrate::mining
