#pragma once
// showKitExport: puts the outcome of a slice or drum kit export (core's exportSliceKit / exportDrumKit) on a
// panel's status line; returns the message when it failed, empty when the kit was written.
// GUI thread.

#include "common/Result.h"
#include "mining/KitExporter.h" // core's

#include <QString>

class QLabel;

namespace stemcrate::ui {

QString showKitExport(const Result<mining::KitFiles>& files, QLabel& status);

} // namespace stemcrate::ui
