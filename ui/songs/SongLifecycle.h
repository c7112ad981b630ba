#pragma once
// SongLifecycle: the one place a song's state changes. Every change is an event put through apply(), which
// checks it against the table of legal transitions and, for a job's report, against the job's token:
// starting a job issues a new token, and cancel and retry retire the current one, so that a late report from
// a job that was cancelled (or replaced by a retry) is dropped instead of overwriting the song.
//
//   Queued ──StartDecode──▶ Decoding ──Decoded──▶ Decoding (track set; cache lookup runs)
//   Decoding ──CacheMiss──▶ Queued (waits for the one separation slot)
//   Queued ──NeedModel──▶ WaitingForModel ──ModelReady──▶ Queued
//   Queued ──StartSeparation──▶ Separating ──Separated──▶ Done
//   Decoding | Separating ──CacheHit──▶ Done            (analysis reports on Done: Analysed, token-checked)
//   Decoding | Separating ──Progress──▶ same state      ──Failed──▶ Failed
//   Queued | WaitingForModel | Decoding | Separating ──Cancel──▶ Cancelled
//   Failed | Cancelled ──Retry──▶ Queued
//
// Ownership: a value inside Song. Threads: GUI thread only (reports arrive there through queued calls).
// Qt-free. Units: none.

#include <cstdint>

namespace stemcrate::ui {

enum class SongState
{
    Queued,          // waiting for a decode slot or for the separation slot
    Decoding,        // decode and cache lookup running
    WaitingForModel, // decoded; no separation model configured yet
    Separating,
    Done,
    Failed,
    Cancelled
};

enum class SongEvent
{
    // Scheduler (SongQueue):
    StartDecode,
    NeedModel,
    ModelReady,
    StartSeparation,
    // A job's report (must carry the current token):
    Progress,
    Decoded,
    CacheHit,
    CacheMiss,
    Separated,
    Analysed,
    Failed,
    // The user:
    Cancel,
    Retry,
};

inline constexpr int kSongStateCount = int(SongState::Cancelled) + 1;
inline constexpr int kSongEventCount = int(SongEvent::Retry) + 1;

class SongLifecycle
{
public:
    using Token = uint64_t;
    static constexpr Token kNoToken = 0;

    struct Transition
    {
        bool accepted = false;
        SongState from = SongState::Queued;
        SongState to = SongState::Queued;
        Token token = kNoToken; // after the event: the new job's token for StartDecode/StartSeparation
        explicit operator bool() const { return accepted; }
    };

    // Whether `event` is legal in `state`, and where it leads. Pure: the table the class enforces.
    static bool legal(SongState state, SongEvent event, SongState* next = nullptr);
    // Whether `event` comes from a job and so must carry the current token.
    static bool isReport(SongEvent event);

    // The transition function. Refuses (accepted = false, nothing changes) an illegal event, and a job's
    // report whose token is not the current one (a stale report).
    Transition apply(SongEvent event, Token token = kNoToken);

    SongState state() const { return m_state; }
    // The running job's token; kNoToken when no job may report.
    Token token() const { return m_token; }

private:
    SongState m_state = SongState::Queued;
    Token m_token = kNoToken;
    Token m_lastIssued = kNoToken;
};

} // namespace stemcrate::ui
