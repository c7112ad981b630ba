#pragma once
// Test helpers around tests/python/hdemucs_reference.py, run with Debian's python3-torchaudio.
// Test-thread only. Paths are absolute; raw files are little-endian float32.

#include <QString>
#include <QStringList>

#include <vector>

namespace stemcrate::test {

// Runs the reference script with `args`; on failure returns false and puts its output in `log`. No time
// limit of its own by default: the test's ctest TIMEOUT bounds it (a 300 s limit here failed parity(high)
// on a machine loaded far beyond ctest -j2, the torchaudio reference still running). A limit given and
// passed kills the script and says so in `log`.
bool runReference(const QStringList& args, QString* log, int timeoutMs = -1);

// A random-weights checkpoint of `config` ("low", "medium", "high") in torchaudio's file format, created
// once per process and path. Returns an empty string (and fails the current test) on error.
QString makeCheckpoint(const QString& path, const QString& config = QStringLiteral("high"),
                       const QString& dtype = QStringLiteral("float32"), int seed = 0);

std::vector<float> readFloats(const QString& path);

// Relative L2 error ||a - b|| / ||b||.
double relativeL2(const float* a, const float* b, size_t n);

} // namespace stemcrate::test
