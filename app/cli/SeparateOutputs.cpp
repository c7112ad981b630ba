#include "SeparateOutputs.h"

#include "CliOutput.h"

#include "library/StemSelection.h"
#include "library/StemSetWriter.h"

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

// The options resolved against the model's stems. Without --stems but with --mix only the mixes are
// written; without either every stem is.
Result<library::StemSetChoice> choiceFor(const SeparateOutputs& o, const std::vector<std::string>& names,
                                         const fs::path& folder)
{
    library::StemSetChoice choice;
    choice.format = o.format;
    choice.sampleFormat = o.sampleFormat;
    choice.stemFile = o.stemFile;
    choice.stemCodec = o.stemCodec;
    choice.title = folder.filename().string();
    if (o.stemFile)
        return choice;
    if (!(o.stems.empty() && !o.mixes.empty())) {
        Result<std::vector<std::string>> chosen = library::parseStemList(o.stems, names);
        if (!chosen)
            return makeError(chosen.error());
        choice.stems = std::move(chosen.value());
    }
    Result<std::vector<library::StemMix>> mixes = library::parseStemMixes(o.mixes, names);
    if (!mixes)
        return makeError(mixes.error());
    choice.mixes = std::move(mixes.value());
    return choice;
}

} // namespace

std::vector<std::string> separateOutputFiles(const SeparateOutputs& o, const std::vector<std::string>& names,
                                             const fs::path& folder)
{
    Result<library::StemSetChoice> choice = choiceFor(o, names, folder);
    return choice ? library::stemSetFiles(choice.value(), folder) : std::vector<std::string>{};
}

Result<void> writeSeparateOutputs(const SeparateOutputs& o, const std::vector<std::string>& names,
                                  const std::vector<AudioBuffer>& audio, const fs::path& folder)
{
    Result<library::StemSetChoice> choice = choiceFor(o, names, folder);
    if (!choice)
        return makeError(choice.error());
    return library::writeStemSet(choice.value(), names, audio, folder);
}

} // namespace stemcrate::cli
