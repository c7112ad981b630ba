#pragma once
// ModelStore: where the separation model file lives, and getting it there.
//
// Lookup precedence (findModel): explicit override (CLI --model PATH) > QSettings key "model/path"
// (organisation "stemcrate", application "stemcrate") > the cached default download
// $XDG_CACHE_HOME/stemcrate/models/hdemucs_high_trained.pt.
//
// Threads: all functions are static. The lookups may be called from any thread. ensureModel() runs a
// local QEventLoop, so it needs a Q(Core)Application and must be called on a thread without a running
// event loop of its own that it would block (the CLI's main thread before app.exec(), or a worker).
// Units: bytes for sizes and progress.

#include "common/Result.h"

#include <QString>
#include <QUrl>
#include <functional>
#include <optional>

namespace stemcrate {

class ModelStore
{
public:
    // torchaudio's HDEMUCS_HIGH_MUSDB_PLUS state_dict (torch.save zip archive, ~320 MB).
    static constexpr const char* kDefaultModelUrl =
        "https://download.pytorch.org/torchaudio/models/hdemucs_high_trained.pt";
    static constexpr const char* kModelFileName = "hdemucs_high_trained.pt";
    static constexpr const char* kModelUrlEnv = "STEMCRATE_MODEL_URL";
    static constexpr const char* kModelPathSettingKey = "model/path";

    // kDefaultModelUrl, or $STEMCRATE_MODEL_URL when set (tests, mirrors).
    static QUrl modelUrl();

    // <GenericCacheLocation>/stemcrate/models/hdemucs_high_trained.pt; the file may not exist yet.
    static QString defaultModelPath();

    // The model path by precedence (see top). An explicit override or setting is returned as an
    // absolute path even if the file is missing, so a typo is reported rather than silently replaced
    // by a download; the cached default is returned only if it exists. nullopt: nothing configured
    // and nothing cached, i.e. the caller should download to defaultModelPath().
    static std::optional<QString> findModel(const QString& overridePath = {});

    // Called with (receivedBytes, totalBytes); totalBytes is -1 while unknown. On the calling thread.
    using ProgressFn = std::function<void(qint64 receivedBytes, qint64 totalBytes)>;
    // Polled about every 100 ms during a download; returning true cancels it (e.g. a SIGINT flag).
    using CancelFn = std::function<bool()>;

    // Blocking: returns the path of a usable model file, downloading the default model into the cache
    // first if findModel() finds nothing. Resumes an earlier partial download. The error message is
    // for the user: it names the reason and which file to put where.
    static Result<QString> ensureModel(const QString& overridePath = {}, const ProgressFn& onProgress = {},
                                       const CancelFn& isCancelled = {});
};

} // namespace stemcrate
