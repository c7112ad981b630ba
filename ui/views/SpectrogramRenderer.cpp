#include "views/SpectrogramRenderer.h"

#include "songs/WorkerPriority.h"

#include <QObject>
#include <QPainter>
#include <QRect>
#include <QThreadPool>

#include <kiss_fftr.h>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace stemcrate::ui {

// Where finished tiles go. Jobs hold it by shared_ptr; the renderer clears `receiver` when it dies, under
// the mutex, so no job posts to a dead lane.
struct SpectrogramRenderer::Mailbox
{
    std::mutex mutex;
    QObject* receiver = nullptr;
    SpectrogramRenderer* renderer = nullptr;
};

namespace {

constexpr int kMaxTileCost = 64 * 1024 * 1024; // bytes of tile images kept per lane

int64_t hopFor(double framesPerPixel)
{
    int64_t hop = 16;
    while (hop * 2 <= framesPerPixel)
        hop *= 2;
    return hop;
}

const std::vector<float>& hannWindow()
{
    static const std::vector<float> window = [] {
        std::vector<float> w(SpectrogramRenderer::kFftSize);
        for (int i = 0; i < SpectrogramRenderer::kFftSize; ++i)
            w[size_t(i)] = float(0.5 - 0.5 * std::cos(2.0 * M_PI * i / SpectrogramRenderer::kFftSize));
        return w;
    }();
    return window;
}

struct KissDeleter
{
    void operator()(kiss_fftr_state* state) const { kiss_fftr_free(state); }
};

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

SpectrogramRenderer::SpectrogramRenderer(QObject* receiver, std::function<void()> tileReady)
    : m_tiles(kMaxTileCost), m_mailbox(std::make_shared<Mailbox>()), m_tileReady(std::move(tileReady))
{
    m_mailbox->receiver = receiver;
    m_mailbox->renderer = this;
}

SpectrogramRenderer::~SpectrogramRenderer()
{
    std::lock_guard lock(m_mailbox->mutex);
    m_mailbox->receiver = nullptr;
    m_mailbox->renderer = nullptr;
}

void SpectrogramRenderer::setAudio(const LaneAudio& audio)
{
    m_audio = audio;
    m_tiles.clear();
    m_pending.clear();
    ++m_generation;
}

const SpectrogramRenderer::RowBins& SpectrogramRenderer::rowsFor(int height)
{
    if (height == m_rowsHeight)
        return m_rows;
    m_rowsHeight = height;
    m_rows.resize(size_t(height));
    const double binHz = double(kEngineSampleRate) / kFftSize;
    const double ratio = kMaxHz / kMinHz;
    for (int row = 0; row < height; ++row) {
        // Row 0 is the top (highest frequency).
        const double low = kMinHz * std::pow(ratio, double(height - 1 - row) / height) / binHz;
        const double high = kMinHz * std::pow(ratio, double(height - row) / height) / binHz;
        m_rows[size_t(row)] = {float(low), float(high)};
    }
    return m_rows;
}

void SpectrogramRenderer::computeTile(Tile& tile, const LaneAudio& audio, int64_t tileIndex, int64_t hop,
                                      const RowBins& rows)
{
    const int height = int(rows.size());
    if (tile.image.isNull()) {
        tile.image = QImage(kTileColumns, height, QImage::Format_RGB32);
        tile.image.fill(colourMap()[0]);
    }
    const AudioBuffer* buffer = audio.buffer();
    if (!buffer)
        return;
    const int64_t valid = audio.validFrames();
    const int64_t total = audio.totalFrames();
    const float* left = buffer->channel(0);
    const float* right = buffer->channel(std::min(1, buffer->channels - 1));
    const auto& map = colourMap();
    const auto& window = hannWindow();
    const std::unique_ptr<kiss_fftr_state, KissDeleter> fft(kiss_fftr_alloc(kFftSize, 0, nullptr, nullptr));
    std::vector<float> input(kFftSize);
    std::vector<kiss_fft_cpx> output(kFftSize / 2 + 1);
    std::vector<float> magnitudes(kFftSize / 2 + 1);
    const float scale = 2.0f / (kFftSize * 0.5f); // Hann's coherent gain is 0.5: a full-scale sine ~ 0 dB

    int column = tile.validColumns;
    for (; column < kTileColumns; ++column) {
        const int64_t centre = (tileIndex * kTileColumns + column) * hop + hop / 2;
        const int64_t first = centre - kFftSize / 2;
        if (centre >= total)
            break;
        if (first + kFftSize > valid && valid < total)
            break; // not separated yet
        for (int i = 0; i < kFftSize; ++i) {
            const int64_t t = first + i;
            const float v = (t >= 0 && t < valid) ? 0.5f * (left[t] + right[t]) : 0.0f;
            input[size_t(i)] = v * window[size_t(i)];
        }
        kiss_fftr(fft.get(), input.data(), output.data());
        for (size_t k = 0; k < output.size(); ++k)
            magnitudes[k] = std::hypot(output[k].r, output[k].i) * scale;
        for (int row = 0; row < height; ++row) {
            const auto [lowBin, highBin] = rows[size_t(row)];
            float magnitude;
            if (highBin - lowBin < 1.0f) {
                // Low rows are narrower than a bin: interpolate.
                const float centreBin = 0.5f * (lowBin + highBin);
                const int k = std::min(int(centreBin), kFftSize / 2 - 1);
                const float f = centreBin - float(k);
                magnitude = magnitudes[size_t(k)] * (1 - f) + magnitudes[size_t(k + 1)] * f;
            } else {
                magnitude = 0.0f;
                const int to = std::min(int(std::ceil(highBin)), kFftSize / 2);
                for (int k = int(lowBin); k <= to; ++k)
                    magnitude = std::max(magnitude, magnitudes[size_t(k)]);
            }
            const double db = 20.0 * std::log10(std::max(magnitude, 1e-9f));
            const int index = std::clamp(int((db - kFloorDb) / -kFloorDb * 255.0), 0, 255);
            reinterpret_cast<QRgb*>(tile.image.scanLine(row))[column] = map[size_t(index)];
        }
    }
    tile.validColumns = column;
}

void SpectrogramRenderer::request(const QString& key, const Tile* existing, int64_t tileIndex, int64_t hop,
                                  int height)
{
    m_pending.insert(key);
    Tile start = existing ? *existing : Tile{}; // QImage is shared until the worker writes
    QThreadPool::globalInstance()->start([mailbox = m_mailbox, audio = m_audio, rows = rowsFor(height), key,
                                          generation = m_generation, tileIndex, hop,
                                          tile = std::move(start)]() mutable {
        lowerWorkerPriority();
        computeTile(tile, audio, tileIndex, hop, rows);
        std::lock_guard lock(mailbox->mutex);
        if (!mailbox->receiver)
            return;
        SpectrogramRenderer* renderer = mailbox->renderer;
        // Runs on the receiver's thread; dropped with the receiver, which owns the renderer.
        QMetaObject::invokeMethod(
            mailbox->receiver,
            [renderer, key, generation, tile = std::move(tile)]() mutable {
                renderer->accept(key, generation, std::move(tile));
            },
            Qt::QueuedConnection);
    });
}

void SpectrogramRenderer::accept(const QString& key, int generation, Tile tile)
{
    if (generation != m_generation)
        return;
    m_pending.remove(key);
    const int cost = int(tile.image.sizeInBytes());
    m_tiles.insert(key, new Tile(std::move(tile)), cost);
    if (m_tileReady)
        m_tileReady();
}

bool SpectrogramRenderer::paint(QPainter& painter, const QRect& rect, const Parameters& p)
{
    if (m_audio.isNull() || rect.height() <= 0)
        return false;
    const int height = rect.height();
    const int64_t hop = hopFor(p.framesPerPixel);
    const double pixelsPerColumn = double(hop) / p.framesPerPixel;
    const double tileFrames = double(hop) * kTileColumns;
    const int64_t total = m_audio.totalFrames();
    const int64_t valid = std::min(m_audio.validFrames(), total);
    const double visibleEnd = std::min(double(total), p.startFrame + p.framesPerPixel * (rect.right() + 1));
    const int64_t firstTile =
        int64_t(std::max(0.0, p.startFrame + p.framesPerPixel * rect.left()) / tileFrames);
    const int64_t lastTile = int64_t(visibleEnd / tileFrames);
    bool missing = false;
    for (int64_t index = firstTile; index <= lastTile; ++index) {
        const QString key = QStringLiteral("%1/%2/%3").arg(hop).arg(index).arg(height);
        const Tile* tile = m_tiles.object(key);
        // A tile is wanted if absent, or if it stopped short of frames that are valid now.
        const bool wanted =
            !tile || (tile->validColumns < kTileColumns &&
                      ((index * kTileColumns + tile->validColumns) * hop + hop / 2 + kFftSize / 2 <= valid ||
                       valid >= total) &&
                      (index * kTileColumns + tile->validColumns) * hop + hop / 2 < total);
        if (wanted) {
            missing = true;
            if (!m_pending.contains(key) && m_pending.size() < kMaxPendingTiles)
                request(key, tile, index, hop, height);
        }
        if (!tile)
            continue;
        const double x0 = (double(index) * tileFrames - p.startFrame) / p.framesPerPixel;
        const QRectF target(x0, rect.top(), kTileColumns * pixelsPerColumn, height);
        painter.drawImage(target, tile->image, QRectF(0, 0, kTileColumns, height));
    }
    return missing;
}

} // namespace stemcrate::ui
