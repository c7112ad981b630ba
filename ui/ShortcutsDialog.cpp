#include "ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace stemcrate::ui {

ShortcutsDialog::ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    setObjectName(QStringLiteral("shortcutsDialog"));
    auto* table = new QTableWidget(0, 2, this);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    auto addRow = [table](const QString& what, const QString& keys) {
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(what));
        table->setItem(row, 1, new QTableWidgetItem(keys));
    };
    for (const QAction* action : actions) {
        QStringList keys;
        // A standard key this desktop does not bind (Settings, and Quit outside GNOME and KDE) is empty.
        for (const QKeySequence& sequence : action->shortcuts())
            if (!sequence.isEmpty())
                keys << sequence.toString(QKeySequence::NativeText);
        if (!keys.isEmpty())
            addRow(action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")),
                   keys.join(tr(" or ")));
    }
    addRow(tr("Select a region"), tr("Drag on any lane"));
    addRow(tr("Drag the selection out as a WAV"), tr("Drag from inside the selection"));
    addRow(tr("Zoom around the mouse"), tr("Mouse wheel"));
    addRow(tr("Scroll"), tr("Shift+wheel, horizontal wheel"));
    addRow(tr("Seek"), tr("Click a lane or the ruler"));
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(460, 520);
}

} // namespace stemcrate::ui
