#include "library/StemSetWriter.h"

#include <algorithm>
#include <cctype>

namespace stemcrate::library {

namespace fs = std::filesystem;

namespace {

std::string capitalised(std::string name)
{
    if (!name.empty())
        name.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(name.front())));
    return name;
}

std::string titleOf(const StemSetChoice& choice, const fs::path& folder)
{
    return choice.title.empty() ? folder.filename().string() : choice.title;
}

audio::WriteOptions optionsFor(const StemSetChoice& choice, const fs::path& folder, const std::string& name)
{
    audio::WriteOptions options;
    options.tags = choice.tags;
    options.tags.title = titleOf(choice, folder) + " (" + name + ")";
    return options;
}

} // namespace

std::vector<std::string> stemSetFiles(const StemSetChoice& choice, const fs::path& folder)
{
    if (choice.stemFile)
        return {titleOf(choice, folder) + ".stem.mp4"};
    const std::string extension = std::string(".") + audio::fileExtension(choice.format);
    std::vector<std::string> files;
    for (const std::string& name : choice.stems)
        files.push_back(name + extension);
    for (const StemMix& mix : choice.mixes)
        files.push_back(mix.name + extension);
    return files;
}

Result<void> writeStemSet(const StemSetChoice& choice, const std::vector<std::string>& names,
                          const std::vector<AudioBuffer>& audio, const fs::path& folder)
{
    if (names.size() != audio.size())
        return makeError("the stems' names and audio differ in number");
    const std::vector<std::string> files = stemSetFiles(choice, folder);
    if (choice.stemFile) {
        Result<AudioBuffer> mix = mixStems(names, audio, names);
        if (!mix)
            return makeError(mix.error());
        std::vector<audio::StemTrack> stems;
        for (size_t i = 0; i < names.size(); ++i)
            stems.push_back({capitalised(names[i]), audio::defaultStemColor(int(i)), &audio[i]});
        audio::StemFileOptions options;
        options.codec = choice.stemCodec;
        options.tags = choice.tags;
        options.tags.title = titleOf(choice, folder);
        return audio::writeStemFile((folder / files.front()).string(), mix.value(), stems, options);
    }
    const std::string extension = std::string(".") + audio::fileExtension(choice.format);
    for (const std::string& stem : choice.stems) {
        const auto it = std::find(names.begin(), names.end(), stem);
        if (it == names.end())
            return makeError("no stem named '" + stem + "'");
        const fs::path target = folder / (stem + extension);
        const AudioBuffer& buffer = audio[size_t(it - names.begin())];
        if (Result<void> w = audio::writeAudioFile(target.string(), buffer, choice.format,
                                                   choice.sampleFormat, optionsFor(choice, folder, stem));
            !w)
            return w;
    }
    for (const StemMix& mix : choice.mixes) {
        Result<AudioBuffer> sum = mixStems(names, audio, mix.stems);
        if (!sum)
            return makeError(sum.error());
        const fs::path target = folder / (mix.name + extension);
        if (Result<void> w = audio::writeAudioFile(target.string(), sum.value(), choice.format,
                                                   choice.sampleFormat, optionsFor(choice, folder, mix.name));
            !w)
            return w;
    }
    return {};
}

} // namespace stemcrate::library
