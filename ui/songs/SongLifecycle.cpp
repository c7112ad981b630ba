#include "songs/SongLifecycle.h"

namespace stemcrate::ui {

bool SongLifecycle::isReport(SongEvent event)
{
    switch (event) {
    case SongEvent::Progress:
    case SongEvent::Decoded:
    case SongEvent::CacheHit:
    case SongEvent::CacheMiss:
    case SongEvent::Separated:
    case SongEvent::Analysed:
    case SongEvent::Failed:
        return true;
    default:
        return false;
    }
}

bool SongLifecycle::legal(SongState state, SongEvent event, SongState* next)
{
    using S = SongState;
    S to = state;
    bool ok = false;
    switch (event) {
    case SongEvent::StartDecode:
        ok = state == S::Queued;
        to = S::Decoding;
        break;
    case SongEvent::NeedModel:
        ok = state == S::Queued;
        to = S::WaitingForModel;
        break;
    case SongEvent::ModelReady:
        ok = state == S::WaitingForModel;
        to = S::Queued;
        break;
    case SongEvent::StartSeparation:
        ok = state == S::Queued;
        to = S::Separating;
        break;
    case SongEvent::Progress:
        ok = state == S::Decoding || state == S::Separating;
        break;
    case SongEvent::Decoded:
        ok = state == S::Decoding;
        break;
    case SongEvent::CacheHit:
        ok = state == S::Decoding || state == S::Separating;
        to = S::Done;
        break;
    case SongEvent::CacheMiss:
        ok = state == S::Decoding;
        to = S::Queued;
        break;
    case SongEvent::Separated:
        ok = state == S::Separating;
        to = S::Done;
        break;
    case SongEvent::Analysed:
        ok = state == S::Done;
        break;
    case SongEvent::Failed:
        ok = state == S::Decoding || state == S::Separating;
        to = S::Failed;
        break;
    case SongEvent::Cancel:
        ok = state == S::Queued || state == S::WaitingForModel || state == S::Decoding ||
             state == S::Separating;
        to = S::Cancelled;
        break;
    case SongEvent::Retry:
        ok = state == S::Failed || state == S::Cancelled;
        to = S::Queued;
        break;
    }
    if (ok && next)
        *next = to;
    return ok;
}

SongLifecycle::Transition SongLifecycle::apply(SongEvent event, Token token)
{
    Transition transition;
    transition.from = m_state;
    transition.to = m_state;
    transition.token = m_token;
    SongState next = m_state;
    if (!legal(m_state, event, &next))
        return transition;
    if (isReport(event) && (token == kNoToken || token != m_token))
        return transition; // stale: from a job that was cancelled, retried or replaced
    switch (event) {
    case SongEvent::StartDecode:
    case SongEvent::StartSeparation:
        m_token = ++m_lastIssued;
        break;
    case SongEvent::Cancel:
    case SongEvent::Retry:
    case SongEvent::Failed:
        m_token = kNoToken; // nothing the old job says counts any more
        break;
    default:
        break; // CacheHit/Separated keep the token: the analysis of a finished song reports with it
    }
    m_state = next;
    transition.accepted = true;
    transition.to = next;
    transition.token = m_token;
    return transition;
}

} // namespace stemcrate::ui
