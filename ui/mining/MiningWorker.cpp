#include "mining/MiningWorker.h"

namespace stemcrate::ui {

MiningWorker::MiningWorker(QObject* parent) : QObject(parent) {}

MiningWorker::~MiningWorker()
{
    m_cancelled->store(true);
    m_pool.waitForDone(); // the job checks the flag: a short wait, only at close
}

void MiningWorker::cancelAll()
{
    m_cancelled->store(true);
    m_cancelled = std::make_shared<std::atomic<bool>>(false);
}

} // namespace stemcrate::ui
