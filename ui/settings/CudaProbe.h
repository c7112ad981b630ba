#pragma once
// CudaProbe: whether separation can run on a CUDA GPU. Asking initialises the CUDA runtime (up to seconds
// on a machine with a GPU), so it is asked once per process, on a worker, and the answer is kept.
//
// Threads: GUI thread only; `done` runs on the GUI thread (at once, queued, when the answer is known), and
// not at all if `context` is destroyed first.

#include <QObject>

#include <functional>

namespace stemcrate::ui {

class CudaProbe
{
public:
    static void whenKnown(QObject* context, std::function<void(bool available)> done);
};

} // namespace stemcrate::ui
