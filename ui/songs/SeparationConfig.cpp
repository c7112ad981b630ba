#include "songs/SeparationConfig.h"

namespace stemcrate::ui {

QString SeparationConfig::engineKey() const
{
    const separation::SeparatorOptions& o = options;
    return QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
        .arg(modelPath)
        .arg(o.segmentSeconds)
        .arg(o.overlap)
        .arg(o.batchSize)
        .arg(o.threads)
        .arg(int(o.device))
        .arg(int(o.precision));
}

bool SeparationConfig::operator==(const SeparationConfig& other) const
{
    return engineKey() == other.engineKey() && cacheLimitBytes == other.cacheLimitBytes;
}

} // namespace stemcrate::ui
