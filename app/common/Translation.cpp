#include "common/Translation.h"

namespace stemcrate {

bool Translation::load(QTranslator& translator, const QLocale& locale, const QString& directory)
{
    const QString name = QStringLiteral("stemcrate");
    const QString prefix = QStringLiteral("_");
    return translator.load(locale, name, prefix, directory) ||
           translator.load(QLocale(QLocale::English), name, prefix, directory);
}

} // namespace stemcrate
