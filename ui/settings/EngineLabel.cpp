#include "settings/EngineLabel.h"

#include "BackgroundTask.h"

namespace stemcrate::ui {

EngineLabel::EngineLabel(QWidget* parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("engineLabel"));
    setTextInteractionFlags(Qt::TextSelectableByMouse);
}

void EngineLabel::showFor(const separation::SeparatorOptions& options)
{
    const quint64 request = ++m_request;
    setText(tr("checking…"));
    runInBackground<separation::EngineChoice>(
        this, [options] { return separation::EngineChoice::forOptions(options); },
        [this, request](const separation::EngineChoice& choice) {
            if (request == m_request)
                setText(describe(choice));
        });
}

QString EngineLabel::describe(const separation::EngineChoice& choice)
{
    const QString precision = QString::fromLatin1(separation::precisionName(choice.precision));
    if (choice.device == separation::Device::Cuda)
        return choice.deviceName.empty()
                   ? tr("CUDA, %1").arg(precision)
                   : tr("CUDA (%1), %2").arg(QString::fromStdString(choice.deviceName), precision);
    return tr("CPU, %n thread(s), %1", nullptr, choice.threads).arg(precision);
}

} // namespace stemcrate::ui
