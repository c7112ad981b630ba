#pragma once
// Internal to stemcrate_audio. Every error names the file first: "'<path>': <reason>".

#include "common/Result.h"

#include <string>
#include <string_view>

namespace stemcrate::audio {

inline Error fileError(const std::string& path, std::string_view reason)
{
    return makeError("'" + path + "': " + std::string(reason));
}

} // namespace stemcrate::audio
