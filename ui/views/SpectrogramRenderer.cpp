#include "views/SpectrogramRenderer.h"

#include <QPainter>
#include <QRect>

#include <kiss_fftr.h>

#include <algorithm>
#include <cmath>

namespace stemcrate::ui {

struct SpectrogramRenderer::Fft
{
    kiss_fftr_cfg config = nullptr;
    std::vector<float> input;
    std::vector<kiss_fft_cpx> output;
    std::vector<float> magnitudes;
    ~Fft() { kiss_fftr_free(config); }
};

namespace {

constexpr int kMaxTileCost = 64 * 1024 * 1024; // bytes of tile images kept

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

SpectrogramRenderer::SpectrogramRenderer() : m_tiles(kMaxTileCost), m_fft(std::make_unique<Fft>())
{
    m_fft->config = kiss_fftr_alloc(kFftSize, 0, nullptr, nullptr);
    m_fft->input.resize(kFftSize);
    m_fft->output.resize(kFftSize / 2 + 1);
    m_fft->magnitudes.resize(kFftSize / 2 + 1);
    m_window.resize(kFftSize);
    for (int i = 0; i < kFftSize; ++i)
        m_window[size_t(i)] = float(0.5 - 0.5 * std::cos(2.0 * M_PI * i / kFftSize));
}

SpectrogramRenderer::~SpectrogramRenderer() = default;

void SpectrogramRenderer::setAudio(const LaneAudio& audio)
{
    m_audio = audio;
    m_tiles.clear();
}

void SpectrogramRenderer::prepareRows(int height)
{
    if (height == m_rowsHeight)
        return;
    m_rowsHeight = height;
    m_rowBins.resize(size_t(height));
    const double binHz = double(kEngineSampleRate) / kFftSize;
    const double ratio = kMaxHz / kMinHz;
    for (int row = 0; row < height; ++row) {
        // Row 0 is the top (highest frequency).
        const double lowFraction = double(height - 1 - row) / height;
        const double highFraction = double(height - row) / height;
        const double low = kMinHz * std::pow(ratio, lowFraction) / binHz;
        const double high = kMinHz * std::pow(ratio, highFraction) / binHz;
        m_rowBins[size_t(row)] = {float(low), float(high)};
    }
}

void SpectrogramRenderer::computeTile(Tile& tile, int64_t tileIndex, int64_t hop, int height)
{
    const AudioBuffer* buffer = m_audio.buffer();
    const int64_t valid = m_audio.validFrames();
    const int64_t total = m_audio.totalFrames();
    if (tile.image.isNull()) {
        tile.image = QImage(kTileColumns, height, QImage::Format_RGB32);
        tile.image.fill(colourMap()[0]);
    }
    if (!buffer)
        return;
    const float* left = buffer->channel(0);
    const float* right = buffer->channel(std::min(1, buffer->channels - 1));
    const auto& map = colourMap();
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
            m_fft->input[size_t(i)] = v * m_window[size_t(i)];
        }
        kiss_fftr(m_fft->config, m_fft->input.data(), m_fft->output.data());
        for (size_t k = 0; k < m_fft->output.size(); ++k)
            m_fft->magnitudes[k] = std::hypot(m_fft->output[k].r, m_fft->output[k].i) * scale;
        for (int row = 0; row < height; ++row) {
            const auto [lowBin, highBin] = m_rowBins[size_t(row)];
            float magnitude;
            if (highBin - lowBin < 1.0f) {
                // Low rows are narrower than a bin: interpolate.
                const float centreBin = 0.5f * (lowBin + highBin);
                const int k = std::min(int(centreBin), kFftSize / 2 - 1);
                const float f = centreBin - k;
                magnitude = m_fft->magnitudes[size_t(k)] * (1 - f) + m_fft->magnitudes[size_t(k + 1)] * f;
            } else {
                magnitude = 0.0f;
                const int to = std::min(int(std::ceil(highBin)), kFftSize / 2);
                for (int k = int(lowBin); k <= to; ++k)
                    magnitude = std::max(magnitude, m_fft->magnitudes[size_t(k)]);
            }
            const double db = 20.0 * std::log10(std::max(magnitude, 1e-9f));
            const int index = std::clamp(int((db - kFloorDb) / -kFloorDb * 255.0), 0, 255);
            reinterpret_cast<QRgb*>(tile.image.scanLine(row))[column] = map[size_t(index)];
        }
    }
    tile.validColumns = column;
}

bool SpectrogramRenderer::paint(QPainter& painter, const QRect& rect, const Parameters& p)
{
    if (m_audio.isNull() || rect.height() <= 0)
        return false;
    const int height = rect.height();
    prepareRows(height);
    const int64_t hop = hopFor(p.framesPerPixel);
    const double pixelsPerColumn = double(hop) / p.framesPerPixel;
    const double tileFrames = double(hop) * kTileColumns;
    const int64_t total = m_audio.totalFrames();
    const double visibleEnd = std::min(double(total), p.startFrame + p.framesPerPixel * (rect.right() + 1));
    const int64_t firstTile =
        int64_t(std::max(0.0, p.startFrame + p.framesPerPixel * rect.left()) / tileFrames);
    const int64_t lastTile = int64_t(visibleEnd / tileFrames);
    int budget = p.tileBudget;
    bool missing = false;
    const int64_t valid = m_audio.validFrames();
    for (int64_t index = firstTile; index <= lastTile; ++index) {
        const QString key = QStringLiteral("%1/%2/%3").arg(hop).arg(index).arg(height);
        Tile* tile = m_tiles.object(key);
        const bool canGrow =
            !tile || (tile->validColumns < kTileColumns &&
                      (tile->validColumns + index * kTileColumns) * hop < std::min(valid, total));
        if (canGrow && budget <= 0) {
            missing = true;
        } else if (canGrow) {
            --budget;
            if (!tile) {
                tile = new Tile;
                m_tiles.insert(key, tile, kTileColumns * height * 4); // QCache owns it
                tile = m_tiles.object(key);
            }
            if (tile)
                computeTile(*tile, index, hop, height);
        }
        if (!tile)
            continue;
        const double x0 = (index * tileFrames - p.startFrame) / p.framesPerPixel;
        const QRectF target(x0, rect.top(), kTileColumns * pixelsPerColumn, height);
        painter.drawImage(target, tile->image, QRectF(0, 0, kTileColumns, height));
    }
    return missing;
}

} // namespace stemcrate::ui
