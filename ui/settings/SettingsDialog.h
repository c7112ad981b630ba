#pragma once
// SettingsDialog: library folder, model file, device, threads (and where, in which precision, the engine
// then runs), default export format, stem cache limit (with its current size and a Clear button) and
// theme. Reads AppSettings when opened and writes them on OK; the caller then applies them.
//
// Ownership: a modal dialog owned by its caller; the StemCache handle is copied. Threads: GUI thread; the
// cache's size and Clear, the CUDA check and the engine's choice run on workers (the CUDA choice appears
// once it is known).

#include "separation/StemCache.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace stemcrate::ui {

class EngineLabel;

class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(const separation::StemCache& cache, QWidget* parent = nullptr);

    // Writes the dialog's values to AppSettings.
    void save() const;

private:
    // Measures the cache on a worker; the label says so meanwhile.
    void updateCacheSize();
    void showCacheSize(int64_t bytes);

    separation::StemCache m_cache;
    QLineEdit* m_library = nullptr;
    QLineEdit* m_model = nullptr;
    QComboBox* m_device = nullptr;
    QSpinBox* m_threads = nullptr;
    EngineLabel* m_engine = nullptr;
    QComboBox* m_exportFormat = nullptr;
    QSpinBox* m_cacheLimit = nullptr;
    QLabel* m_cacheSize = nullptr;
    QComboBox* m_theme = nullptr;
};

} // namespace stemcrate::ui
