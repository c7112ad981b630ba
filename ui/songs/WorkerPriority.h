#pragma once
// lowerWorkerPriority(): called at the start of every background job (decode, separation, spectrogram
// tiles), so the GUI and audio threads win the cores whenever they have work: batch compute may wait a
// few milliseconds, a frame or an audio buffer may not. On Linux this renices only the calling thread
// (threads it creates later, such as libtorch's OpenMP pool, inherit it). Cheap; idempotent.

#include <QThread>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace stemcrate::ui {

inline void lowerWorkerPriority()
{
#ifdef __linux__
    constexpr int kWorkerNice = 10;
    const auto thread = static_cast<id_t>(syscall(SYS_gettid));
    if (getpriority(PRIO_PROCESS, thread) < kWorkerNice)
        setpriority(PRIO_PROCESS, thread, kWorkerNice);
#else
    QThread::currentThread()->setPriority(QThread::LowPriority);
#endif
}

} // namespace stemcrate::ui
