#include "audio/AtomicFile.h"

#include "audio/FileError.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <random>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace stemcrate::audio {
namespace {

constexpr int kMaxNameAttempts = 100;

std::string randomSuffix()
{
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    thread_local std::mt19937 generator{std::random_device{}()};
    std::uniform_int_distribution<size_t> pick(0, sizeof(kAlphabet) - 2);
    std::string suffix(6, ' ');
    for (char& c : suffix)
        c = kAlphabet[pick(generator)];
    return suffix;
}

Error writeErrorFor(const std::string& path, int errnum)
{
    return fileError(path, std::string("cannot write: ") + std::strerror(errnum));
}

// Makes the rename itself durable.
void syncFolderOf(const std::string& path)
{
    std::filesystem::path folder = std::filesystem::path(path).parent_path();
    if (folder.empty())
        folder = ".";
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

AtomicFile::AtomicFile(std::string finalPath, std::string tempPath, int fd)
    : m_finalPath(std::move(finalPath)), m_tempPath(std::move(tempPath)), m_fd(fd)
{
}

Result<AtomicFile> AtomicFile::create(const std::string& finalPath)
{
    for (int attempt = 0; attempt < kMaxNameAttempts; ++attempt) {
        std::string tempPath = finalPath + ".part-" + randomSuffix();
        // 0666 and not mkstemp's 0600: the umask decides, as for any other file the user saves.
        const int fd = ::open(tempPath.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0)
            return AtomicFile(finalPath, std::move(tempPath), fd);
        if (errno != EEXIST)
            return writeErrorFor(finalPath, errno);
    }
    return writeErrorFor(finalPath, EEXIST);
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : m_finalPath(std::move(other.m_finalPath)), m_tempPath(std::move(other.m_tempPath)),
      m_fd(std::exchange(other.m_fd, -1)), m_done(std::exchange(other.m_done, true))
{
}

AtomicFile& AtomicFile::operator=(AtomicFile&& other) noexcept
{
    if (this != &other) {
        discard();
        m_finalPath = std::move(other.m_finalPath);
        m_tempPath = std::move(other.m_tempPath);
        m_fd = std::exchange(other.m_fd, -1);
        m_done = std::exchange(other.m_done, true);
    }
    return *this;
}

AtomicFile::~AtomicFile()
{
    discard();
}

Error AtomicFile::writeError(int errnum) const
{
    return writeErrorFor(m_finalPath, errnum);
}

Result<void> AtomicFile::write(const void* bytes, size_t size)
{
    const auto* cursor = static_cast<const char*>(bytes);
    while (size > 0) {
        const ssize_t written = ::write(m_fd, cursor, size);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return writeError(errno);
        }
        cursor += written;
        size -= static_cast<size_t>(written);
    }
    return {};
}

int64_t AtomicFile::seek(int64_t offset, int whence)
{
    return ::lseek(m_fd, offset, whence);
}

int64_t AtomicFile::size() const
{
    struct stat info
    {
    };
    return ::fstat(m_fd, &info) == 0 ? static_cast<int64_t>(info.st_size) : -1;
}

Result<void> AtomicFile::syncAndClose()
{
    if (m_fd < 0)
        return {}; // closed by an earlier commitWithoutReplacing that found its name taken
    const int fd = std::exchange(m_fd, -1);
    // close() can report a deferred write error (NFS), so its result counts too.
    const bool synced = ::fsync(fd) == 0;
    const int syncErrno = errno;
    if (::close(fd) != 0 || !synced) {
        const int errnum = synced ? errno : syncErrno;
        discard();
        return writeError(errnum);
    }
    return {};
}

Result<void> AtomicFile::commit()
{
    if (m_done)
        return writeError(EBADF);
    if (auto closed = syncAndClose(); !closed)
        return closed;
    if (::rename(m_tempPath.c_str(), m_finalPath.c_str()) != 0) {
        const int errnum = errno;
        discard();
        return writeError(errnum);
    }
    m_done = true;
    syncFolderOf(m_finalPath);
    return {};
}

Result<bool> AtomicFile::commitWithoutReplacing(const std::string& path)
{
    if (m_done)
        return writeError(EBADF);
    if (auto closed = syncAndClose(); !closed)
        return makeError(closed.error());
    int status = ::renameat2(AT_FDCWD, m_tempPath.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE);
    if (status != 0 && (errno == EINVAL || errno == ENOSYS || errno == ENOTSUP)) {
        // No RENAME_NOREPLACE here (some network and FUSE file systems): link() fails on an existing name
        // too.
        status = ::link(m_tempPath.c_str(), path.c_str());
        if (status == 0)
            ::unlink(m_tempPath.c_str());
    }
    if (status != 0 && (errno == EPERM || errno == ENOTSUP || errno == ENOSYS)) {
        // No hard links either (FAT on a USB stick): reserve the name with O_EXCL, then rename onto it.
        const int placeholder = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        status = placeholder < 0 ? -1 : ::close(placeholder);
        if (status == 0 && (status = ::rename(m_tempPath.c_str(), path.c_str())) != 0) {
            const int errnum = errno;
            ::unlink(path.c_str());
            errno = errnum;
        }
    }
    if (status != 0) {
        const int errnum = errno;
        if (errnum == EEXIST)
            return false;
        discard();
        return fileError(path, std::string("cannot write: ") + std::strerror(errnum));
    }
    m_finalPath = path;
    m_done = true;
    syncFolderOf(m_finalPath);
    return true;
}

void AtomicFile::discard()
{
    if (m_fd >= 0)
        ::close(std::exchange(m_fd, -1));
    if (!m_done && !m_tempPath.empty()) {
        ::unlink(m_tempPath.c_str());
        m_done = true;
    }
}

} // namespace stemcrate::audio
