#pragma once
// MainWindow: the bare application window: File menu (Open, Quit), a drop area, a status bar.
// Separation, views and transport arrive in later issues; for now the window only hands chosen songs on.
//
// Ownership/threads: a normal top-level widget on the GUI thread; it owns its child widgets and actions.

#include <QMainWindow>
#include <QStringList>

class QDragEnterEvent;
class QDropEvent;
class QLabel;

namespace stemcrate {

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

signals:
    // Absolute paths of local files picked with File > Open or dropped on the window; never empty.
    void songsChosen(const QStringList& paths);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void openSongs();

    QLabel* m_dropHint = nullptr; // owned by the window (central widget)
};

} // namespace stemcrate
