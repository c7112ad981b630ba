#include "ModelBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>

namespace stemcrate::ui {

ModelBanner::ModelBanner(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("modelBanner"));
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, QColor(0x3a, 0x36, 0x22));
    p.setColor(QPalette::WindowText, Qt::white);
    setPalette(p);
    m_label = new QLabel(this);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_download = new QPushButton(tr("Download Model"), this);
    m_download->setObjectName(QStringLiteral("downloadModelButton"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_choose = new QPushButton(tr("Choose Model File…"), this);
    m_choose->setObjectName(QStringLiteral("chooseModelButton"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_download);
    layout->addWidget(m_cancel);
    layout->addWidget(m_choose);
    connect(m_download, &QPushButton::clicked, this, &ModelBanner::downloadRequested);
    connect(m_cancel, &QPushButton::clicked, this, &ModelBanner::cancelRequested);
    connect(m_choose, &QPushButton::clicked, this, &ModelBanner::chooseFileRequested);
    hide();
}

void ModelBanner::showMissing(const QString& text)
{
    m_label->setText(text);
    m_progress->hide();
    m_cancel->hide();
    m_download->show();
    m_choose->show();
    show();
}

void ModelBanner::showProgress(qint64 receivedBytes, qint64 totalBytes)
{
    const QLocale locale;
    m_label->setText(
        totalBytes > 0
            ? tr("Downloading the separation model: %1 of %2")
                  .arg(locale.formattedDataSize(receivedBytes), locale.formattedDataSize(totalBytes))
            : tr("Downloading the separation model: %1").arg(locale.formattedDataSize(receivedBytes)));
    m_progress->setRange(0, totalBytes > 0 ? 1000 : 0);
    if (totalBytes > 0)
        m_progress->setValue(int(1000 * receivedBytes / totalBytes));
    m_progress->show();
    m_cancel->show();
    m_download->hide();
    m_choose->hide();
    show();
}

void ModelBanner::showFailed(const QString& text)
{
    m_label->setText(text);
    m_progress->hide();
    m_cancel->hide();
    m_download->setText(tr("Try Again"));
    m_download->show();
    m_choose->show();
    show();
}

QString ModelBanner::text() const
{
    return m_label->text();
}

} // namespace stemcrate::ui
