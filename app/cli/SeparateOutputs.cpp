#include "SeparateOutputs.h"

#include "CliOutput.h"

#include "library/StemSelection.h"

#include <algorithm>
#include <cctype>
#include <system_error>

namespace stemcrate::cli {

namespace fs = std::filesystem;

const std::vector<std::string>& separateOutputOptionNames()
{
    static const std::vector<std::string> names = {"stems", "mix", "stem-codec"};
    return names;
}

const char* separateOutputUsage()
{
    // clang-format off: the help text as it prints
    static const std::string text =
        translate("stemcrate-cli",
                  "  --format stem.mp4 one NI Stems file per song, OUTDIR/<input name>/<input name>.stem.mp4: the mix\n"
                  "                    (the sum of the stems) and the four stems (Traktor, Mixxx 2.6)\n"
                  "  --stem-codec aac|alac  for stem.mp4 (default aac, 256 kb/s per track; alac is lossless)\n"
                  "  --stems LIST      write only these stems, e.g. drums,vocals\n"
                  "  --mix LIST        also write mixes of stems as one file each: instrumental (all but vocals),\n"
                  "                    acapella (vocals), drumless, or NAME=STEM+STEM (e.g. groove=drums+bass);\n"
                  "                    without --stems only the mixes are written\n");
    // clang-format on
    return text.c_str();
}

std::string readSeparateOutputs(const CliArguments& a, SeparateOutputs& o, bool& formatHandled)
{
    formatHandled = false;
    if (auto v = a.value("format"); v && *v == "stem.mp4") {
        o.stemFile = true;
        formatHandled = true;
    }
    if (auto v = a.value("stem-codec")) {
        if (!o.stemFile)
            return translate("stemcrate-cli", "--stem-codec needs --format stem.mp4");
        if (*v == "aac")
            o.stemCodec = audio::StemCodec::Aac;
        else if (*v == "alac")
            o.stemCodec = audio::StemCodec::Alac;
        else
            return substitute(translate("stemcrate-cli", "--stem-codec must be aac or alac, got '%1'"), {*v});
    }
    o.stems = a.value("stems").value_or("");
    o.mixes = a.value("mix").value_or("");
    if (o.stemFile && (a.has("stems") || a.has("mix") || a.has("bit-depth")))
        return translate("stemcrate-cli", "--format stem.mp4 always holds the mix and all four stems; it takes no "
                                          "--stems, --mix or --bit-depth");
    if (a.has("stems") && o.stems.empty())
        return translate("stemcrate-cli", "--stems needs a list, e.g. drums,vocals");
    // The names are checked against the model's stems once it has run; the syntax is checked now.
    const std::vector<std::string> usual = {"drums", "bass", "other", "vocals"};
    if (!o.stems.empty())
        if (auto list = library::parseStemList(o.stems, usual); !list)
            return "--stems: " + list.error();
    if (!o.mixes.empty())
        if (auto mixes = library::parseStemMixes(o.mixes, usual); !mixes)
            return "--mix: " + mixes.error();
    return {};
}

namespace {

std::string capitalised(std::string name)
{
    if (!name.empty())
        name.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(name.front())));
    return name;
}

} // namespace

std::vector<std::string> separateOutputFiles(const SeparateOutputs& o, const std::vector<std::string>& names,
                                             const fs::path& folder)
{
    if (o.stemFile)
        return {folder.filename().string() + ".stem.mp4"};
    const std::string extension = std::string(".") + audio::fileExtension(o.format);
    std::vector<std::string> files;
    if (!(o.stems.empty() && !o.mixes.empty()))
        if (Result<std::vector<std::string>> chosen = library::parseStemList(o.stems, names))
            for (const std::string& name : chosen.value())
                files.push_back(name + extension);
    if (Result<std::vector<library::StemMix>> mixes = library::parseStemMixes(o.mixes, names))
        for (const library::StemMix& mix : mixes.value())
            files.push_back(mix.name + extension);
    return files;
}

Result<void> writeSeparateOutputs(const SeparateOutputs& o, const std::vector<std::string>& names,
                                  const std::vector<AudioBuffer>& audio, const fs::path& folder)
{
    const std::vector<std::string> files = separateOutputFiles(o, names, folder);
    if (o.stemFile) {
        Result<AudioBuffer> mix = library::mixStems(names, audio, names);
        if (!mix)
            return makeError(mix.error());
        std::vector<audio::StemTrack> stems;
        for (size_t i = 0; i < names.size(); ++i)
            stems.push_back({capitalised(names[i]), audio::defaultStemColor(int(i)), &audio[i]});
        audio::StemFileOptions options;
        options.codec = o.stemCodec;
        options.tags.title = folder.filename().string();
        return audio::writeStemFile((folder / files.front()).string(), mix.value(), stems, options);
    }
    Result<std::vector<std::string>> chosen =
        o.stems.empty() && !o.mixes.empty() ? Result<std::vector<std::string>>(std::vector<std::string>{})
                                            : library::parseStemList(o.stems, names);
    if (!chosen)
        return makeError(chosen.error());
    Result<std::vector<library::StemMix>> mixes = library::parseStemMixes(o.mixes, names);
    if (!mixes)
        return makeError(mixes.error());
    const std::string extension = std::string(".") + audio::fileExtension(o.format);
    for (size_t i = 0; i < names.size(); ++i) {
        if (std::find(chosen->begin(), chosen->end(), names[i]) == chosen->end())
            continue;
        const fs::path target = folder / (names[i] + extension);
        if (Result<void> w = audio::writeAudioFile(target.string(), audio[i], o.format, o.sampleFormat); !w)
            return w;
    }
    for (const library::StemMix& mix : mixes.value()) {
        Result<AudioBuffer> sum = library::mixStems(names, audio, mix.stems);
        if (!sum)
            return makeError(sum.error());
        const fs::path target = folder / (mix.name + extension);
        if (Result<void> w = audio::writeAudioFile(target.string(), sum.value(), o.format, o.sampleFormat);
            !w)
            return w;
    }
    return {};
}

} // namespace stemcrate::cli
