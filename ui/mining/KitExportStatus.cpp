#include "mining/KitExportStatus.h"

#include <QCoreApplication>
#include <QLabel>

namespace stemcrate::ui {

QString showKitExport(const Result<mining::KitFiles>& files, QLabel& status)
{
    if (!files) {
        status.setText(QCoreApplication::translate("KitExport", "Export failed: %1")
                           .arg(QString::fromStdString(files.error())));
        return status.text();
    }
    status.setText(QCoreApplication::translate("KitExport", "Exported %1").arg(QString::fromStdString(files->sfzPath)));
    return {};
}

} // namespace stemcrate::ui
