#include "songs/StemCache.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDateTime>
#include <QDebug>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace stemcrate::ui {

namespace {

constexpr char kMagic[8] = {'S', 'T', 'E', 'M', 'C', 'R', 'T', '1'};
constexpr quint32 kVersion = 1;
constexpr qint64 kMaxNameBytes = 256;

Error cacheError(const QString& path, const QString& reason)
{
    return makeError(QStringLiteral("stem cache '%1': %2").arg(path, reason).toStdString());
}

QFileInfoList cacheFiles(const QString& folder)
{
    return QDir(folder).entryInfoList({QStringLiteral("*.stems")}, QDir::Files, QDir::Time | QDir::Reversed);
}

} // namespace

QString StemCache::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
           QStringLiteral("/stemcrate/stems");
}

QByteArray StemCache::modelIdentity(const QString& modelPath)
{
    const QFileInfo info(modelPath);
    return info.absoluteFilePath().toUtf8() + '|' + QByteArray::number(info.size()) + '|' +
           QByteArray::number(info.lastModified().toMSecsSinceEpoch());
}

QString StemCache::key(const AudioBuffer& audio, const QByteArray& modelIdentity)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    const qint64 shape[3] = {audio.sampleRate, audio.channels, audio.frames};
    hash.addData(QByteArrayView(reinterpret_cast<const char*>(shape), sizeof shape));
    hash.addData(QByteArrayView(reinterpret_cast<const char*>(audio.samples.data()),
                                qsizetype(audio.samples.size() * sizeof(float))));
    hash.addData(modelIdentity);
    return QString::fromLatin1(hash.result().toHex());
}

StemCache::StemCache(QString folder) : m_folder(std::move(folder)) {}

QString StemCache::pathFor(const QString& key) const
{
    return m_folder + QLatin1Char('/') + key + QStringLiteral(".stems");
}

bool StemCache::contains(const QString& key) const
{
    return QFileInfo::exists(pathFor(key));
}

Result<void> StemCache::load(const QString& key, StemSet& into) const
{
    const QString path = pathFor(key);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return cacheError(path, file.errorString());
    QDataStream in(&file);
    in.setByteOrder(QDataStream::LittleEndian);
    char magic[8];
    if (in.readRawData(magic, 8) != 8 || !std::equal(magic, magic + 8, kMagic))
        return cacheError(path, QStringLiteral("not a stem cache file"));
    quint32 version = 0, sampleRate = 0, channels = 0, stemCount = 0;
    qint64 frames = 0;
    in >> version >> sampleRate >> channels >> stemCount >> frames;
    if (version != kVersion || channels == 0 || channels > 8 || stemCount == 0 || stemCount > 16 ||
        frames != into.frames())
        return cacheError(path, QStringLiteral("unexpected header"));
    const qint64 expectedBytes = qint64(stemCount) * channels * frames * qint64(sizeof(float));
    if (file.size() < expectedBytes)
        return cacheError(path, QStringLiteral("truncated"));

    separation::Stems& stems = into.writableStems();
    stems.names.clear();
    stems.audio.clear();
    for (quint32 s = 0; s < stemCount; ++s) {
        quint32 length = 0;
        in >> length;
        if (length > kMaxNameBytes)
            return cacheError(path, QStringLiteral("bad stem name"));
        QByteArray name(qsizetype(length), Qt::Uninitialized);
        if (in.readRawData(name.data(), int(length)) != int(length))
            return cacheError(path, QStringLiteral("truncated"));
        stems.names.push_back(name.toStdString());
    }
    stems.audio.assign(stemCount, AudioBuffer(int(channels), frames, int(sampleRate)));
    for (AudioBuffer& buffer : stems.audio) {
        const qint64 bytes = qint64(buffer.samples.size() * sizeof(float));
        if (file.read(reinterpret_cast<char*>(buffer.samples.data()), bytes) != bytes)
            return cacheError(path, QStringLiteral("truncated"));
    }
    file.close();
    // Least recently *used* goes first when evicting.
    QFile touch(path);
    if (touch.open(QIODevice::ReadWrite))
        touch.setFileTime(QDateTime::currentDateTime(), QFileDevice::FileModificationTime);
    into.publish(frames);
    return {};
}

Result<void> StemCache::store(const QString& key, const separation::Stems& stems) const
{
    if (stems.audio.empty() || stems.audio.size() != stems.names.size())
        return cacheError(m_folder, QStringLiteral("nothing to store"));
    if (!QDir().mkpath(m_folder))
        return cacheError(m_folder, QStringLiteral("cannot create the folder"));
    const QString path = pathFor(key);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return cacheError(path, file.errorString());
    QDataStream out(&file);
    out.setByteOrder(QDataStream::LittleEndian);
    const AudioBuffer& first = stems.audio.front();
    out.writeRawData(kMagic, 8);
    out << kVersion << quint32(first.sampleRate) << quint32(first.channels) << quint32(stems.audio.size())
        << qint64(first.frames);
    for (const std::string& name : stems.names) {
        out << quint32(name.size());
        out.writeRawData(name.data(), int(name.size()));
    }
    for (const AudioBuffer& buffer : stems.audio) {
        const qint64 bytes = qint64(buffer.samples.size() * sizeof(float));
        if (file.write(reinterpret_cast<const char*>(buffer.samples.data()), bytes) != bytes)
            return cacheError(path, file.errorString());
    }
    if (!file.commit())
        return cacheError(path, file.errorString());
    return {};
}

qint64 StemCache::sizeBytes() const
{
    qint64 total = 0;
    for (const QFileInfo& info : cacheFiles(m_folder))
        total += info.size();
    return total;
}

void StemCache::evictToLimit(qint64 limitBytes) const
{
    if (limitBytes <= 0)
        return;
    const QFileInfoList files = cacheFiles(m_folder); // oldest first
    qint64 total = 0;
    for (const QFileInfo& info : files)
        total += info.size();
    for (const QFileInfo& info : files) {
        if (total <= limitBytes)
            break;
        if (QFile::remove(info.absoluteFilePath())) {
            total -= info.size();
            qInfo() << "stem cache: evicted" << info.fileName();
        }
    }
}

void StemCache::clear() const
{
    for (const QFileInfo& info : cacheFiles(m_folder))
        QFile::remove(info.absoluteFilePath());
}

} // namespace stemcrate::ui
