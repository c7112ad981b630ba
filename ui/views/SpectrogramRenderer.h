#pragma once
// SpectrogramRenderer: draws the spectrogram of one lane's audio: KissFFT magnitudes (Hann window,
// kFftSize), log-frequency rows from kMinHz to kMaxHz, decibels mapped through the magma colour map.
//
// Cached tiles (Sonic Visualiser's per-view image cache, simplified): one QImage of kTileColumns columns per
// (hop, tile index, height); the hop is the view's frames per pixel rounded down to a power of two, so a
// zoom level reuses its tiles and scrolling never recomputes. A tile computed while the stems were still
// growing remembers how many columns were valid and is completed later. Each paint() computes at most a
// budget of tiles and returns whether some were left, so the caller schedules another paint.
//
// Ownership: owns its FFT state and tiles. Threads: GUI thread (the lane that owns it). Units: frames,
// Hz, pixels.

#include "views/LaneAudio.h"

#include <QCache>
#include <QImage>

#include <array>
#include <memory>
#include <vector>

class QPainter;
class QRect;

namespace stemcrate::ui {

class SpectrogramRenderer
{
public:
    static constexpr int kFftSize = 2048;
    static constexpr int kTileColumns = 256;
    static constexpr double kMinHz = 30.0;
    static constexpr double kMaxHz = 20000.0;
    static constexpr double kFloorDb = -90.0;

    struct Parameters
    {
        double startFrame = 0.0;
        double framesPerPixel = 1.0;
        int tileBudget = 2; // tiles computed per paint at most
    };

    SpectrogramRenderer();
    ~SpectrogramRenderer();

    void setAudio(const LaneAudio& audio);
    // Paints `rect` of the lane; returns true if tiles are still missing (paint again soon).
    bool paint(QPainter& painter, const QRect& rect, const Parameters& parameters);
    int cachedTiles() const { return m_tiles.count(); }

    // magma, 256 entries, index 0 = silence.
    static const std::array<QRgb, 256>& colourMap();

private:
    struct Tile
    {
        QImage image;
        int validColumns = 0;
    };
    // Computes columns [fromColumn, kTileColumns) of a tile, as far as the audio is valid.
    void computeTile(Tile& tile, int64_t tileIndex, int64_t hop, int height);
    void prepareRows(int height);

    LaneAudio m_audio;
    QCache<QString, Tile> m_tiles;
    struct Fft;
    std::unique_ptr<Fft> m_fft;
    std::vector<float> m_window;
    int m_rowsHeight = 0;
    std::vector<std::pair<float, float>> m_rowBins; // per row (top first): fractional FFT bin range
};

} // namespace stemcrate::ui
