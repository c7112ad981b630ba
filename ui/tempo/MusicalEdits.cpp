#include "tempo/MusicalEdits.h"

#include "analysis/BeatGrid.h"
#include "analysis/KeyDetector.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace stemcrate::ui {

QByteArray MusicalEdits::toJson() const
{
    QJsonObject object;
    if (bpm)
        object.insert(QStringLiteral("bpm"), *bpm);
    if (key)
        object.insert(QStringLiteral("key"), QString::fromStdString(*key));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

MusicalEdits MusicalEdits::fromJson(const QByteArray& json)
{
    MusicalEdits edits;
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    const QJsonValue bpm = object.value(QStringLiteral("bpm"));
    if (bpm.isDouble() && bpm.toDouble() >= analysis::BeatGrid::kMinBpm &&
        bpm.toDouble() <= analysis::BeatGrid::kMaxBpm)
        edits.bpm = bpm.toDouble();
    const QJsonValue key = object.value(QStringLiteral("key"));
    if (key.isString() &&
        (key.toString().isEmpty() || analysis::KeyDetector::fromName(key.toString().toStdString())))
        edits.key = key.toString().toStdString();
    return edits;
}

analysis::TrackAnalysis MusicalEdits::applyTo(const analysis::TrackAnalysis& detected, int64_t totalFrames,
                                              int sampleRate) const
{
    analysis::TrackAnalysis out = detected;
    if (bpm) {
        out.tempo = analysis::BeatGrid::atTempo(detected.tempo ? &*detected.tempo : nullptr, *bpm, totalFrames,
                                                sampleRate);
        out.tempoSource = "user";
    }
    if (key) {
        out.key = key->empty() ? std::nullopt : analysis::KeyDetector::fromName(*key);
        out.keySource = "user";
    }
    return out;
}

} // namespace stemcrate::ui
