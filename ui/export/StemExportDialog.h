#pragma once
// StemExportDialog: Export Stems… asks which of the shown song's stems to write (one checkbox each), which
// named mixes (instrumental = all but vocals, acapella = vocals, drumless = all but drums; those the song's
// stems cannot make are disabled), the format (WAV, FLAC, AIFF, or one NI Stems .stem.mp4 with AAC or
// ALAC, which always holds the mix and every stem) and the destination folder. OK is disabled while nothing
// is chosen or no folder is given. It only asks; StemExportActions writes.
//
// Ownership: a modal dialog; children are Qt-owned. Threads: GUI thread.

#include "library/StemSetWriter.h"

#include <QDialog>
#include <QList>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLineEdit;

namespace stemcrate::ui {

class StemExportDialog : public QDialog
{
    Q_OBJECT

public:
    // `stemNames`: the song's stems in order (e.g. drums, bass, other, vocals); `folder`: the initial
    // destination (the export folder from the settings).
    StemExportDialog(const QStringList& stemNames, const QString& folder, QWidget* parent = nullptr);

    // What was chosen, in core's terms (the title is left empty for the caller).
    library::StemSetChoice choice() const;
    QString folder() const;
    bool canAccept() const;

    // For tests and callers: tick a stem or mix by name ("drums", "instrumental"); false if there is none.
    bool setChecked(const QString& name, bool checked);
    // 0 WAV, 1 FLAC, 2 AIFF, 3 NI Stems AAC, 4 NI Stems ALAC (the combo's order).
    void setFormatIndex(int index);
    void setFolder(const QString& folder);

private:
    void updateState();
    void browse();

    std::vector<std::string> m_stemNames;
    QList<QCheckBox*> m_stemBoxes;
    QList<QCheckBox*> m_mixBoxes;
    QList<library::StemMix> m_mixes; // parallel to m_mixBoxes; empty stems where the song cannot make it
    QComboBox* m_format = nullptr;
    QLineEdit* m_folder = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace stemcrate::ui
