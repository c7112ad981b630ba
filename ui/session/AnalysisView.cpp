#include "session/AnalysisView.h"

#ifdef STEMCRATE_WITH_ANALYSIS
#include "analysis/TrackAnalyzer.h"
#endif

#include <QCoreApplication>

#include <algorithm>

namespace stemcrate::ui {

AnalysisView AnalysisView::from(const analysis::TrackAnalysis* a)
{
    AnalysisView view;
#ifdef STEMCRATE_WITH_ANALYSIS
    if (!a)
        return view;
    if (a->tempo) {
        const analysis::TempoResult& tempo = *a->tempo;
        view.beatFrames = tempo.beatFrames;
        view.beatsPerBar = tempo.beatsPerBar;
        view.bpm = tempo.bpm;
        if (!tempo.downbeatFrames.empty()) {
            const auto it =
                std::find(tempo.beatFrames.begin(), tempo.beatFrames.end(), tempo.downbeatFrames.front());
            view.firstDownbeat = it == tempo.beatFrames.end() ? 0 : int(it - tempo.beatFrames.begin());
        }
    }
    view.onsetFrames.reserve(a->mix.onsets.size());
    for (const analysis::Onset& onset : a->mix.onsets)
        view.onsetFrames.push_back(onset.frame);
    if (a->key) {
        view.keyName = QString::fromStdString(a->key->name);
        view.camelot = QString::fromStdString(a->key->camelot);
    }
#else
    Q_UNUSED(a);
#endif
    return view;
}

QString AnalysisView::summary() const
{
    QString text;
    if (bpm > 0)
        text = QCoreApplication::translate("stemcrate::ui::MainWindow", "%1 BPM").arg(bpm, 0, 'f', 1);
    if (!keyName.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(" · ")) +
                QCoreApplication::translate("stemcrate::ui::MainWindow", "%1 (%2)").arg(keyName, camelot);
    return text;
}

} // namespace stemcrate::ui
