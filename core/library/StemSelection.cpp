#include "library/StemSelection.h"

#include "library/RegionProcessing.h"

#include <algorithm>
#include <cctype>

namespace stemcrate::library {
namespace {

std::vector<std::string> split(const std::string& text, char separator)
{
    std::vector<std::string> parts;
    std::string part;
    for (char c : text + separator) {
        if (c == separator) {
            parts.push_back(part);
            part.clear();
        } else if (!std::isspace(static_cast<unsigned char>(c))) {
            part += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return parts;
}

std::string joined(const std::vector<std::string>& names)
{
    std::string out;
    for (const std::string& name : names)
        out += (out.empty() ? "" : ", ") + name;
    return out;
}

bool contains(const std::vector<std::string>& names, const std::string& name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

// `available` filtered to those in `wanted`: the song's order, no duplicates.
std::vector<std::string> inOrder(const std::vector<std::string>& available,
                                 const std::vector<std::string>& wanted)
{
    std::vector<std::string> out;
    for (const std::string& name : available)
        if (contains(wanted, name))
            out.push_back(name);
    return out;
}

std::vector<std::string> allBut(const std::vector<std::string>& available, const std::string& left)
{
    std::vector<std::string> out;
    for (const std::string& name : available)
        if (name != left)
            out.push_back(name);
    return out;
}

} // namespace

Result<std::vector<std::string>> parseStemList(const std::string& text,
                                               const std::vector<std::string>& available)
{
    std::vector<std::string> wanted = split(text, ',');
    if (wanted.size() == 1 && wanted.front().empty())
        return available;
    for (const std::string& name : wanted)
        if (!contains(available, name))
            return makeError("'" + name + "' is not a stem (the stems are " + joined(available) + ")");
    return inOrder(available, wanted);
}

Result<StemMix> parseStemMix(const std::string& text, const std::vector<std::string>& available)
{
    const std::string spec = split(text, ',').front();
    if (spec == "instrumental" || spec == "acapella") {
        if (!contains(available, "vocals"))
            return makeError("'" + spec + "' needs a vocals stem");
        return StemMix{spec,
                       spec == "acapella" ? std::vector<std::string>{"vocals"} : allBut(available, "vocals")};
    }
    if (spec == "drumless") {
        if (!contains(available, "drums"))
            return makeError("'drumless' needs a drums stem");
        return StemMix{spec, allBut(available, "drums")};
    }
    const size_t equals = spec.find('=');
    if (equals == std::string::npos)
        return makeError("'" + text +
                         "' is not a mix: use instrumental, acapella, drumless or NAME=STEM+STEM");
    StemMix mix{spec.substr(0, equals), {}};
    const bool nameOk = !mix.name.empty() && std::all_of(mix.name.begin(), mix.name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
    });
    if (!nameOk)
        return makeError("'" + text + "': a mix's name may hold letters, digits, '-' and '_'");
    const std::vector<std::string> wanted = split(spec.substr(equals + 1), '+');
    for (const std::string& name : wanted)
        if (!contains(available, name))
            return makeError("'" + text + "': '" + name + "' is not a stem (the stems are " +
                             joined(available) + ")");
    mix.stems = inOrder(available, wanted);
    return mix;
}

Result<std::vector<StemMix>> parseStemMixes(const std::string& text,
                                            const std::vector<std::string>& available)
{
    std::vector<StemMix> mixes;
    for (const std::string& part : split(text, ',')) {
        if (part.empty())
            continue;
        Result<StemMix> mix = parseStemMix(part, available);
        if (!mix)
            return makeError(mix.error());
        if (contains(available, mix->name) ||
            std::any_of(mixes.begin(), mixes.end(), [&](const StemMix& m) { return m.name == mix->name; }))
            return makeError("two outputs would be called '" + mix->name + "'");
        mixes.push_back(std::move(mix.value()));
    }
    return mixes;
}

Result<AudioBuffer> mixStems(const std::vector<std::string>& names, const std::vector<AudioBuffer>& audio,
                             const std::vector<std::string>& chosen)
{
    std::vector<const AudioBuffer*> parts;
    for (const std::string& name : chosen) {
        const auto it = std::find(names.begin(), names.end(), name);
        if (it == names.end() || size_t(it - names.begin()) >= audio.size())
            return makeError("'" + name + "' is not a stem");
        parts.push_back(&audio[size_t(it - names.begin())]);
    }
    if (parts.empty())
        return makeError("a mix needs at least one stem");
    for (const AudioBuffer* part : parts)
        if (part->frames != parts.front()->frames || part->channels != parts.front()->channels)
            return makeError("the stems differ in length or channels");
    return mixRegion(parts, {}, 0, parts.front()->frames);
}

} // namespace stemcrate::library
