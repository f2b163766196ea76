#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace hexmap::testing {

// What a child process did: its exit code (-2 when it crashed, -1 when it never finished) and its output.
struct ProcessRun {
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs `program` with `arguments` and waits up to timeoutMs; a process still running then is killed and reported
// with err "timed out". env empty = the test's own environment.
inline ProcessRun runProcess(const QString &program, const QStringList &arguments,
                             const QProcessEnvironment &env = {}, int timeoutMs = 120000,
                             const QString &workingDir = {})
{
    QProcess process;
    if (!env.isEmpty())
        process.setProcessEnvironment(env);
    if (!workingDir.isEmpty())
        process.setWorkingDirectory(workingDir);
    process.start(program, arguments);
    ProcessRun result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("timed out");
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace hexmap::testing
