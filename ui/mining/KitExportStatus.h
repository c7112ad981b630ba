#pragma once
// showKitExport: puts the outcome of a slice or drum kit export (core's exportSliceKit / exportDrumKit) on a
// panel's status line; returns the message when it failed, empty when the kit was written.
// kitExportReply: the reply a panel gives its worker's export job: the status line, then the panel's
// failed(message) or kitExported(sfzPath, dspresetPath) signal (ChopPanel and KitPanel have both).
// GUI thread.

#include "common/Result.h"
#include "mining/KitExporter.h" // core's

#include <QString>

class QLabel;

namespace stemcrate::ui {

QString showKitExport(const Result<mining::KitFiles>& files, QLabel& status);

template <typename Panel> auto kitExportReply(Panel* panel, QLabel* status)
{
    return [panel, status](Result<mining::KitFiles> files) {
        if (const QString error = showKitExport(files, *status); !error.isEmpty())
            emit panel->failed(error);
        else
            emit panel->kitExported(QString::fromStdString(files->sfzPath),
                                    QString::fromStdString(files->dspresetPath));
    };
}

} // namespace stemcrate::ui
