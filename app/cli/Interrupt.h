#pragma once
// SIGINT/SIGTERM → a flag that long operations poll, so Ctrl+C cancels cleanly between packets or batches
// and never leaves a half-written output (outputs are written atomically after the work is done).

namespace stemcrate::cli {

void installInterruptHandler();
bool interrupted();

} // namespace stemcrate::cli
