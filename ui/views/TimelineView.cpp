#include "views/TimelineView.h"

#include "playback/StemMixer.h"
#include "views/LaneStrip.h"
#include "views/LaneView.h"
#include "views/SongDisplay.h"
#include "views/TimeRuler.h"
#include "views/TimelineViewport.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QScrollBar>
#include <QVBoxLayout>

#include <cmath>

namespace stemcrate::ui {

namespace {

QColor laneColour(const QString& name)
{
    if (name == QLatin1String("drums"))
        return {0xf0, 0x9a, 0x3e};
    if (name == QLatin1String("bass"))
        return {0xa0, 0x7c, 0xf0};
    if (name == QLatin1String("other"))
        return {0x5c, 0xc8, 0x8a};
    if (name == QLatin1String("vocals"))
        return {0xf0, 0x6c, 0xa8};
    return {0x4f, 0xa3, 0xe0};
}

} // namespace

TimelineView::TimelineView(SelectionModel& selection, QWidget* parent)
    : QWidget(parent), m_viewport(new TimelineViewport(this)), m_selection(selection)
{
    setObjectName(QStringLiteral("timelineView"));
    setFocusPolicy(Qt::StrongFocus); // its keys (arrows, Home, End) are shortcuts on this widget
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);

    auto* rulerRow = new QHBoxLayout;
    rulerRow->setSpacing(0);
    rulerRow->addSpacing(LaneStrip::kHeaderWidth);
    m_ruler = new TimeRuler(*m_viewport, m_selection, this);
    rulerRow->addWidget(m_ruler, 1);
    layout->addLayout(rulerRow);

    m_lanesLayout = new QVBoxLayout;
    m_lanesLayout->setSpacing(1);
    layout->addLayout(m_lanesLayout, 1);

    auto* scrollRow = new QHBoxLayout;
    scrollRow->addSpacing(LaneStrip::kHeaderWidth);
    m_scrollBar = new QScrollBar(Qt::Horizontal, this);
    m_scrollBar->setObjectName(QStringLiteral("timelineScrollBar"));
    scrollRow->addWidget(m_scrollBar, 1);
    layout->addLayout(scrollRow);

    connect(m_viewport, &TimelineViewport::viewChanged, this, &TimelineView::syncScrollBar);
    connect(m_scrollBar, &QScrollBar::valueChanged, this, [this](int value) {
        if (!m_syncing)
            m_viewport->setStartFrame(value * m_viewport->framesPerPixel());
    });
    connect(m_ruler, &TimeRuler::seekRequested, this, &TimelineView::seekRequested);
}

TimelineView::~TimelineView() = default;

void TimelineView::setMixer(StemMixer* mixer)
{
    m_mixer = mixer;
}

LaneStrip* TimelineView::addLane(const LaneDisplay& display)
{
    const int index = int(m_lanes.size());
    // Another song's strip at this place with this name is shown again, bound to this lane (see m_spare).
    LaneStrip* spare =
        size_t(index) < m_spare.size() ? std::exchange(m_spare[size_t(index)], nullptr) : nullptr;
    if (spare && spare->name() != display.name) {
        delete spare;
        spare = nullptr;
    }
    LaneStrip* strip = spare ? spare
                             : new LaneStrip(index, display.name, *m_viewport, m_selection, m_snapper,
                                             m_strokeScratch, this);
    if (spare) {
        strip->resetControls();
        strip->view()->setSlices({});
    } else {
        strip->view()->setColour(laneColour(display.name));
    }
    strip->view()->setSpectrogramVisible(m_spectrogram);
    strip->view()->setDisplay(display);
    if (index == m_slicedLane) {
        strip->view()->setSlices(m_slices);
        strip->view()->setActiveSlice(m_activeSlice);
    }
    if (m_mixer) {
        // A fresh lane starts neutral; the mixer follows the controls from here on.
        m_mixer->setGain(index, 1.0f);
        m_mixer->setMuted(index, false);
        m_mixer->setSoloed(index, false);
    }
    m_lanes.push_back(strip);
    if (spare) {
        spare->show();
        return strip;
    }
    connect(strip, &LaneStrip::soloToggled, this, [this](int lane, bool on) {
        if (m_mixer)
            m_mixer->setSoloed(lane, on);
    });
    connect(strip, &LaneStrip::muteToggled, this, [this](int lane, bool on) {
        if (m_mixer)
            m_mixer->setMuted(lane, on);
    });
    connect(strip, &LaneStrip::gainChanged, this, [this](int lane, float gain) {
        if (m_mixer)
            m_mixer->setGain(lane, gain);
    });
    connect(strip->view(), &LaneView::seekRequested, this, &TimelineView::seekRequested);
    connect(strip->view(), &LaneView::dragOutArmed, this, &TimelineView::dragOutArmed);
    connect(strip->view(), &LaneView::dragOutRequested, this, &TimelineView::dragOutRequested);
    m_lanesLayout->insertWidget(index, strip, 1); // before the spares
    strip->show(); // now, not through the layout's queued show: see syncLanes()
    return strip;
}

void TimelineView::setDisplay(std::shared_ptr<const SongDisplay> display)
{
    if (display != m_display) {
        // The strips stay, hidden and let go of their audio, for the next song's lanes (m_spare).
        for (size_t i = 0; i < m_lanes.size(); ++i) {
            if (m_spare.size() <= i)
                m_spare.resize(i + 1, nullptr);
            delete std::exchange(m_spare[i], m_lanes[i]);
        }
        m_lanes.clear();
        m_display = std::move(display);
        m_slicedLane = -1; // the slices were another song's
        m_slices.clear();
        m_activeSlice = -1;
        m_viewport->setTotalFrames(m_display && m_display->mix() ? m_display->mix()->frames : 0);
    }
    syncLanes();
}

void TimelineView::syncLanes()
{
    const int wanted = m_display ? m_display->laneCount() : 0;
    // Lanes whose audio was replaced (new stems after a retry) go, with every lane after them.
    int keep = 0;
    while (keep < laneCount() && keep < wanted &&
           m_lanes[size_t(keep)]->view()->audio().stems == m_display->lane(keep).audio.stems &&
           m_lanes[size_t(keep)]->view()->audio().mix == m_display->lane(keep).audio.mix)
        ++keep;
    while (laneCount() > keep) {
        delete m_lanes.back();
        m_lanes.pop_back();
    }
    if (keep == wanted) {
        hideSpares();
        return;
    }
    for (int i = keep; i < wanted; ++i)
        addLane(m_display->lane(i));
    hideSpares();
    // Lay the new lanes out now, so that they have their width (and the viewport's mapping) before the
    // next event reaches them, not only once the posted layout request is processed.
    layout()->activate();
}

void TimelineView::hideSpares()
{
    for (LaneStrip* spare : m_spare)
        if (spare && !spare->isHidden()) {
            spare->hide();
            spare->view()->setDisplay({});
        }
}

void TimelineView::stemsGrew(int64_t validFrames)
{
    syncLanes();
    for (size_t i = 1; i < m_lanes.size(); ++i)
        m_lanes[i]->view()->audioGrew(validFrames);
}

LaneAudio TimelineView::laneAudio(int index) const
{
    if (index < 0 || index >= laneCount())
        return {};
    return m_lanes[size_t(index)]->view()->audio();
}

void TimelineView::setSpectrogramVisible(bool visible)
{
    m_spectrogram = visible;
    for (LaneStrip* strip : m_lanes)
        strip->view()->setSpectrogramVisible(visible);
}

void TimelineView::setBeatGrid(std::vector<int64_t> beatFrames, int beatsPerBar, int firstDownbeat)
{
    m_snapper.setBeats(beatFrames);
    m_ruler->setBeatGrid(std::move(beatFrames), beatsPerBar, firstDownbeat);
}

void TimelineView::setTransients(std::vector<int64_t> onsetFrames)
{
    m_snapper.setTransients(std::move(onsetFrames));
}

void TimelineView::setSlices(int lane, std::vector<SliceSpan> slices)
{
    if (m_slicedLane >= 0 && m_slicedLane < laneCount())
        m_lanes[size_t(m_slicedLane)]->view()->setSlices({});
    m_slicedLane = slices.empty() ? -1 : lane;
    m_slices = std::move(slices);
    m_activeSlice = -1;
    if (m_slicedLane >= 0 && m_slicedLane < laneCount())
        m_lanes[size_t(m_slicedLane)]->view()->setSlices(m_slices);
}

void TimelineView::setActiveSlice(int index)
{
    m_activeSlice = index;
    if (m_slicedLane >= 0 && m_slicedLane < laneCount())
        m_lanes[size_t(m_slicedLane)]->view()->setActiveSlice(index);
}

void TimelineView::syncScrollBar()
{
    m_syncing = true;
    const double fpp = m_viewport->framesPerPixel();
    // Scroll bar units are pixels at the current zoom, capped so an hour at sample zoom fits an int.
    const double contentPixels = std::ceil(double(m_viewport->totalFrames()) / fpp);
    m_scrollBar->setRange(0, int(std::min(2.0e9, std::max(0.0, contentPixels - m_viewport->width()))));
    m_scrollBar->setPageStep(m_viewport->width());
    m_scrollBar->setSingleStep(std::max(1, m_viewport->width() / 20));
    m_scrollBar->setValue(int(std::min(2.0e9, m_viewport->startFrame() / fpp)));
    m_syncing = false;
}

} // namespace stemcrate::ui
