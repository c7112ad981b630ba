#pragma once
// Theme: Fusion style with a dark palette (the default), the light Fusion palette, or the platform's.
// Fusion is wrapped in TiledStyle (its long controls paint without waiting on Qt's thread pool).
// Threads: GUI thread, after QApplication exists.

#include <QString>

namespace stemcrate::ui {

class Theme
{
public:
    // "dark", "light" or "system".
    static void apply(const QString& theme);
};

} // namespace stemcrate::ui
