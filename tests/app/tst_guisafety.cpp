// Drives the real `hexmap` binary (offscreen, --list-actions: it builds the window, opens the file, which writes
// Open Recent and the last directory to the settings, then quits) for issue 13:
//  row 12: the settings file is a FIFO (start-up must return, not hang), a symlink to a file (the target must stay
//          byte for byte and inode for inode), or a dangling symlink (nothing created through it); each warns on
//          stderr;
//  row 5:  `hexmap $'v\xff'` opens exactly that file: not "v<U+FFFD>" (a decoy of another size exists), and an
//          error names the bytes as given. The name is passed as raw bytes through /bin/sh's printf, since QProcess
//          only takes QStrings.
#include "processrunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>
#include <sys/stat.h>
#include <unistd.h>

#ifndef HEXMAP_GUI_PATH
#error "tst_guisafety needs the hexmap GUI target"
#endif

namespace {

constexpr int TimeoutMs = 30000;

QByteArray enc(const QString &path) { return QFile::encodeName(path); }

// Through the C library: a QFile would take the name through a QString (a name that is not UTF-8 would change).
bool writeFile(const QByteArray &path, const QByteArray &bytes)
{
    FILE *c = std::fopen(path.constData(), "wb");
    if (!c)
        return false;
    const bool ok = std::fwrite(bytes.constData(), 1, size_t(bytes.size()), c) == size_t(bytes.size());
    return std::fclose(c) == 0 && ok;
}

mode_t lmode(const QString &path)
{
    struct stat st {};
    return ::lstat(enc(path).constData(), &st) == 0 ? st.st_mode : 0;
}

} // namespace

class TestGuiSafety : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void fifoSettingsDoNotHangStartup();
    void symlinkSettingsTargetUntouched();
    void danglingSymlinkSettings();
    void nonUtf8PathOpensExactlyThatFile();
    void nonUtf8PathErrorNamesTheBytes();

private:
    using Run = hexmap::testing::ProcessRun;
    // A fresh HOME-like tree: XDG config, data and cache under `name`.
    QProcessEnvironment environment(const QString &name) const;
    QString settingsFile(const QString &name) const;
    Run run(const QString &name, const QStringList &arguments) const;
    // Runs the GUI from the temporary directory through sh, the file name given as printf(1) escapes.
    QProcess::ExitStatus runRaw(const QString &name, const QByteArray &printfName, int *exitCode, QByteArray *err) const;

    QTemporaryDir m_dir;
    QString m_file;
};

void TestGuiSafety::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_file = m_dir.filePath(QStringLiteral("shown.bin"));
    QVERIFY(writeFile(enc(m_file), QByteArray(4096, 'x')));
}

QProcessEnvironment TestGuiSafety::environment(const QString &name) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(name + QStringLiteral("/config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(name + QStringLiteral("/data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(name + QStringLiteral("/cache")));
    return env;
}

QString TestGuiSafety::settingsFile(const QString &name) const
{
    const QString path = m_dir.filePath(name + QStringLiteral("/config/Hexmap/hexmap.conf"));
    QDir().mkpath(QFileInfo(path).absolutePath());
    return path;
}

TestGuiSafety::Run TestGuiSafety::run(const QString &name, const QStringList &arguments) const
{
    return hexmap::testing::runProcess(QStringLiteral(HEXMAP_GUI_PATH), arguments, environment(name), TimeoutMs);
}

void TestGuiSafety::fifoSettingsDoNotHangStartup()
{
    const QString fifo = settingsFile(QStringLiteral("fifo"));
    QCOMPARE(::mkfifo(enc(fifo).constData(), 0600), 0);
    QElapsedTimer timer;
    timer.start();
    const Run r = run(QStringLiteral("fifo"), {QStringLiteral("--list-actions"), m_file});
    QVERIFY2(r.err != QLatin1String("timed out"), "start-up blocked on the FIFO settings file");
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(r.err.contains(QLatin1String("kept for this session only")) && r.err.contains(QLatin1String("FIFO")),
             qPrintable(r.err));
    QVERIFY(r.out.contains(QLatin1String("Quit"))); // the window was built
    QVERIFY(S_ISFIFO(lmode(fifo)));
}

void TestGuiSafety::symlinkSettingsTargetUntouched()
{
    const QString link = settingsFile(QStringLiteral("link"));
    const QString target = m_dir.filePath(QStringLiteral("link/precious.conf"));
    const QByteArray content("[General]\nview\\bytesPerRow=32\n");
    QVERIFY(writeFile(enc(target), content));
    struct stat before {};
    QCOMPARE(::stat(enc(target).constData(), &before), 0);
    QVERIFY(QFile::link(target, link));
    const Run r = run(QStringLiteral("link"), {QStringLiteral("--list-actions"), m_file});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains(QLatin1String("symbolic link")), qPrintable(r.err));
    QVERIFY(S_ISLNK(lmode(link)));
    struct stat after {};
    QCOMPARE(::stat(enc(target).constData(), &after), 0);
    QCOMPARE(after.st_ino, before.st_ino); // not replaced by a new file
    QFile f(target);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), content); // not changed either
}

void TestGuiSafety::danglingSymlinkSettings()
{
    const QString link = settingsFile(QStringLiteral("dangling"));
    const QString nowhere = m_dir.filePath(QStringLiteral("dangling/nowhere.conf"));
    QVERIFY(QFile::link(nowhere, link));
    const Run r = run(QStringLiteral("dangling"), {QStringLiteral("--list-actions"), m_file});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains(QLatin1String("does not exist")), qPrintable(r.err));
    QVERIFY(S_ISLNK(lmode(link)));
    QVERIFY(!QFileInfo::exists(nowhere));
}

QProcess::ExitStatus TestGuiSafety::runRaw(const QString &name, const QByteArray &printfName, int *exitCode,
                                           QByteArray *err) const
{
    QProcess process;
    process.setProcessEnvironment(environment(name));
    process.setWorkingDirectory(m_dir.path());
    // $0 is the GUI; the name's bytes come from printf, never from a QString.
    process.start(QStringLiteral("/bin/sh"),
                  {QStringLiteral("-c"),
                   QStringLiteral("exec \"$0\" --list-actions \"$(printf '%1')\"").arg(QString::fromLatin1(printfName)),
                   QStringLiteral(HEXMAP_GUI_PATH)});
    if (!process.waitForFinished(TimeoutMs)) {
        process.kill();
        process.waitForFinished();
        *exitCode = -1;
        return QProcess::CrashExit;
    }
    *exitCode = process.exitCode();
    *err = process.readAllStandardError();
    return process.exitStatus();
}

void TestGuiSafety::nonUtf8PathOpensExactlyThatFile()
{
    const QByteArray dir = enc(m_dir.path());
    QVERIFY(writeFile(dir + "/w\xff", QByteArray(100, 'w')));
    int code = 0;
    QByteArray err;
    QCOMPARE(runRaw(QStringLiteral("bytes"), "w\\377", &code, &err), QProcess::NormalExit);
    QVERIFY2(code == 0, err.constData()); // today: "w<U+FFFD>: No such file or directory"
}

void TestGuiSafety::nonUtf8PathErrorNamesTheBytes()
{
    // v\xff is a directory (an error naming it), while "v" + U+FFFD, the name a UTF-8 round trip makes, is a good
    // file: opening it instead would succeed, with the wrong file. (An empty file was the error before empty files
    // could be opened.)
    const QByteArray dir = enc(m_dir.path());
    QCOMPARE(::mkdir((dir + "/v\xff").constData(), 0700), 0);
    QVERIFY(writeFile(dir + "/v\xef\xbf\xbd", QByteArray(200, 'd')));
    int code = 0;
    QByteArray err;
    QCOMPARE(runRaw(QStringLiteral("bytes2"), "v\\377", &code, &err), QProcess::NormalExit);
    QCOMPARE(code, 1);
    QVERIFY2(err.contains(QByteArray("v\xff: is a directory")), err.constData()); // the bytes as given
}

QTEST_MAIN(TestGuiSafety)
#include "tst_guisafety.moc"
