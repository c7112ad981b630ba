#pragma once
// LibraryFilterBar: the sample browser's search box and filters (BPM range, key with "compatible keys",
// kind, stem), handed out as core's SampleFilter whenever one of them changes (typing is debounced).
//
// Ownership: a widget; owns its controls. Threads: GUI thread.

#include "library/SampleQuery.h" // core's

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;
class QTimer;

namespace stemcrate::ui {

class LibraryFilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit LibraryFilterBar(QWidget* parent = nullptr);

    library::SampleFilter filter() const;

    QLineEdit* searchBox() const { return m_search; }
    QSpinBox* minBpmBox() const { return m_minBpm; }
    QSpinBox* maxBpmBox() const { return m_maxBpm; }
    QComboBox* keyBox() const { return m_key; }
    QCheckBox* compatibleBox() const { return m_compatible; }
    QComboBox* kindBox() const { return m_kind; }
    QComboBox* stemBox() const { return m_stem; }

signals:
    void filterChanged(const stemcrate::library::SampleFilter& filter);

private:
    void announce();

    QLineEdit* m_search = nullptr;
    QSpinBox* m_minBpm = nullptr;
    QSpinBox* m_maxBpm = nullptr;
    QComboBox* m_key = nullptr;
    QCheckBox* m_compatible = nullptr;
    QComboBox* m_kind = nullptr;
    QComboBox* m_stem = nullptr;
    QTimer* m_typing = nullptr;
};

} // namespace stemcrate::ui
