#pragma once
// EngineLabel: says where separation runs and in which precision for given options, as the engine decides
// it (separation::EngineChoice, the choice Separator::load() makes): "CUDA (NVIDIA H200), float16" or
// "CPU, 2 threads, float32". The choice is made on a worker (it may initialise CUDA, seconds); the label
// says "checking…" meanwhile, and an answer for options changed since is dropped.
//
// Ownership: a QLabel owned by its parent widget. Threads: GUI thread.

#include "separation/EngineChoice.h"

#include <QLabel>

namespace stemcrate::ui {

class EngineLabel : public QLabel
{
    Q_OBJECT

public:
    explicit EngineLabel(QWidget* parent = nullptr);

    // Shows the engine these options choose, once the worker has decided.
    void showFor(const separation::SeparatorOptions& options);

    static QString describe(const separation::EngineChoice& choice);

private:
    quint64 m_request = 0; // the latest showFor(); older answers are dropped
};

} // namespace stemcrate::ui
