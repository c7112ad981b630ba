#include "PythonReference.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QtTest>

#include <cmath>

namespace stemcrate::test {

bool runReference(const QStringList& args, QString* log, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(STEMCRATE_PYTHON),
                  QStringList{QStringLiteral(STEMCRATE_TEST_SCRIPTS "/hdemucs_reference.py")} + args);
    const bool finished = process.waitForFinished(timeoutMs);
    if (log)
        *log = QString::fromLocal8Bit(process.readAll());
    if (!finished) {
        process.kill();
        process.waitForFinished();
        if (log)
            *log += QStringLiteral("\n(the reference script did not finish within %1 s: killed)")
                        .arg(timeoutMs / 1000);
        return false;
    }
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

QString makeCheckpoint(const QString& path, const QString& config, const QString& dtype, int seed)
{
    if (QFileInfo::exists(path))
        return path;
    QString log;
    if (!runReference({QStringLiteral("checkpoint"), QStringLiteral("--config"), config,
                       QStringLiteral("--dtype"), dtype, QStringLiteral("--seed"), QString::number(seed),
                       QStringLiteral("--out"), path},
                      &log)) {
        qWarning().noquote() << "reference checkpoint failed:" << log;
        return {};
    }
    return path;
}

std::vector<float> readFloats(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    std::vector<float> values(static_cast<size_t>(bytes.size()) / sizeof(float));
    std::memcpy(values.data(), bytes.constData(), values.size() * sizeof(float));
    return values;
}

double relativeL2(const float* a, const float* b, size_t n)
{
    double diff = 0.0, ref = 0.0;
    for (size_t i = 0; i < n; ++i) {
        const double d = static_cast<double>(a[i]) - b[i];
        diff += d * d;
        ref += static_cast<double>(b[i]) * b[i];
    }
    return ref > 0.0 ? std::sqrt(diff / ref) : std::sqrt(diff);
}

} // namespace stemcrate::test
