#pragma once
// SongDelegate: paints a song list row: the file name, its state in words ("separating 35 % — 0:12 left",
// "failed: …" in red) and, while a job runs, a thin progress bar.
//
// Ownership: owned by the view it paints. Threads: GUI thread.

#include <QStyledItemDelegate>

namespace stemcrate::ui {

class SongDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace stemcrate::ui
