#pragma once
// MessageArea: a non-modal message bar above the timeline: the latest error or notice, with a close
// button. Errors stay until closed; notices fade after a few seconds. Every message also goes to the log.
//
// The label's text document is made with the widget, not at the first message (a first use of Qt's text
// code there stalled the GUI thread).
//
// Ownership: a child widget of the window. Threads: GUI thread.

#include <QWidget>

class QLabel;
class QTimer;

namespace stemcrate::ui {

class MessageArea : public QWidget
{
    Q_OBJECT

public:
    explicit MessageArea(QWidget* parent = nullptr);

    void showError(const QString& text);
    void showNotice(const QString& text);
    QString text() const;
    bool isError() const { return m_error; }

private:
    void show(const QString& text, bool error);

    QLabel* m_label = nullptr;
    QTimer* m_hideTimer = nullptr;
    bool m_error = false;
};

} // namespace stemcrate::ui
