#include "StemFiles.h"

namespace stemcrate::cli {

namespace fs = std::filesystem;

fs::path stemFolder(const fs::path& stemsDir, const std::string& input)
{
    return stemsDir / fs::path(input).stem();
}

std::optional<fs::path> stemFile(const fs::path& stemsDir, const std::string& input, const char* name)
{
    for (const char* extension : {".wav", ".flac"}) {
        fs::path candidate = stemFolder(stemsDir, input) / (std::string(name) + extension);
        std::error_code error;
        if (fs::is_regular_file(candidate, error))
            return candidate;
    }
    return std::nullopt;
}

} // namespace stemcrate::cli
