#include "views/StrokeScratch.h"

namespace stemcrate::ui {

StrokeScratch::StrokeScratch(QSize tileSize) : m_image(tileSize, QImage::Format_ARGB32_Premultiplied)
{
    m_image.fill(Qt::transparent); // touches every page now, not in a paint
}

} // namespace stemcrate::ui
