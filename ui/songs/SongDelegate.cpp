#include "songs/SongDelegate.h"

#include "songs/SongList.h"

#include <QPainter>

namespace stemcrate::ui {

namespace {

constexpr int kPadding = 4;
constexpr int kBarHeight = 3;

} // namespace

QSize SongDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    return {option.rect.width(), 2 * option.fontMetrics.height() + 2 * kPadding + kBarHeight + 2};
}

void SongDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                         const QModelIndex& index) const
{
    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    if (selected)
        painter->fillRect(option.rect, option.palette.highlight());
    const QRect text = option.rect.adjusted(kPadding, kPadding, -kPadding, -kPadding - kBarHeight);
    const QString name = index.data(Qt::DisplayRole).toString().section(QLatin1Char('\n'), 0, 0);
    const QString state = index.data(SongList::StateTextRole).toString();
    const auto songState = SongState(index.data(SongList::StateRole).toInt());

    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(text, Qt::AlignLeft | Qt::AlignTop,
                      option.fontMetrics.elidedText(name, Qt::ElideMiddle, text.width()));
    painter->setFont(option.font);
    QColor stateColour =
        option.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText);
    if (songState == SongState::Failed)
        stateColour = QColor(0xe8, 0x6a, 0x6a);
    painter->setPen(stateColour);
    painter->drawText(text, Qt::AlignLeft | Qt::AlignBottom,
                      option.fontMetrics.elidedText(state, Qt::ElideRight, text.width()));

    if (songState == SongState::Decoding || songState == SongState::Separating) {
        const double fraction = std::clamp(index.data(SongList::FractionRole).toDouble(), 0.0, 1.0);
        const QRect bar(text.left(), option.rect.bottom() - kPadding - kBarHeight + 1, text.width(),
                        kBarHeight);
        // On a selected (highlight-coloured) row the bar uses the text colour, or it would vanish.
        const QColor done = selected ? option.palette.color(QPalette::HighlightedText)
                            : songState == SongState::Decoding ? QColor(0x8a, 0x8a, 0x8a)
                                                               : QColor(0x3d, 0x8e, 0xd8);
        painter->fillRect(bar, option.palette.color(QPalette::Mid));
        painter->fillRect(QRect(bar.left(), bar.top(), int(bar.width() * fraction), bar.height()), done);
    }
    painter->restore();
}

} // namespace stemcrate::ui
