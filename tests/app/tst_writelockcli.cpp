// One writer at a time through the real hexmap-cli (issue 13, row 7): while one `hexmap-cli fill` runs (held by the
// pause hook), every other writing command on the same file is refused with exit code 75 and a message naming
// the holder ("being written by hexmap-cli, pid N") and writes nothing; `create --force` cannot replace the file;
// readers still work. A writer in this test process (a read-write MappedFile: what the GUI holds while editing)
// refuses the CLI the same way. Once the holder is gone, the CLI writes again.
#include "core/mappedfile.h"
#include "processrunner.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <unistd.h>

using namespace hexmap;
using hexmap::testing::ProcessRun;
using hexmap::testing::runProcess;

class TestWriteLockCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_runtime.isValid());
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_runtime.path()); // the lock info files of this test
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime.path()));
    }
    void secondCliWriterIsRefused();
    void inProcessWriterRefusesTheCli();

private:
    QString makeFile(const QString &name, qint64 size, char fill);
    ProcessRun cli(const QStringList &arguments) { return runProcess(QStringLiteral(HEXMAP_CLI_PATH), arguments, m_env); }
    static QByteArray readDisk(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    QTemporaryDir m_dir;
    QTemporaryDir m_runtime;
    QProcessEnvironment m_env;
};

QString TestWriteLockCli::makeFile(const QString &name, qint64 size, char fill)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(QByteArray(size, fill)) != size)
        return {};
    return path;
}

void TestWriteLockCli::secondCliWriterIsRefused()
{
    const QString file = makeFile(QStringLiteral("two-writers.bin"), 8 << 20, 'a');
    QVERIFY(!file.isEmpty());
    QProcess first;
    QProcessEnvironment env = m_env;
    env.insert(QStringLiteral("HEXMAP_CLI_TEST_PAUSE_AFTER_CHUNKS"), QStringLiteral("1"));
    first.setProcessEnvironment(env);
    // Fills only the first half, so that the second half shows whether a refused writer wrote anything.
    first.start(QStringLiteral(HEXMAP_CLI_PATH), {QStringLiteral("fill"), file, QStringLiteral("0xEE"),
                                                  QStringLiteral("--length"), QStringLiteral("4M"),
                                                  QStringLiteral("--threads"), QStringLiteral("2"),
                                                  QStringLiteral("--chunk"), QStringLiteral("1M")});
    QVERIFY(first.waitForStarted());
    QByteArray err;
    while (!err.contains("workers paused") && first.state() == QProcess::Running) {
        first.waitForReadyRead(10000);
        err += first.readAllStandardError();
    }
    QVERIFY2(err.contains("workers paused"), err.constData());
    const QString holder = QStringLiteral("being written by hexmap-cli, pid %1").arg(first.processId());
    const QByteArray before = readDisk(file);

    const QList<QStringList> writers = {
        {QStringLiteral("fill"), file, QStringLiteral("0x11")},
        {QStringLiteral("zero"), file},
        {QStringLiteral("pattern"), file, QStringLiteral("DEADBEEF")},
        {QStringLiteral("sync"), file},
        {QStringLiteral("fill"), file, QStringLiteral("0x11"), QStringLiteral("--json")},
    };
    for (const QStringList &arguments : writers) {
        const ProcessRun run = cli(arguments);
        QVERIFY2(run.exitCode == 75, qPrintable(arguments.join(u' ') + QStringLiteral(": exit %1 ").arg(run.exitCode) + run.err));
        QVERIFY2(run.err.startsWith(QStringLiteral("hexmap-cli %1: cannot open: %2 (%3)").arg(arguments[0], file, holder)),
                 qPrintable(run.err));
        QCOMPARE(run.err.count(u'\n'), 1);
        if (arguments.contains(QStringLiteral("--json")))
            QVERIFY2(run.out.contains(QStringLiteral("\"exitCode\":75")), qPrintable(run.out));
    }
    const ProcessRun create = cli({QStringLiteral("create"), file, QStringLiteral("4K"), QStringLiteral("--force")});
    QCOMPARE(create.exitCode, 1);
    QVERIFY2(create.err.contains(holder), qPrintable(create.err));
    QCOMPARE(readDisk(file).mid(4 << 20), before.mid(4 << 20)); // nothing written by the refused ones
    QCOMPARE(QFileInfo(file).size(), qint64(8) << 20);
    // Readers are not writers.
    QCOMPARE(cli({QStringLiteral("info"), file}).exitCode, 0);
    QCOMPARE(cli({QStringLiteral("dump"), file, QStringLiteral("--length"), QStringLiteral("16")}).exitCode, 0);

    ::kill(static_cast<pid_t>(first.processId()), SIGUSR1); // let the first writer finish
    QVERIFY(first.waitForFinished(60000));
    QCOMPARE(first.exitStatus(), QProcess::NormalExit);
    QCOMPARE(first.exitCode(), 0);
    const ProcessRun after = cli({QStringLiteral("fill"), file, QStringLiteral("0x11"), QStringLiteral("--quiet")});
    QVERIFY2(after.exitCode == 0, qPrintable(after.err));
    QCOMPARE(readDisk(file), QByteArray(8 << 20, char(0x11)));
}

void TestWriteLockCli::inProcessWriterRefusesTheCli()
{
    const QString file = makeFile(QStringLiteral("held-here.bin"), 64 * 1024, 'b');
    {
        auto mine = MappedFile::openReadWrite(QFile::encodeName(file).toStdString());
        QVERIFY2(mine.ok(), mine.message().c_str());
        const ProcessRun run = cli({QStringLiteral("fill"), file, QStringLiteral("0x00")});
        QCOMPARE(run.exitCode, 75);
        const QString holder = QStringLiteral("being written by tst_writelockcli, pid %1").arg(::getpid());
        QVERIFY2(run.err.contains(holder), qPrintable(run.err));
        QCOMPARE(readDisk(file), QByteArray(64 * 1024, 'b'));
    } // released with the mapping
    const ProcessRun run = cli({QStringLiteral("fill"), file, QStringLiteral("0x00"), QStringLiteral("--quiet")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(readDisk(file), QByteArray(64 * 1024, '\0'));
}

QTEST_GUILESS_MAIN(TestWriteLockCli)
#include "tst_writelockcli.moc"
