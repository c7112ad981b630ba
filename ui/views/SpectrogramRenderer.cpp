#include "views/SpectrogramRenderer.h"

#include "views/PaintBands.h"
#include "views/ViewWorkers.h"

#include <QPainter>
#include <QRect>

#include <algorithm>
#include <cmath>

namespace stemcrate::ui {

namespace {

constexpr int kMaxTileCost = 64 * 1024 * 1024; // bytes of tile images kept per lane

int64_t hopFor(double framesPerPixel)
{
    int64_t hop = 16;
    while (hop * 2 <= framesPerPixel)
        hop *= 2;
    return hop;
}

} // namespace

const std::array<QRgb, 256>& SpectrogramRenderer::colourMap()
{
    static const std::array<QRgb, 256> map = [] {
        // matplotlib's magma at nine evenly spaced points, interpolated linearly.
        static const int anchors[9][3] = {{0, 0, 4},      {28, 16, 68},    {79, 18, 123},
                                          {129, 37, 129}, {181, 54, 122},  {229, 80, 100},
                                          {251, 135, 97}, {254, 194, 135}, {252, 253, 191}};
        std::array<QRgb, 256> m{};
        for (int i = 0; i < 256; ++i) {
            const double x = i / 255.0 * 8.0;
            const int a = std::min(7, int(x));
            const double f = x - a;
            int rgb[3];
            for (int c = 0; c < 3; ++c)
                rgb[c] = int(std::lround(anchors[a][c] * (1 - f) + anchors[a + 1][c] * f));
            m[size_t(i)] = qRgb(rgb[0], rgb[1], rgb[2]);
        }
        return m;
    }();
    return map;
}

SpectrogramRenderer::SpectrogramRenderer(LaneAudio audio, ViewWorkers& workers)
    : m_audio(std::move(audio)), m_workers(workers), m_tiles(kMaxTileCost),
      m_cancelled(std::make_shared<std::atomic<bool>>(false))
{
}

SpectrogramRenderer::~SpectrogramRenderer()
{
    // No lock, no wait: running jobs see the flag at their next column and post nothing that is used.
    m_cancelled->store(true, std::memory_order_relaxed);
}

void SpectrogramRenderer::takeWorkerMemory(std::vector<std::shared_ptr<const void>>& out)
{
    m_cancelled->store(true, std::memory_order_relaxed);
    for (auto& [hop, columns] : m_columns)
        out.push_back(std::move(columns));
    m_columns.clear();
    out.push_back(std::move(m_audio.mix));
    out.push_back(std::move(m_audio.stems));
}

std::shared_ptr<const analysis::SpectrogramColumns> SpectrogramRenderer::columnsFor(int64_t hop)
{
    if (auto it = m_columns.find(hop); it != m_columns.end())
        return it->second;
    if (!m_audio.buffer()) // a stem lane before its first separated frames: no buffer to share yet
        return nullptr;
    // The producer shares the buffer: the mix itself, or (aliasing the StemSet, which owns it) one stem.
    std::shared_ptr<const AudioBuffer> buffer = m_audio.mix;
    std::function<int64_t()> valid;
    if (!buffer) {
        buffer = std::shared_ptr<const AudioBuffer>(m_audio.stems, m_audio.buffer());
        valid = [stems = m_audio.stems] { return stems->validFrames(); };
    }
    analysis::SpectrogramOptions options;
    options.fftSize = kFftSize;
    options.hopFrames = int(hop);
    options.cacheColumns = kTileColumns; // the tiles are the cache; this only spares a resize's recompute
    auto columns =
        std::make_shared<const analysis::SpectrogramColumns>(std::move(buffer), options, std::move(valid));
    m_columns.emplace(hop, columns);
    return columns;
}

std::shared_ptr<const analysis::LogFrequencyScale> SpectrogramRenderer::scaleFor(int height)
{
    if (!m_scale || height != m_scaleHeight) {
        m_scale = std::make_shared<const analysis::LogFrequencyScale>(kFftSize, kEngineSampleRate, height,
                                                                      kMinHz, kMaxHz);
        m_scaleHeight = height;
    }
    return m_scale;
}

void SpectrogramRenderer::computeTile(Tile& tile, const analysis::SpectrogramColumns& columns,
                                      const analysis::LogFrequencyScale& scale, int64_t tileIndex,
                                      const std::atomic<bool>* cancelled)
{
    const int height = scale.bands();
    if (tile.image.isNull()) {
        tile.image = QImage(kTileColumns, height, QImage::Format_RGB32);
        tile.image.fill(colourMap()[0]);
    }
    const auto& map = colourMap();
    std::vector<float> bands(size_t(height), 0.0f);
    int column = tile.validColumns;
    for (; column < kTileColumns; ++column) {
        if (cancelled && cancelled->load(std::memory_order_relaxed))
            break;
        // Null past the end, and where the audio is not separated yet.
        const analysis::SpectrogramColumns::Column magnitudes =
            columns.column(tileIndex * kTileColumns + column);
        if (!magnitudes)
            break;
        scale.map(magnitudes->data(), bands.data());
        for (int band = 0; band < height; ++band) {
            const double db = 20.0 * std::log10(std::max(bands[size_t(band)], 1e-9f));
            const int index = std::clamp(int((db - kFloorDb) / -kFloorDb * 255.0), 0, 255);
            reinterpret_cast<QRgb*>(tile.image.scanLine(height - 1 - band))[column] = map[size_t(index)];
        }
    }
    tile.validColumns = column;
}

void SpectrogramRenderer::request(const QString& key, const Tile* existing, int64_t tileIndex, int64_t hop,
                                  int height)
{
    std::shared_ptr<const analysis::SpectrogramColumns> columns = columnsFor(hop);
    if (!columns)
        return;
    m_pending.insert(key);
    // The request is allocated here and, with the tile, goes back here to be freed: a closure holding it all
    // (about 140 bytes) was freed on the tile worker, past the lock-free sizes, under the GUI thread's
    // malloc arena lock (issue 16). The job's own closure holds two pointers: a fastbin-sized block.
    auto tile = std::make_shared<TileRequest>(TileRequest{weak_from_this(), m_cancelled, std::move(columns),
                                                          scaleFor(height), key, tileIndex,
                                                          existing ? *existing : Tile{}}); // QImage shared
                                                                                           // until written
    m_workers.startTile([&workers = m_workers, tile = std::move(tile)]() mutable {
        computeTile(tile->tile, *tile->columns, *tile->scale, tile->index, tile->cancelled.get());
        if (tile->cancelled->load(std::memory_order_relaxed))
            return; // the renderer is gone: its audio is released here, on the worker
        // The renderer is resolved on the GUI thread; if it died meanwhile the tile is dropped there and the
        // column producer (it may hold the last reference to the audio) goes back to a worker.
        workers.post([&workers, tile = std::move(tile)]() mutable {
            if (const std::shared_ptr<SpectrogramRenderer> renderer = tile->renderer.lock())
                renderer->accept(tile->key, std::move(tile->tile));
            else
                workers.startBackground([columns = std::move(tile->columns)]() mutable { columns.reset(); });
        });
    });
}

SpectrogramRenderer::CachedTile::~CachedTile()
{
    workers.release(std::move(image));
}

void SpectrogramRenderer::accept(const QString& key, Tile tile)
{
    m_pending.remove(key);
    const int cost = int(tile.image.sizeInBytes());
    m_tiles.insert(key, new CachedTile(std::move(tile), m_workers), cost);
    if (m_view)
        m_view->update();
}

bool SpectrogramRenderer::paint(QPainter& painter, const QRect& rect, const Parameters& p)
{
    if (m_audio.isNull() || rect.height() <= 0)
        return false;
    const int height = rect.height();
    const int64_t hop = hopFor(p.framesPerPixel);
    const double pixelsPerColumn = double(hop) / p.framesPerPixel;
    const double tileFrames = double(hop) * kTileColumns;
    // Column k is centred on frame k * hop and drawn over the hop around it.
    const double half = 0.5 * double(hop);
    const int64_t total = m_audio.totalFrames();
    const int64_t valid = std::min(m_audio.validFrames(), total);
    const double visibleEnd = std::min(double(total), p.startFrame + p.framesPerPixel * (rect.right() + 1));
    const int64_t firstTile =
        int64_t(std::max(0.0, p.startFrame + p.framesPerPixel * rect.left() + half) / tileFrames);
    const int64_t lastTile = int64_t((visibleEnd + half) / tileFrames);
    bool missing = false;
    for (int64_t index = firstTile; index <= lastTile; ++index) {
        const QString key = QStringLiteral("%1/%2/%3").arg(hop).arg(index).arg(height);
        const Tile* tile = m_tiles.object(key);
        // A tile is wanted if absent, or if it stopped short of a column whose audio is valid now.
        const int64_t next = (index * kTileColumns + (tile ? tile->validColumns : 0)) * hop;
        const bool wanted = !tile || (tile->validColumns < kTileColumns && next < total &&
                                      (std::min(total, next + kFftSize / 2) <= valid || valid >= total));
        if (wanted) {
            missing = true;
            if (!m_pending.contains(key) && m_pending.size() < kMaxPendingTiles)
                request(key, tile, index, hop, height);
        }
        if (!tile)
            continue;
        const double x0 = (double(index) * tileFrames - half - p.startFrame) / p.framesPerPixel;
        const QRectF target(x0, rect.top(), kTileColumns * pixelsPerColumn, height);
        drawImageInBands(painter, target, tile->image, QRectF(0, 0, kTileColumns, height));
    }
    return missing;
}

} // namespace stemcrate::ui
