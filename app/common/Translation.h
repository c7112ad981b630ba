#pragma once
// Translation: picks the interface language for the GUI and the CLI. The translation for the locale's
// languages (translations/stemcrate_<language>.ts, compiled and embedded under :/i18n), else English:
// stemcrate_en holds only the plural forms ("1 hit" / "2 hits") of the counted strings, whose source
// text ("%n hit(s)") is not meant to be read as it stands.
//
// Threads: main(), before the translator is installed.

#include <QLocale>
#include <QString>
#include <QTranslator>

namespace stemcrate {

class Translation
{
public:
    // Loads the locale's translation from `directory` (the embedded one by default), falling back to
    // English; false only if neither is there.
    static bool load(QTranslator& translator, const QLocale& locale = QLocale(),
                     const QString& directory = QStringLiteral(":/i18n"));
};

} // namespace stemcrate
