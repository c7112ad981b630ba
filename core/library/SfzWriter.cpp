#include "library/SfzWriter.h"

#include "library/TextFileWriter.h"

namespace stemcrate::library {

namespace {
// SFZ opcodes end at whitespace, except sample=, which runs to the end of the line: a comment or a
// line break inside a name would still break the file.
std::string oneLine(std::string text)
{
    for (char& c : text)
        if (c == '\n' || c == '\r')
            c = ' ';
    return text;
}
} // namespace

std::string sfzText(const InstrumentKit& kit)
{
    std::string text = "// " + oneLine(kit.name) + " - written by Stemcrate\n";
    text += "<global>\nloop_mode=one_shot\n\n";
    for (const KitZone& zone : kit.zones) {
        const std::string note = std::to_string(zone.note);
        text += "// " + oneLine(zone.label) + "\n<region>\n";
        text += "sample=" + oneLine(zone.samplePath) + "\n";
        text += "key=" + note + "\n"; // lokey = hikey = pitch_keycenter
        text += "loop_mode=one_shot\n";
        if (zone.chokeGroup > 0)
            text += "group=" + std::to_string(zone.chokeGroup) + "\n";
        if (zone.chokedBy > 0)
            text += "off_by=" + std::to_string(zone.chokedBy) + " off_mode=fast\n";
        text += "\n";
    }
    return text;
}

Result<void> writeSfz(const std::string& path, const InstrumentKit& kit)
{
    return writeTextFileAtomically(path, sfzText(kit));
}

} // namespace stemcrate::library
