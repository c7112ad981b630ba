#pragma once
// SpectrogramRenderer: draws the spectrogram of one lane's audio: core's SpectrogramColumns (KissFFT
// magnitudes of the mono mix, Hann window, kFftSize) mapped by core's LogFrequencyScale onto log-frequency
// rows from kMinHz to kMaxHz, decibels through the magma colour map.
//
// Cached tiles (Sonic Visualiser's per-view image cache, simplified): one QImage of kTileColumns columns per
// (hop, tile index, height); the hop is the view's frames per pixel rounded down to a power of two, so a
// zoom level reuses its tiles and scrolling never recomputes. Column k of a hop is the spectrum centred on
// frame k * hop. Missing tiles are computed on ViewWorkers' tile pool (at most kMaxPendingTiles at a time per
// renderer), never in paint(); each finished tile comes back through ViewWorkers::post() and repaints the
// view set with setView(). A tile computed while the stems were still growing remembers how many columns
// were valid and is completed by a later request.
//
// One renderer per lane of a song, kept with the song (SongDisplay), so its tiles survive song switches.
// Nothing on the GUI thread waits for a tile job: a job holds only shared data (the column producer, the
// scale, a cancel flag) and a weak reference to the renderer, and posts its tile without any lock. The
// destructor sets the cancel flag: stale jobs stop at the next column, and their audio is released with
// them.
//
// Ownership: held by shared_ptr (SongDisplay; create with std::make_shared); owns its tiles and one column
// producer per hop; ViewWorkers must outlive it. Threads: GUI thread, except computeTile() (any thread).
// Units: frames, Hz, pixels.

#include "analysis/LogFrequencyScale.h"
#include "analysis/SpectrogramColumns.h"
#include "views/LaneAudio.h"

#include <QCache>
#include <QImage>
#include <QPointer>
#include <QSet>
#include <QWidget>

#include <array>
#include <atomic>
#include <map>
#include <memory>
#include <vector>

class QPainter;
class QRect;

namespace stemcrate::ui {

class ViewWorkers;

class SpectrogramRenderer : public std::enable_shared_from_this<SpectrogramRenderer>
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

    SpectrogramRenderer(LaneAudio audio, ViewWorkers& workers);
    ~SpectrogramRenderer();
    SpectrogramRenderer(const SpectrogramRenderer&) = delete;
    SpectrogramRenderer& operator=(const SpectrogramRenderer&) = delete;

    // The widget to repaint when a tile arrives (the lane showing this renderer now), or null.
    void setView(QWidget* view) { m_view = view; }
    // Paints the cached tiles in `rect` and requests the missing ones. Returns true while some are missing.
    bool paint(QPainter& painter, const QRect& rect, const Parameters& parameters);
    int cachedTiles() const { return m_tiles.count(); }
    // For a renderer no longer shown (SongSession): cancels its jobs and moves into `out` the column
    // producers (filled on workers) and the audio it holds (references that may be the last to a song's
    // buffers), for the caller to let go on a worker. The renderer, its caches' nodes and its scale,
    // allocated on the GUI thread, are then destroyed there; it paints nothing afterwards.
    void takeWorkerMemory(std::vector<std::shared_ptr<const void>>& out);
    int pendingTiles() const { return int(m_pending.size()); }

    // magma, 256 entries, index 0 = silence.
    static const std::array<QRgb, 256>& colourMap();

    struct Tile
    {
        QImage image;
        int validColumns = 0;
    };

    // Computes columns [tile.validColumns, kTileColumns) of tile `tileIndex` as far as `columns` has valid
    // audio; one image row per band of `scale`, the highest on top. Stops early (a partial tile) when
    // `cancelled` becomes true. Any thread.
    static void computeTile(Tile& tile, const analysis::SpectrogramColumns& columns,
                            const analysis::LogFrequencyScale& scale, int64_t tileIndex,
                            const std::atomic<bool>* cancelled = nullptr);

private:
    // One tile job's request, allocated on the GUI thread and freed there when the tile comes back.
    struct TileRequest
    {
        std::weak_ptr<SpectrogramRenderer> renderer;
        std::shared_ptr<std::atomic<bool>> cancelled;
        std::shared_ptr<const analysis::SpectrogramColumns> columns;
        std::shared_ptr<const analysis::LogFrequencyScale> scale;
        QString key;
        int64_t index = 0;
        Tile tile;
    };
    // A tile in the cache: its image is released on ViewWorkers when the cache drops it (replaced by a fuller
    // tile, evicted, or the renderer gone), not freed on the GUI thread.
    struct CachedTile : Tile
    {
        CachedTile(Tile tile, ViewWorkers& workers) : Tile(std::move(tile)), workers(workers) {}
        ~CachedTile();
        CachedTile(const CachedTile&) = delete;
        CachedTile& operator=(const CachedTile&) = delete;
        ViewWorkers& workers;
    };

    void request(const QString& key, const Tile* existing, int64_t tileIndex, int64_t hop, int height);
    void accept(const QString& key, Tile tile);
    // Null while the lane has no readable audio yet.
    std::shared_ptr<const analysis::SpectrogramColumns> columnsFor(int64_t hop);
    std::shared_ptr<const analysis::LogFrequencyScale> scaleFor(int height);

    LaneAudio m_audio;
    ViewWorkers& m_workers;
    QCache<QString, CachedTile> m_tiles;
    QSet<QString> m_pending;
    std::shared_ptr<std::atomic<bool>>
        m_cancelled; // set by the destructor; every job of this renderer reads it
    QPointer<QWidget> m_view;
    std::map<int64_t, std::shared_ptr<const analysis::SpectrogramColumns>> m_columns; // by hop
    std::shared_ptr<const analysis::LogFrequencyScale> m_scale;
    int m_scaleHeight = 0;
};

} // namespace stemcrate::ui
