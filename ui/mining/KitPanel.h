#pragma once
// KitPanel: the one-shots of a stem (the drums when there are stems, else the mix): every hit detected,
// classified and grouped with its near-duplicates (core's OneShotMiner, on a worker once the stem is
// separated), listed one row per group (class, how many hits it stands for, confidence). "Export kit"
// writes each group's representative plus an SFZ and a .dspreset on General MIDI drum notes (core's
// exportDrumKit) into the export folder.
//
// Ownership: a widget. Threads: GUI thread; mining and writing on its MiningWorker. Units: frames.

#include "mining/MiningSong.h"
#include "mining/OneShotMiner.h" // core's

#include <QWidget>

#include <memory>

class QLabel;
class QListWidget;
class QPushButton;

namespace stemcrate::ui {

class MiningWorker;

class KitPanel : public QWidget
{
    Q_OBJECT

public:
    explicit KitPanel(QWidget* parent = nullptr);

    void setSong(MiningSong song);
    void setExportFolder(const QString& folder) { m_exportFolder = folder; }

    // Starts finding the one-shots (false while the stem is not separated yet); oneShotsFound follows.
    bool findOneShots();
    // Starts writing the kit; kitExported or failed follows.
    bool exportKit();

    int groupCount() const { return m_result ? static_cast<int>(m_result->groups.size()) : 0; }

signals:
    void oneShotsFound(int hits, int groups);
    void kitExported(const QString& sfzPath, const QString& dspresetPath);
    void failed(const QString& message);

private:
    int sourceLane() const;

    MiningWorker* m_worker; // children from here
    QListWidget* m_list;
    QPushButton* m_findButton;
    QPushButton* m_exportButton;
    QLabel* m_status;
    MiningSong m_song;
    std::shared_ptr<const mining::OneShotResult> m_result;
    int m_resultLane = -1;
    QString m_exportFolder;
};

} // namespace stemcrate::ui
