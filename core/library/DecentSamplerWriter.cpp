#include "library/DecentSamplerWriter.h"

#include "library/TextFileWriter.h"

namespace stemcrate::library {

namespace {

// Attribute text: the five XML specials escaped, control characters (not allowed in XML 1.0) dropped.
std::string xmlAttribute(const std::string& text)
{
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default:
            if (static_cast<unsigned char>(c) >= 0x20)
                out += c;
        }
    }
    return out;
}

std::string chokeTag(int group)
{
    return "choke" + std::to_string(group);
}

} // namespace

std::string decentSamplerText(const InstrumentKit& kit)
{
    std::string text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    text += "<!-- " + xmlAttribute(kit.name) + " - written by Stemcrate -->\n";
    text += "<DecentSampler minVersion=\"1.0.0\">\n";
    // One-shots: no loop, and a release long enough that a short key press still plays the whole sample.
    text += "  <groups attack=\"0\" decay=\"0\" sustain=\"1\" release=\"30\">\n";
    for (const KitZone& zone : kit.zones) {
        const std::string note = std::to_string(zone.note);
        text += "    <group name=\"" + xmlAttribute(zone.label) + "\"";
        if (zone.chokeGroup > 0)
            text += " tags=\"" + chokeTag(zone.chokeGroup) + "\"";
        if (zone.chokedBy > 0)
            text += " silencedByTags=\"" + chokeTag(zone.chokedBy) + "\" silencingMode=\"fast\"";
        text += ">\n      <sample path=\"" + xmlAttribute(zone.samplePath) + "\" rootNote=\"" + note +
                "\" loNote=\"" + note + "\" hiNote=\"" + note + "\" trigger=\"attack\" loopEnabled=\"false\"/>\n";
        text += "    </group>\n";
    }
    text += "  </groups>\n</DecentSampler>\n";
    return text;
}

Result<void> writeDecentSampler(const std::string& path, const InstrumentKit& kit)
{
    return writeTextFileAtomically(path, decentSamplerText(kit));
}

} // namespace stemcrate::library
