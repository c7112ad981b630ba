#pragma once
// ExportDialog: asks how to export the selection: format, bit depth, fades, loop, naming template and the
// library folder. Starts from the remembered options; the caller stores the accepted ones.
//
// Ownership: a modal dialog owned by its caller. Threads: GUI thread.

#include "library/ExportOptions.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;

namespace stemcrate::ui {

class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ExportDialog(const ExportOptions& options, QWidget* parent = nullptr);
    ExportOptions options() const;

private:
    void updateDepths();

    QComboBox* m_format = nullptr;
    QComboBox* m_depth = nullptr;
    QDoubleSpinBox* m_fadeIn = nullptr;
    QDoubleSpinBox* m_fadeOut = nullptr;
    QCheckBox* m_loop = nullptr;
    QCheckBox* m_asHeard = nullptr;
    QLineEdit* m_template = nullptr;
    QLineEdit* m_folder = nullptr;
};

} // namespace stemcrate::ui
