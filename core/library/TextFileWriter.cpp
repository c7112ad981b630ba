#include "library/TextFileWriter.h"

#include "audio/AtomicFile.h"

namespace stemcrate::library {

Result<void> writeTextFileAtomically(const std::string& path, const std::string& text)
{
    Result<audio::AtomicFile> file = audio::AtomicFile::create(path);
    if (!file)
        return makeError(file.error());
    if (Result<void> written = file->write(text.data(), text.size()); !written)
        return written;
    return file->commit();
}

} // namespace stemcrate::library
