#pragma once
// AtomicFile: writes a file so that its final path only ever holds a complete file. Bytes go to a temporary
// "<path>.part-XXXXXX" in the same folder; commit() fsyncs it and renames it over the final path (replacing
// an existing file atomically), commitWithoutReplacing() only where no file is. If commit() is never reached
// the temporary is removed, so a failed write leaves the final path as it was. POSIX (open/fsync/rename).
//
// Ownership: owns the temporary file's descriptor. Threads: one thread at a time. Units: bytes.
// Errors name the final path: "'<path>': cannot write: <reason>".

#include "common/Result.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace stemcrate::audio {

class AtomicFile
{
public:
    static Result<AtomicFile> create(const std::string& finalPath);

    AtomicFile(AtomicFile&& other) noexcept;
    AtomicFile& operator=(AtomicFile&& other) noexcept;
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    ~AtomicFile(); // discards unless committed

    Result<void> write(const void* bytes, size_t size);
    // lseek semantics (SEEK_SET/SEEK_CUR/SEEK_END); returns the new offset or -1 (errno set).
    int64_t seek(int64_t offset, int whence);
    int64_t size() const; // -1 on error

    Result<void> commit();
    // Like commit(), but never replaces an existing file: places the file at `path` (in the temporary's
    // folder) only if nothing is there, atomically (renameat2 RENAME_NOREPLACE; link() where the file
    // system lacks it; on FAT, without hard links, an O_EXCL placeholder that is then renamed over).
    // Returns false, keeping the temporary, when `path` is taken, so that the caller can
    // try another name; true once placed (finalPath() is then `path`).
    Result<bool> commitWithoutReplacing(const std::string& path);
    void discard();

    const std::string& finalPath() const { return m_finalPath; }
    const std::string& tempPath() const { return m_tempPath; }

    // "'<finalPath>': cannot write: <strerror(errnum)>"
    Error writeError(int errnum) const;

private:
    AtomicFile(std::string finalPath, std::string tempPath, int fd);
    Result<void> syncAndClose();

    std::string m_finalPath;
    std::string m_tempPath;
    int m_fd = -1;       // -1 once closed
    bool m_done = false; // renamed into place or removed: nothing left to clean up
};

} // namespace stemcrate::audio
