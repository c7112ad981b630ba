#include "MessageArea.h"

#include <QDebug>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QToolButton>

namespace stemcrate::ui {

MessageArea::MessageArea(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("messageArea"));
    setAutoFillBackground(true);
    m_label = new QLabel(this);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A selectable label gets a text document (QWidgetTextControl) at its first text. The first use of that
    // code of Qt, paged in from disk, cost the GUI thread 20-240 ms at the first message (bench_gui_stall
    // --stacks): made here, while the window is built, and kept for every later message.
    m_label->setText(QStringLiteral(" "));
    m_label->setText(QString());
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Dismiss"));
    close->setAutoRaise(true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(close);
    m_hideTimer = new QTimer(this);
    m_hideTimer->setSingleShot(true);
    m_hideTimer->setInterval(6000);
    connect(m_hideTimer, &QTimer::timeout, this, &QWidget::hide);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void MessageArea::showError(const QString& text)
{
    qWarning().noquote() << "ui error:" << text;
    show(text, true);
}

void MessageArea::showNotice(const QString& text)
{
    qInfo().noquote() << "ui notice:" << text;
    show(text, false);
}

QString MessageArea::text() const
{
    return m_label->text();
}

void MessageArea::show(const QString& text, bool error)
{
    m_error = error;
    m_label->setText(text);
    QPalette p = palette();
    p.setColor(QPalette::Window, error ? QColor(0x7a, 0x2a, 0x2a) : QColor(0x2a, 0x4a, 0x6a));
    p.setColor(QPalette::WindowText, Qt::white);
    setPalette(p);
    m_label->setPalette(p);
    if (error)
        m_hideTimer->stop();
    else
        m_hideTimer->start();
    QWidget::show();
}

} // namespace stemcrate::ui
