#pragma once
// SpectrogramRenderer: draws the spectrogram of one lane's audio: core's SpectrogramColumns (KissFFT
// magnitudes of the mono mix, Hann window, kFftSize) mapped by core's LogFrequencyScale onto log-frequency
// rows from kMinHz to kMaxHz, decibels through the magma colour map.
//
// Cached tiles (Sonic Visualiser's per-view image cache, simplified): one QImage of kTileColumns columns per
// (hop, tile index, height); the hop is the view's frames per pixel rounded down to a power of two, so a
// zoom level reuses its tiles and scrolling never recomputes. Column k of a hop is the spectrum centred on
// frame k * hop. Missing tiles are computed on the global QThreadPool (at most kMaxPendingTiles at a time per
// renderer), never in paint(); each finished tile comes back queued to the receiver and calls tileReady (the
// lane repaints). A tile computed while the stems were still growing remembers how many columns were valid
// and is completed by a later request.
//
// Ownership: owns its tiles and one column producer per hop; jobs share the producers, the scale and a
// mailbox that outlives the renderer, so a late job posts nothing. Threads: construct, paint and destroy on
// the GUI thread; the FFT runs on pool threads. Units: frames, Hz, pixels.

#include "analysis/LogFrequencyScale.h"
#include "analysis/SpectrogramColumns.h"
#include "views/LaneAudio.h"

#include <QCache>
#include <QImage>
#include <QSet>

#include <array>
#include <functional>
#include <map>
#include <memory>

class QObject;
class QPainter;
class QRect;

namespace stemcrate::ui {

class SpectrogramRenderer
{
public:
    static constexpr int kFftSize = 2048;
    static constexpr int kTileColumns = 256;
    static constexpr int kMaxPendingTiles = 2;
    static constexpr double kMinHz = 30.0;
    static constexpr double kMaxHz = 20000.0;
    static constexpr double kFloorDb = -90.0;

    struct Parameters
    {
        double startFrame = 0.0;
        double framesPerPixel = 1.0;
    };

    // receiver: the QObject (the lane) on whose thread tileReady runs; it must own this renderer.
    SpectrogramRenderer(QObject* receiver, std::function<void()> tileReady);
    ~SpectrogramRenderer();

    void setAudio(const LaneAudio& audio);
    // Paints the cached tiles in `rect` and requests the missing ones. Returns true while some are missing.
    bool paint(QPainter& painter, const QRect& rect, const Parameters& parameters);
    int cachedTiles() const { return m_tiles.count(); }
    int pendingTiles() const { return int(m_pending.size()); }

    // magma, 256 entries, index 0 = silence.
    static const std::array<QRgb, 256>& colourMap();

    struct Tile
    {
        QImage image;
        int validColumns = 0;
    };

    // Computes columns [tile.validColumns, kTileColumns) of tile `tileIndex` as far as `columns` has valid
    // audio; one image row per band of `scale`, the highest on top. Any thread.
    static void computeTile(Tile& tile, const analysis::SpectrogramColumns& columns,
                            const analysis::LogFrequencyScale& scale, int64_t tileIndex);

private:
    struct Mailbox;
    void request(const QString& key, const Tile* existing, int64_t tileIndex, int64_t hop, int height);
    void accept(const QString& key, int generation, Tile tile);
    // Null while the lane has no readable audio yet.
    std::shared_ptr<const analysis::SpectrogramColumns> columnsFor(int64_t hop);
    std::shared_ptr<const analysis::LogFrequencyScale> scaleFor(int height);

    LaneAudio m_audio;
    QCache<QString, Tile> m_tiles;
    QSet<QString> m_pending;
    int m_generation = 0; // bumped by setAudio: results for older audio are dropped
    std::shared_ptr<Mailbox> m_mailbox;
    std::function<void()> m_tileReady;
    std::map<int64_t, std::shared_ptr<const analysis::SpectrogramColumns>> m_columns; // by hop
    std::shared_ptr<const analysis::LogFrequencyScale> m_scale;
    int m_scaleHeight = 0;
};

} // namespace stemcrate::ui
