#pragma once
// The test process's own resident memory, for tests that check what is (not) touched.

#include <cstddef>

namespace stemcrate::test {

// Resident bytes of this process now (/proc/self/statm); 0 when it cannot be read.
std::size_t residentBytes();

} // namespace stemcrate::test
