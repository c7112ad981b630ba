#include "ProcessMemory.h"

#include <QFile>
#include <QList>

#include <unistd.h>

namespace stemcrate::test {

std::size_t residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toULongLong() * static_cast<std::size_t>(sysconf(_SC_PAGESIZE)) : 0;
}

} // namespace stemcrate::test
