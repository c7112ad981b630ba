#include "analysis/SpectrogramColumns.h"

#include "analysis/RealFft.h"

#include <algorithm>
#include <atomic>
#include <numeric>

namespace stemcrate::analysis {

namespace {

// One Hann window per size for the whole process, made once and never freed. A producer is often made on
// one thread and dropped on another (the GUI thread makes the views' producers, a worker lets them go with
// the song's audio), and its window was its largest block (8 KiB for 2048): freed by the dropping thread
// under the lock of the making thread's malloc arena, where a preempted worker makes the GUI thread wait
// (issue 16). A lock-free list: no thread ever waits for another to read it.
struct SharedWindow
{
    int size;
    std::vector<float> values;
    const SharedWindow* next;
};
std::atomic<const SharedWindow*> g_windows{nullptr};

const std::vector<float>* findWindow(const SharedWindow* head, int size)
{
    for (const SharedWindow* w = head; w; w = w->next)
        if (w->size == size)
            return &w->values;
    return nullptr;
}

const std::vector<float>& sharedHannWindow(int size)
{
    const SharedWindow* head = g_windows.load(std::memory_order_acquire);
    if (const std::vector<float>* found = findWindow(head, size))
        return *found;
    auto* made = new SharedWindow{size, RealFft::hannWindow(size), head};
    while (
        !g_windows.compare_exchange_weak(head, made, std::memory_order_acq_rel, std::memory_order_acquire)) {
        if (const std::vector<float>* found = findWindow(head, size)) { // another thread made it meanwhile
            delete made;
            return *found;
        }
        made->next = head;
    }
    return made->values;
}

} // namespace

SpectrogramColumns::SpectrogramColumns(std::shared_ptr<const AudioBuffer> audio, SpectrogramOptions options,
                                       std::function<int64_t()> validFrames)
    : m_audio(audio ? std::move(audio) : std::make_shared<const AudioBuffer>()),
      m_options{std::max(2, options.fftSize & ~1), std::max(1, options.hopFrames),
                std::max<size_t>(1, options.cacheColumns)},
      m_validFrames(std::move(validFrames)), m_window(sharedHannWindow(m_options.fftSize)),
      // The Hann window sums to fftSize / 2; a sine of amplitude 1 puts half of that in its bin.
      m_scale(4.0f / static_cast<float>(m_options.fftSize))
{
}

SpectrogramColumns::~SpectrogramColumns() = default;

int64_t SpectrogramColumns::columnCount() const
{
    return m_audio->frames > 0 ? (m_audio->frames + m_options.hopFrames - 1) / m_options.hopFrames : 0;
}

size_t SpectrogramColumns::cachedColumns() const
{
    std::lock_guard lock(m_mutex);
    return m_cache.size();
}

SpectrogramColumns::Column SpectrogramColumns::column(int64_t index) const
{
    if (index < 0 || index >= columnCount())
        return nullptr;
    {
        std::lock_guard lock(m_mutex);
        if (auto it = m_cache.find(index); it != m_cache.end()) {
            m_recent.splice(m_recent.begin(), m_recent, it->second.second);
            return it->second.first;
        }
    }
    const int64_t valid = m_validFrames ? std::min(m_validFrames(), m_audio->frames) : m_audio->frames;
    const int64_t needed = std::min(m_audio->frames, index * m_options.hopFrames + m_options.fftSize / 2);
    if (needed > valid)
        return nullptr;
    Column computed = compute(index);

    std::lock_guard lock(m_mutex);
    if (auto it = m_cache.find(index); it != m_cache.end())
        return it->second.first; // another thread got there first
    m_recent.push_front(index);
    m_cache.emplace(index, std::make_pair(computed, m_recent.begin()));
    while (m_cache.size() > m_options.cacheColumns) {
        m_cache.erase(m_recent.back());
        m_recent.pop_back();
    }
    return computed;
}

SpectrogramColumns::Column SpectrogramColumns::compute(int64_t index) const
{
    std::unique_ptr<RealFft> fft;
    {
        std::lock_guard lock(m_mutex);
        if (!m_idleFfts.empty()) {
            fft = std::move(m_idleFfts.back());
            m_idleFfts.pop_back();
        }
    }
    if (!fft)
        fft = std::make_unique<RealFft>(m_options.fftSize);

    const int size = m_options.fftSize;
    std::vector<float> frame(static_cast<size_t>(size), 0.0f);
    const int64_t start = index * m_options.hopFrames - size / 2;
    const float channelGain = m_audio->channels > 0 ? 1.0f / static_cast<float>(m_audio->channels) : 0.0f;
    for (int c = 0; c < m_audio->channels; ++c) {
        const float* in = m_audio->channel(c);
        for (int i = 0; i < size; ++i) {
            const int64_t t = start + i;
            if (t >= 0 && t < m_audio->frames)
                frame[static_cast<size_t>(i)] += channelGain * in[t];
        }
    }
    for (int i = 0; i < size; ++i)
        frame[static_cast<size_t>(i)] *= m_window[static_cast<size_t>(i)];
    auto magnitudes = std::make_shared<std::vector<float>>(static_cast<size_t>(bins()));
    fft->magnitudes(frame.data(), magnitudes->data());
    for (float& m : *magnitudes)
        m *= m_scale;

    std::lock_guard lock(m_mutex);
    m_idleFfts.push_back(std::move(fft));
    return magnitudes;
}

} // namespace stemcrate::analysis
