#include "panels/TimelinePanel.h"

#include "playback/Transport.h"
#include "session/SelectionModel.h"
#include "session/SongSession.h"
#include "views/SongDisplay.h"
#include "views/TimelineView.h"
#include "views/TimelineViewport.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QStackedWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace stemcrate::ui {

namespace {

constexpr int64_t kNudgeFrames = kEngineSampleRate / 100; // 10 ms
constexpr int64_t kSeekStepFrames = kEngineSampleRate;    // 1 s without a selection

QString clock(int64_t frames)
{
    const double seconds = double(frames) / kEngineSampleRate;
    const int minutes = int(seconds / 60.0);
    return QStringLiteral("%1:%2").arg(minutes).arg(seconds - minutes * 60.0, 6, 'f', 3, QLatin1Char('0'));
}

} // namespace

TimelinePanel::TimelinePanel(SongSession& session, Transport& transport, QWidget* parent)
    : QWidget(parent), m_session(session), m_transport(transport)
{
    setObjectName(QStringLiteral("timelinePanel"));
    m_dropHint = new QLabel(tr("Drop songs here"), this);
    m_dropHint->setObjectName(QStringLiteral("dropHint"));
    m_dropHint->setAlignment(Qt::AlignCenter);
    m_dropHint->setEnabled(false); // greyed: a hint, not content
    QFont hintFont = m_dropHint->font();
    hintFont.setPointSizeF(hintFont.pointSizeF() * 1.6);
    m_dropHint->setFont(hintFont);
    m_timeline = new TimelineView(session.selection(), this);
    m_timeline->setMixer(&transport.mixer());
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_dropHint);
    m_stack->addWidget(m_timeline);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    m_analysisLabel = new QLabel(this);
    m_analysisLabel->setObjectName(QStringLiteral("analysisLabel"));
    m_positionLabel = new QLabel(this);
    m_positionLabel->setObjectName(QStringLiteral("positionLabel"));
    m_playheadTimer = new QTimer(this);
    m_playheadTimer->setInterval(30);
    connect(m_playheadTimer, &QTimer::timeout, this, &TimelinePanel::updatePlayhead);

    m_snapMode = new QComboBox(this);
    m_snapMode->setObjectName(QStringLiteral("snapMode"));
    m_snapMode->addItem(tr("Off"), int(Snapper::Mode::Off));
    m_snapMode->addItem(tr("Zero crossings"), int(Snapper::Mode::ZeroCrossing));
    m_snapMode->addItem(tr("Beats"), int(Snapper::Mode::Beats));
    m_snapMode->addItem(tr("Transients"), int(Snapper::Mode::Transients));
    connect(m_snapMode, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_timeline->snapper().setMode(Snapper::Mode(m_snapMode->itemData(index).toInt()));
    });

    // Playback.
    m_playAction =
        addAction(QStringLiteral("playAction"), tr("Play"), {QKeySequence(Qt::Key_Space)}, MenuId::Playback);
    connect(m_playAction, &QAction::triggered, this, &TimelinePanel::togglePlay);
    m_loopAction = addAction(QStringLiteral("loopAction"), tr("Loop Selection"), {QKeySequence(Qt::Key_L)},
                             MenuId::Playback);
    m_loopAction->setCheckable(true);
    connect(m_loopAction, &QAction::toggled, this, &TimelinePanel::updateLoop);
    // Arrows, Home and End act on the timeline only while it (or a lane) has focus, so the lists keep them.
    connect(addAction(QStringLiteral("homeAction"), tr("Go to Start"), {QKeySequence(Qt::Key_Home)},
                      MenuId::Playback, true),
            &QAction::triggered, this, [this] { seekTo(0, true); });
    connect(addAction(QStringLiteral("endAction"), tr("Go to End"), {QKeySequence(Qt::Key_End)},
                      MenuId::Playback, true),
            &QAction::triggered, this, [this] { seekTo(m_timeline->viewport().totalFrames(), true); });

    // Selection.
    const struct
    {
        const char* name;
        const char* text;
        QKeySequence key;
        int64_t frames;
        bool endOnly;
    } nudges[] = {
        {"nudgeLeftAction", QT_TR_NOOP("Nudge Selection Left"), QKeySequence(Qt::Key_Left), -kNudgeFrames,
         false},
        {"nudgeRightAction", QT_TR_NOOP("Nudge Selection Right"), QKeySequence(Qt::Key_Right), kNudgeFrames,
         false},
        {"shrinkAction", QT_TR_NOOP("Move Selection End Left"), QKeySequence(Qt::SHIFT | Qt::Key_Left),
         -kNudgeFrames, true},
        {"growAction", QT_TR_NOOP("Move Selection End Right"), QKeySequence(Qt::SHIFT | Qt::Key_Right),
         kNudgeFrames, true},
    };
    for (const auto& n : nudges)
        connect(addAction(QLatin1String(n.name), tr(n.text), {n.key}, MenuId::Selection, true),
                &QAction::triggered, this,
                [this, frames = n.frames, endOnly = n.endOnly] { nudge(frames, endOnly); });
    connect(addAction(QStringLiteral("snapAction"), tr("Cycle Snapping"), {QKeySequence(Qt::Key_Z)},
                      MenuId::Selection),
            &QAction::triggered, this,
            [this] { m_snapMode->setCurrentIndex((m_snapMode->currentIndex() + 1) % m_snapMode->count()); });
    connect(addAction(QStringLiteral("clearSelectionAction"), tr("Clear Selection"), {QKeySequence::Delete},
                      MenuId::Selection, true),
            &QAction::triggered, &session.selection(), &SelectionModel::clear);

    // View.
    connect(addAction(QStringLiteral("zoomInAction"), tr("Zoom In"),
                      {QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal), QKeySequence::ZoomIn},
                      MenuId::View),
            &QAction::triggered, this, [this] { zoomBy(2.0); });
    connect(addAction(QStringLiteral("zoomOutAction"), tr("Zoom Out"),
                      {QKeySequence(Qt::Key_Minus), QKeySequence::ZoomOut}, MenuId::View),
            &QAction::triggered, this, [this] { zoomBy(0.5); });
    connect(addAction(QStringLiteral("zoomFitAction"), tr("Zoom to Fit"), {QKeySequence(tr("Ctrl+0"))},
                      MenuId::View),
            &QAction::triggered, &m_timeline->viewport(), &TimelineViewport::zoomToFit);
    m_spectrogramAction = addAction(QStringLiteral("spectrogramAction"), tr("Spectrogram"),
                                    {QKeySequence(Qt::Key_S)}, MenuId::View);
    m_spectrogramAction->setCheckable(true);
    connect(m_spectrogramAction, &QAction::toggled, m_timeline, &TimelineView::setSpectrogramVisible);

    TimelineViewport& viewport = m_timeline->viewport();
    connect(&session.selection(), &SelectionModel::changed, this, &TimelinePanel::updateLoop);
    connect(&session.selection(), &SelectionModel::changed, this, &TimelinePanel::updatePositionLabel);
    connect(&viewport, &TimelineViewport::playheadChanged, this, &TimelinePanel::updatePositionLabel);
    connect(m_timeline, &TimelineView::seekRequested, this, [this](qint64 frame) { seekTo(frame, false); });
    connect(m_timeline, &TimelineView::dragOutArmed, this, &TimelinePanel::dragOutArmed);
    connect(m_timeline, &TimelineView::dragOutRequested, this, &TimelinePanel::dragOutRequested);
    connect(&transport, &Transport::playingChanged, this, [this](bool playing) {
        m_playAction->setText(playing ? tr("Pause") : tr("Play"));
        if (playing)
            m_playheadTimer->start();
        else
            m_playheadTimer->stop();
        updatePlayhead();
    });
    connect(&session, &SongSession::shownChanged, this, &TimelinePanel::show);
    connect(&session, &SongSession::stemsGrew, m_timeline, &TimelineView::stemsGrew);
    connect(&session, &SongSession::analysisChanged, this, &TimelinePanel::applyAnalysis);
}

QAction* TimelinePanel::addAction(const QString& objectName, const QString& text,
                                  const QList<QKeySequence>& keys, MenuId menu, bool timelineOnly)
{
    auto* action = new QAction(text, this);
    action->setObjectName(objectName);
    action->setShortcuts(keys);
    if (timelineOnly) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_timeline->addAction(action);
    }
    m_actions.append({menu, action});
    return action;
}

QList<PanelAction> TimelinePanel::panelActions() const
{
    return m_actions;
}

void TimelinePanel::fillToolBar(QToolBar& bar)
{
    bar.addAction(m_playAction);
    bar.addAction(m_loopAction);
    bar.addSeparator();
    bar.addWidget(new QLabel(tr("Snap: "), &bar));
    bar.addWidget(m_snapMode);
    bar.addSeparator();
    bar.addAction(m_spectrogramAction);
    for (const PanelAction& a : std::as_const(m_actions))
        if (a.menu == MenuId::View && a.action != m_spectrogramAction)
            bar.addAction(a.action);
}

QList<QWidget*> TimelinePanel::statusWidgets()
{
    return {m_analysisLabel, m_positionLabel};
}

void TimelinePanel::show(const ShownSong& song)
{
    m_timeline->setDisplay(song.display);
    m_transport.setSong(song.mix, song.stems);
    updateLoop();
    m_stack->setCurrentWidget(song.mix ? static_cast<QWidget*>(m_timeline) : m_dropHint);
    // The transport and selection keys work at once, unless the user is moving through a list.
    if (song.mix && !qobject_cast<QAbstractItemView*>(QApplication::focusWidget()))
        m_timeline->setFocus();
    updatePositionLabel();
}

void TimelinePanel::applyAnalysis(const AnalysisView& analysis)
{
    m_timeline->setBeatGrid(analysis.beatFrames, analysis.beatsPerBar, analysis.firstDownbeat);
    m_timeline->setTransients(analysis.onsetFrames);
    m_analysisLabel->setText(analysis.summary());
}

void TimelinePanel::togglePlay()
{
    const SelectionModel& s = m_session.selection();
    const int64_t playhead = m_timeline->viewport().playhead();
    // Playing with a selection starts inside it (Audacity's habit).
    if (!m_transport.isPlaying() && !s.isEmpty() && (playhead < s.start() || playhead >= s.end()))
        m_transport.seek(s.start());
    else if (!m_transport.isPlaying())
        m_transport.seek(playhead);
    m_transport.togglePlay();
}

void TimelinePanel::seekTo(int64_t frame, bool scrollTo)
{
    TimelineViewport& v = m_timeline->viewport();
    frame = std::clamp<int64_t>(frame, 0, v.totalFrames());
    m_transport.seek(frame);
    v.setPlayhead(frame);
    if (scrollTo)
        v.ensureVisible(double(std::max<int64_t>(0, std::min(frame, v.totalFrames() - 1))));
}

void TimelinePanel::nudge(int64_t frames, bool endOnly)
{
    SelectionModel& s = m_session.selection();
    if (s.isEmpty())
        seekTo(m_timeline->viewport().playhead() + (frames > 0 ? 1 : -1) * kSeekStepFrames, false);
    else
        s.nudge(frames, endOnly);
}

void TimelinePanel::zoomBy(double factor)
{
    TimelineViewport& v = m_timeline->viewport();
    const double playheadX = v.xAt(double(v.playhead()));
    const double anchor = (playheadX >= 0 && playheadX <= v.width()) ? playheadX : v.width() / 2.0;
    v.zoom(factor, anchor);
}

void TimelinePanel::updateLoop()
{
    const SelectionModel& s = m_session.selection();
    m_transport.mixer().setLoop(s.start(), s.end(), m_loopAction->isChecked());
}

void TimelinePanel::updatePlayhead()
{
    TimelineViewport& v = m_timeline->viewport();
    const int64_t frame = m_transport.audiblePosition();
    v.setPlayhead(frame);
    if (m_transport.isPlaying())
        v.ensureVisible(double(frame)); // page-wise follow
}

void TimelinePanel::updatePositionLabel()
{
    const TimelineViewport& v = m_timeline->viewport();
    const SelectionModel& s = m_session.selection();
    QString text = tr("%1 / %2").arg(clock(v.playhead()), clock(v.totalFrames()));
    if (!s.isEmpty())
        text += tr("   selection %1 – %2 (%3 s)")
                    .arg(clock(s.start()), clock(s.end()))
                    .arg(double(s.length()) / kEngineSampleRate, 0, 'f', 3);
    m_positionLabel->setText(text);
}

} // namespace stemcrate::ui
