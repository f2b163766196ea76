// Hostile input, table-driven, through the real binaries: every bad path, number, pattern and range that
// hexmap-cli (and the GUI's command line, `hexmap FILE`) can receive. Each row must give one clear line naming the
// value or the file, the right exit code, no crash (exit by signal fails), no hang (a FIFO must not block the
// open) and no modified file (bytes and mtime of every file in the fixture are compared).
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

namespace {

struct FileState {
    QByteArray bytes;
    QDateTime mtime;
    bool operator==(const FileState &o) const { return bytes == o.bytes && mtime == o.mtime; }
};

} // namespace

class TestHostileInput : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void cli_data();
    void cli();
    void gui_data();
    void gui();

private:
    void addPathRows();
    QStringList expand(const QStringList &args) const;
    QMap<QString, FileState> snapshot() const;
    void check(const QString &program, const QStringList &args, int exitCode, const QString &prefix,
               const QString &wording, const QString &names, bool asNobody);

    QTemporaryDir m_dir;
    QString m_roMount; // a folder on a read-only tmpfs, or empty when mount was refused
    QString m_roMountRefused;
    int m_socketFd = -1;
};

void TestHostileInput::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(::chmod(QFile::encodeName(m_dir.path()).constData(), 0755) == 0); // nobody may look inside
    auto write = [&](const char *name, const QByteArray &bytes) {
        QFile f(m_dir.filePath(QString::fromLatin1(name)));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(bytes), bytes.size());
    };
    QByteArray sample(20000, '\0');
    for (int i = 0; i < sample.size(); ++i)
        sample[i] = char((i * 7 + 3) & 0xff);
    write("F", sample);
    write("EMPTY", {});
    write("NOPERM", sample);
    QVERIFY(::chmod(QFile::encodeName(m_dir.filePath(QStringLiteral("NOPERM"))).constData(), 0600) == 0);
    QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("DIR")));
    QVERIFY(::mkfifo(QFile::encodeName(m_dir.filePath(QStringLiteral("FIFO"))).constData(), 0666) == 0);
    QVERIFY(QFile::link(m_dir.filePath(QStringLiteral("LOOP2")), m_dir.filePath(QStringLiteral("LOOP"))));
    QVERIFY(QFile::link(m_dir.filePath(QStringLiteral("LOOP")), m_dir.filePath(QStringLiteral("LOOP2"))));
    QVERIFY(QFile::link(m_dir.filePath(QStringLiteral("F")), m_dir.filePath(QStringLiteral("LINK"))));
    // A listening Unix socket.
    m_socketFd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(m_socketFd >= 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const QByteArray sockPath = QFile::encodeName(m_dir.filePath(QStringLiteral("SOCK")));
    QVERIFY(static_cast<std::size_t>(sockPath.size()) < sizeof addr.sun_path);
    std::memcpy(addr.sun_path, sockPath.constData(), static_cast<std::size_t>(sockPath.size()));
    QVERIFY(::bind(m_socketFd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0);
    QVERIFY(::listen(m_socketFd, 1) == 0);
    // A file on a read-only mount: mount a tmpfs, write the file, remount read-only.
    const QString mountPoint = m_dir.filePath(QStringLiteral("romount"));
    QVERIFY(QDir().mkpath(mountPoint));
    const QByteArray mp = QFile::encodeName(mountPoint);
    if (::mount("tmpfs", mp.constData(), "tmpfs", 0, "size=1M,mode=0755") == 0) {
        QFile f(mountPoint + QStringLiteral("/RO"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(sample), sample.size());
        f.close();
        QVERIFY(::chmod(QFile::encodeName(f.fileName()).constData(), 0666) == 0); // writable bits: only ro mount
        if (::mount("tmpfs", mp.constData(), "tmpfs", MS_REMOUNT | MS_RDONLY, "size=1M,mode=0755") == 0) {
            m_roMount = mountPoint;
        } else {
            m_roMountRefused = QStringLiteral("remount read-only refused: ") + qt_error_string(errno);
            ::umount2(mp.constData(), MNT_DETACH);
        }
    } else {
        m_roMountRefused = QStringLiteral("mount -t tmpfs refused: ") + qt_error_string(errno);
    }
}

void TestHostileInput::cleanupTestCase()
{
    if (!m_roMount.isEmpty())
        ::umount2(QFile::encodeName(m_roMount).constData(), MNT_DETACH);
    if (m_socketFd >= 0)
        ::close(m_socketFd);
}

// These words name fixture files (or files that must not appear); "@RO" is the file on the read-only mount.
static const QStringList kFixtures{"F", "EMPTY", "NOPERM", "DIR", "FIFO", "SOCK", "LOOP", "LINK",
                                   "MISSING", "NEW", "HUGE", "NODIR/x.bin"};

QStringList TestHostileInput::expand(const QStringList &args) const
{
    QStringList out;
    for (const QString &a : args) {
        if (a == QLatin1String("@RO"))
            out << m_roMount + QStringLiteral("/RO");
        else if (kFixtures.contains(a))
            out << m_dir.filePath(a);
        else
            out << a;
    }
    return out;
}

QMap<QString, FileState> TestHostileInput::snapshot() const
{
    QMap<QString, FileState> files;
    QStringList roots{m_dir.path()};
    for (const QString &root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QFileInfo info(path);
            if (info.isSymLink() || !info.isFile())
                continue;
            QFile f(path);
            FileState s;
            if (f.open(QIODevice::ReadOnly))
                s.bytes = f.readAll();
            s.mtime = info.lastModified();
            files.insert(path, s);
        }
    }
    return files;
}

void TestHostileInput::check(const QString &program, const QStringList &args, int exitCode, const QString &prefix,
                             const QString &wording, const QString &names, bool asNobody)
{
    const QMap<QString, FileState> before = snapshot();
    const QStringList expanded = expand(args);
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    if (asNobody && ::geteuid() == 0) {
        p.setChildProcessModifier([] {
            if (::setgid(65534) != 0 || ::setuid(65534) != 0)
                ::_exit(97);
        });
    }
    p.start(program, expanded);
    QVERIFY(p.waitForStarted());
    if (!p.waitForFinished(20000)) {
        p.kill();
        p.waitForFinished();
        QFAIL("hung for 20 s");
    }
    const QString err = QString::fromLocal8Bit(p.readAllStandardError()).trimmed();
    QVERIFY2(p.exitStatus() == QProcess::NormalExit, qPrintable(QStringLiteral("crashed: ") + err));
    QVERIFY2(p.exitCode() != 97, "could not drop privileges to uid 65534");
    QVERIFY2(p.exitCode() == exitCode,
             qPrintable(QStringLiteral("exit code %1, expected %2: %3").arg(p.exitCode()).arg(exitCode).arg(err)));
    QVERIFY2(!err.contains(QLatin1Char('\n')), qPrintable(QStringLiteral("more than one line: ") + err));
    QVERIFY2(err.startsWith(prefix), qPrintable(err));
    QVERIFY2(err.contains(wording, Qt::CaseInsensitive), qPrintable(QStringLiteral("wording '%1' missing: %2").arg(wording, err)));
    const QString named = expand({names}).constFirst();
    QVERIFY2(err.contains(named), qPrintable(QStringLiteral("'%1' not named: %2").arg(named, err)));
    QVERIFY2(snapshot() == before, "a file was modified");
}

void TestHostileInput::addPathRows()
{
    QTest::addColumn<QStringList>("args"); // for the CLI: after the subcommand's name; for the GUI: FILE
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("wording");
    QTest::addColumn<QString>("names"); // the value or fixture file the message must name
    QTest::addColumn<bool>("asNobody");
}

void TestHostileInput::cli_data()
{
    addPathRows();
    struct Row {
        const char *name;
        QStringList args;
        int exitCode;
        const char *wording;
        const char *names;
        bool asNobody = false;
    };
    const QList<Row> rows{
        // Paths.
        {"missing", {"fill", "MISSING", "1"}, 1, "No such file", "MISSING"},
        {"directory", {"info", "DIR"}, 1, "is a directory", "DIR"},
        {"FIFO (must not hang)", {"fill", "FIFO", "1"}, 1, "not a regular file", "FIFO"},
        {"FIFO, read-only command", {"dump", "FIFO"}, 1, "not a regular file", "FIFO"},
        {"socket", {"info", "SOCK"}, 1, "not a regular file", "SOCK"},
        {"/dev/zero", {"fill", "/dev/zero", "1"}, 1, "not a regular file", "/dev/zero"},
        {"/dev/null", {"info", "/dev/null"}, 1, "not a regular file", "/dev/null"},
        {"/dev/urandom", {"search", "/dev/urandom", "--hex", "00"}, 3, "not a regular file", "/dev/urandom"},
        {"symlink loop", {"info", "LOOP"}, 1, "Too many levels of symbolic links", "LOOP"},
        {"no permission (uid 65534)", {"dump", "NOPERM"}, 1, "Permission denied", "NOPERM", true},
        {"no write permission (uid 65534)", {"fill", "F", "1"}, 1, "read-only", "F", true},
        {"zero length, write", {"zero", "EMPTY"}, 2, "empty (0 bytes)", "EMPTY"},
        {"empty file name", {"fill", "", "1"}, 2, "empty file name", ""},
        {"create over a directory", {"create", "DIR", "1K", "--force"}, 1, "directory", "DIR"},
        {"create in a missing folder", {"create", "NODIR/x.bin", "1K"}, 1, "No such file", "NODIR/x.bin"},
        {"create too large", {"create", "HUGE", "0x7FFFFFFFFFFFFFFF"}, 1, "File too large", "HUGE"},
        // Numbers.
        {"byte negative", {"fill", "F", "-1"}, 2, "negative value", "-1"},
        {"byte negative after --", {"fill", "F", "--", "-1"}, 2, "malformed byte", "-1"},
        {"byte 256", {"fill", "F", "256"}, 2, "malformed byte", "256"},
        {"byte past 2^64", {"fill", "F", "18446744073709551617"}, 2, "malformed byte", "18446744073709551617"},
        {"byte garbage suffix", {"fill", "F", "12abc"}, 2, "malformed byte", "12abc"},
        {"byte empty", {"fill", "F", ""}, 2, "malformed byte", "(empty)"},
        {"offset past 2^64", {"dump", "F", "--offset", "18446744073709551616"}, 2, "offset", "18446744073709551616"},
        {"offset garbage suffix", {"dump", "F", "--offset", "10xyz"}, 2, "malformed", "10xyz"},
        {"offset empty", {"dump", "F", "--offset", ""}, 2, "offset", "(empty)"},
        {"length negative", {"zero", "F", "--length", "-5"}, 2, "length", "-5"},
        {"length past 2^64", {"zero", "F", "--length", "99999999999999999999"}, 2, "length", "99999999999999999999"},
        {"size negative", {"create", "NEW", "-5"}, 2, "negative value", "-5"},
        {"size past 2^64", {"create", "NEW", "20E"}, 2, "size", "20E"},
        {"size garbage suffix", {"create", "NEW", "1Q"}, 2, "size", "1Q"},
        {"size empty", {"create", "NEW", ""}, 2, "size", "(empty)"},
        {"threads negative", {"fill", "F", "1", "--threads", "-1"}, 2, "--threads", "-1"},
        {"threads zero", {"fill", "F", "1", "--threads", "0"}, 2, "--threads", "0"},
        {"threads too many", {"fill", "F", "1", "--threads", "257"}, 2, "--threads", "257"},
        {"threads past 2^64", {"fill", "F", "1", "--threads", "18446744073709551617"}, 2, "--threads", "18446744073709551617"},
        {"threads empty", {"zero", "F", "--threads", ""}, 2, "--threads", "''"},
        {"chunk garbage", {"fill", "F", "1", "--chunk", "4Kx"}, 2, "--chunk", "4Kx"},
        {"chunk empty", {"fill", "F", "1", "--chunk", ""}, 2, "--chunk", "''"},
        {"search --max garbage", {"search", "F", "--hex", "00", "--max", "x1"}, 2, "--max", "x1"},
        // Patterns.
        {"pattern odd nibbles", {"pattern", "F", "ABC"}, 2, "pattern", "ABC"},
        {"pattern non-hex", {"pattern", "F", "GG"}, 2, "pattern", "GG"},
        {"pattern empty", {"pattern", "F", ""}, 2, "no hex bytes", "\"\""},
        {"search hex odd", {"search", "F", "--hex", "A"}, 2, "pattern", "A"},
        {"search hex empty", {"search", "F", "--hex", ""}, 2, "no hex bytes", "''"},
        {"search text empty", {"search", "F", "--text", ""}, 2, "empty", "text"},
        // Ranges.
        {"range past the end", {"fill", "F", "1", "--offset", "19999", "--length", "2"}, 2, "past the end", "2"},
        {"offset past the end", {"zero", "F", "--offset", "20001"}, 2, "past the end", "20001"},
        {"offset at the end", {"zero", "F", "--offset", "20000"}, 2, "zero length", "20000"},
        {"zero length", {"pattern", "F", "00", "--length", "0"}, 2, "zero length", "0"},
        {"offset + length overflows", {"fill", "F", "1", "--offset", "10", "--length", "18446744073709551615"}, 2,
         "past the end", "18446744073709551615"},
        {"dump range overflows", {"dump", "F", "--offset", "1", "--length", "0xFFFFFFFFFFFFFFFF"}, 2,
         "past the end", "0xFFFFFFFFFFFFFFFF"},
    };
    for (const Row &r : rows)
        QTest::newRow(r.name) << r.args << r.exitCode << QString::fromUtf8(r.wording) << QString::fromUtf8(r.names)
                              << r.asNobody;
    if (!m_roMountRefused.isEmpty())
        qWarning("read-only mount rows left out: %s", qPrintable(m_roMountRefused));
    else
        QTest::newRow("file on a read-only mount") << QStringList{"fill", "@RO", "1"} << 1
                                                   << QStringLiteral("Read-only file system") << QStringLiteral("@RO")
                                                   << false;
}

void TestHostileInput::cli()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, wording);
    QFETCH(QString, names);
    QFETCH(bool, asNobody);
    check(QStringLiteral(HEXMAP_CLI_PATH), args, exitCode, QStringLiteral("hexmap-cli ") + args.constFirst() + QStringLiteral(": "),
          wording, names, asNobody);
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("NEW"))));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("HUGE"))));
}

void TestHostileInput::gui_data()
{
    addPathRows();
    auto row = [](const char *name, const char *file, const char *wording, bool asNobody = false) {
        QTest::newRow(name) << QStringList{QString::fromLatin1(file)} << 1 << QString::fromLatin1(wording)
                            << QString::fromLatin1(file) << asNobody;
    };
    row("missing", "MISSING", "No such file");
    row("directory", "DIR", "is a directory");
    row("FIFO (must not hang)", "FIFO", "not a regular file");
    row("socket", "SOCK", "not a regular file");
    row("/dev/zero", "/dev/zero", "not a regular file");
    row("symlink loop", "LOOP", "Too many levels of symbolic links");
    row("no permission (uid 65534)", "NOPERM", "Permission denied", true);
}

void TestHostileInput::gui()
{
#ifndef HEXMAP_GUI_PATH
    QSKIP("the GUI is not built (HEXMAP_BUILD_GUI=OFF)");
#else
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, wording);
    QFETCH(QString, names);
    QFETCH(bool, asNobody);
    check(QStringLiteral(HEXMAP_GUI_PATH), args, exitCode,
          QStringLiteral("hexmap: ") + expand(args).constFirst(), wording, names, asNobody); // then ": " or " (a FIFO): "
#endif
}

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostileinput.moc"
