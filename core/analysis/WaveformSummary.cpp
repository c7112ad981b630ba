#include "analysis/WaveformSummary.h"

#include <algorithm>
#include <cmath>

namespace stemcrate::analysis {

WaveformSummary::WaveformSummary(int channels, int64_t totalFrames)
    : m_channels(std::max(1, channels)), m_totalFrames(std::max<int64_t>(0, totalFrames))
{
    int64_t framesPerBin = kBaseFramesPerBin;
    while (true) {
        auto level = std::make_unique<Level>();
        level->framesPerBin = framesPerBin;
        level->bins = std::max<int64_t>(1, (m_totalFrames + framesPerBin - 1) / framesPerBin);
        level->stats.reset(new Stat[static_cast<size_t>(level->bins * m_channels)]());
        const bool top = level->bins == 1;
        m_levels.push_back(std::move(level));
        if (top)
            break;
        framesPerBin *= kLevelFactor;
    }
    m_accumulators.assign(m_levels.size(), std::vector<Accumulator>(static_cast<size_t>(m_channels)));
    m_written.assign(m_levels.size(), std::vector<int64_t>(static_cast<size_t>(m_channels), 0));
}

int64_t WaveformSummary::framesPerBin(int level) const
{
    return m_levels[static_cast<size_t>(level)]->framesPerBin;
}

int64_t WaveformSummary::binCount(int level) const
{
    return m_levels[static_cast<size_t>(level)]->bins;
}

int64_t WaveformSummary::validBins(int level) const
{
    return m_levels[static_cast<size_t>(level)]->validBins.load(std::memory_order_acquire);
}

WaveformBin WaveformSummary::bin(int level, int channel, int64_t index) const
{
    const Level& l = *m_levels[static_cast<size_t>(level)];
    const Stat& s = l.stats[static_cast<size_t>(channel * l.bins + index)];
    return WaveformBin{s.min, s.max, std::sqrt(s.meanSquare)};
}

void WaveformSummary::writeBin(size_t level, int channel, const Accumulator& acc)
{
    Level& l = *m_levels[level];
    int64_t& written = m_written[level][static_cast<size_t>(channel)];
    const Stat stat{acc.min, acc.max,
                    acc.frames > 0 ? static_cast<float>(acc.sumSquares / double(acc.frames)) : 0.0f};
    l.stats[static_cast<size_t>(channel * l.bins + written)] = stat;
    ++written;
    if (level + 1 < m_levels.size())
        absorb(level + 1, channel, stat, acc.frames);
}

void WaveformSummary::absorb(size_t level, int channel, const Stat& child, int64_t childFrames)
{
    Accumulator& acc = m_accumulators[level][static_cast<size_t>(channel)];
    if (acc.frames == 0) {
        acc.min = child.min;
        acc.max = child.max;
    } else {
        acc.min = std::min(acc.min, child.min);
        acc.max = std::max(acc.max, child.max);
    }
    acc.sumSquares += static_cast<double>(child.meanSquare) * static_cast<double>(childFrames);
    acc.frames += childFrames;
    if (++acc.children == kLevelFactor) {
        writeBin(level, channel, acc);
        acc = Accumulator{};
    }
}

void WaveformSummary::flush(size_t level, int channel)
{
    Accumulator& acc = m_accumulators[level][static_cast<size_t>(channel)];
    if (acc.frames > 0) {
        const Accumulator done = acc;
        acc = Accumulator{};
        writeBin(level, channel, done);
    }
}

void WaveformSummary::append(const AudioBuffer& source, int64_t endFrame)
{
    const int64_t begin = m_validFrames.load(std::memory_order_relaxed);
    endFrame = std::min({endFrame, m_totalFrames, source.frames});
    if (endFrame <= begin || source.channels <= 0)
        return;
    for (int c = 0; c < m_channels; ++c) {
        const float* in = source.channel(std::min(c, source.channels - 1));
        Accumulator& acc = m_accumulators[0][static_cast<size_t>(c)];
        for (int64_t i = begin; i < endFrame; ++i) {
            const float v = in[i];
            if (acc.frames == 0) {
                acc.min = v;
                acc.max = v;
            } else {
                acc.min = std::min(acc.min, v);
                acc.max = std::max(acc.max, v);
            }
            acc.sumSquares += static_cast<double>(v) * v;
            if (++acc.frames == kBaseFramesPerBin) {
                const Accumulator done = acc;
                acc = Accumulator{};
                writeBin(0, c, done);
            }
        }
        if (endFrame == m_totalFrames)
            for (size_t level = 0; level < m_levels.size(); ++level)
                flush(level, c);
    }
    // Publish: bins first (every channel has written the same count), then the frame count.
    for (size_t level = 0; level < m_levels.size(); ++level)
        m_levels[level]->validBins.store(m_written[level][0], std::memory_order_release);
    m_validFrames.store(endFrame, std::memory_order_release);
}

std::vector<WaveformColumn> WaveformSummary::columns(int channel, int64_t startFrame, int64_t endFrame,
                                                     int count) const
{
    std::vector<WaveformColumn> out(static_cast<size_t>(std::max(0, count)));
    if (count <= 0 || endFrame <= startFrame || channel < 0 || channel >= m_channels)
        return out;
    const double span = static_cast<double>(endFrame - startFrame) / count;
    int level = 0;
    while (level + 1 < levels() && static_cast<double>(framesPerBin(level + 1)) <= span)
        ++level;
    const Level& l = *m_levels[static_cast<size_t>(level)];
    const int64_t valid = l.validBins.load(std::memory_order_acquire);
    for (int col = 0; col < count; ++col) {
        const int64_t from = startFrame + static_cast<int64_t>(std::floor(span * col));
        const int64_t to =
            std::max(from + 1, startFrame + static_cast<int64_t>(std::floor(span * (col + 1))));
        if (from < 0 || from >= m_totalFrames)
            continue;
        const int64_t firstBin = from / l.framesPerBin;
        const int64_t lastBin = std::min({(to - 1) / l.framesPerBin, valid - 1, l.bins - 1});
        WaveformColumn& column = out[static_cast<size_t>(col)];
        double meanSquare = 0.0;
        for (int64_t b = firstBin; b <= lastBin; ++b) {
            const Stat& s = l.stats[static_cast<size_t>(channel * l.bins + b)];
            column.min = column.valid ? std::min(column.min, s.min) : s.min;
            column.max = column.valid ? std::max(column.max, s.max) : s.max;
            meanSquare += s.meanSquare;
            column.valid = true;
        }
        if (column.valid)
            column.rms = static_cast<float>(std::sqrt(meanSquare / double(lastBin - firstBin + 1)));
    }
    return out;
}

std::vector<WaveformColumn> WaveformSummary::mixedColumns(int64_t startFrame, int64_t endFrame,
                                                          int count) const
{
    std::vector<WaveformColumn> out = columns(0, startFrame, endFrame, count);
    for (auto& column : out)
        column.rms *= column.rms; // mean square until the last channel is in
    for (int c = 1; c < m_channels; ++c) {
        const std::vector<WaveformColumn> more = columns(c, startFrame, endFrame, count);
        for (size_t i = 0; i < out.size(); ++i) {
            out[i].valid = out[i].valid && more[i].valid;
            out[i].min = std::min(out[i].min, more[i].min);
            out[i].max = std::max(out[i].max, more[i].max);
            out[i].rms += more[i].rms * more[i].rms;
        }
    }
    for (auto& column : out)
        column.rms = std::sqrt(column.rms / static_cast<float>(m_channels));
    return out;
}

} // namespace stemcrate::analysis
