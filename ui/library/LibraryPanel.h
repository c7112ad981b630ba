#pragma once
// LibraryPanel: the samples in the library folder: browse, click to preview, reveal the folder in the file
// manager, delete to the trash. QFileSystemModel watches the folder, so new exports appear by themselves;
// refresh() is there for a changed folder.
//
// Ownership: a widget (in a dock); owns its model, view and preview player (created on first preview).
// Threads: GUI thread.

#include "panels/Panel.h"

#include <QWidget>

class QAction;
class QAudioOutput;
class QFileSystemModel;
class QLabel;
class QListView;
class QMediaPlayer;

namespace stemcrate::ui {

class LibraryPanel : public QWidget, public Panel
{
    Q_OBJECT

public:
    explicit LibraryPanel(QWidget* parent = nullptr);

    QWidget* panelWidget() override { return this; }
    QString panelTitle() const override { return tr("Library"); }
    Qt::DockWidgetArea panelArea() const override { return Qt::RightDockWidgetArea; }
    // Move to Trash (Del while the list has focus).
    QList<PanelAction> panelActions() const override;

    void setFolder(const QString& folder);
    QString folder() const { return m_folder; }
    // Re-reads the folder.
    void refresh();
    QListView* view() const { return m_view; }
    QFileSystemModel* model() const { return m_model; }
    // The file selected in the list, or "".
    QString currentFile() const;

    void preview(const QString& path);
    void revealFolder();
    // Moves the selected sample to the trash; false (and a message) if that failed.
    bool deleteCurrent();

signals:
    void message(const QString& text, bool isError);

private:
    QString m_folder;
    QFileSystemModel* m_model = nullptr;
    QListView* m_view = nullptr;
    QLabel* m_folderLabel = nullptr;
    QMediaPlayer* m_player = nullptr;
    QAudioOutput* m_output = nullptr;
    QAction* m_trashAction = nullptr;
};

} // namespace stemcrate::ui
