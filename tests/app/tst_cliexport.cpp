// hexmap-cli export FILE OUTPUT (issue 15, Export Selection's CLI twin): OUTPUT holds exactly the range; an existing
// OUTPUT needs --force; the source itself is refused; holes stay holes; a missing folder fails naming it, exit 1,
// nothing left behind; raw (non-UTF-8) file names work both ways. CopyOut's own cases: tst_copyout.
#include "rawprocess.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <random>
#include <sys/stat.h>

using hexmap::testing::runRaw;

namespace {

QByteArray cli() { return QByteArrayLiteral(HEXMAP_CLI_PATH); }

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    std::mt19937 gen(42);
    for (auto &b : bytes)
        b = char(gen());
    return bytes;
}

bool writeFile(const QByteArray &path, const QByteArray &bytes)
{
    QFile f(QFile::decodeName(path));
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readRaw(const QByteArray &path)
{
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return "<unreadable>";
    QByteArray all;
    char buffer[65536];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;)
        all.append(buffer, n);
    ::close(fd);
    return all;
}

} // namespace

class TestCliExport : public QObject {
    Q_OBJECT
private slots:
    void exportsARange();
    void existingOutputNeedsForce();
    void refusesTheSourceItself();
    void keepsHoles();
    void missingFolderFailsAndLeavesNothing();
    void rawFileNames();

private:
    QByteArray path(const char *name) const { return QFile::encodeName(m_dir.path()) + '/' + name; }
    QTemporaryDir m_dir;
};

void TestCliExport::exportsARange()
{
    const QByteArray bytes = randomBytes(3 << 20);
    QVERIFY(writeFile(path("in.bin"), bytes));
    const auto r = runRaw(cli(), {"export", path("in.bin"), path("out.bin"), "--offset", "0x1001", "--length", "1M"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(readRaw(path("out.bin")), bytes.mid(0x1001, 1 << 20));
    QVERIFY2(r.out.startsWith("exported 1048576 bytes (1.00 MiB) from offset 0x1001 to "), r.out.constData());
    const auto whole = runRaw(cli(), {"export", "--json", path("in.bin"), path("whole.bin")});
    QCOMPARE(whole.exitCode, 0);
    QCOMPARE(readRaw(path("whole.bin")), bytes);
    QVERIFY(whole.out.contains("\"length\":3145728"));
}

void TestCliExport::existingOutputNeedsForce()
{
    QVERIFY(writeFile(path("src.bin"), "new bytes"));
    QVERIFY(writeFile(path("old.bin"), "old"));
    const auto refused = runRaw(cli(), {"export", path("src.bin"), path("old.bin")});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY(refused.err.contains("old.bin: file exists (use --force to replace it)"));
    QCOMPARE(readRaw(path("old.bin")), QByteArray("old"));
    const auto forced = runRaw(cli(), {"export", "--force", path("src.bin"), path("old.bin")});
    QCOMPARE(forced.exitCode, 0);
    QCOMPARE(readRaw(path("old.bin")), QByteArray("new bytes"));
}

void TestCliExport::refusesTheSourceItself()
{
    QVERIFY(writeFile(path("self.bin"), "keep"));
    const auto r = runRaw(cli(), {"export", "--force", path("self.bin"), path("self.bin")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("self.bin is the file being copied"), r.err.constData());
    QCOMPARE(readRaw(path("self.bin")), QByteArray("keep"));
}

void TestCliExport::keepsHoles()
{
    const QByteArray in = path("sparse.bin");
    const int fd = ::open(in.constData(), O_CREAT | O_WRONLY | O_CLOEXEC, 0644);
    QVERIFY(fd >= 0);
    QCOMPARE(::pwrite(fd, "data", 4, 100 << 20), ssize_t(4));
    ::close(fd);
    const auto r = runRaw(cli(), {"export", "--json", in, path("sparse-copy.bin")});
    QCOMPARE(r.exitCode, 0);
    struct stat st {};
    QCOMPARE(::stat(path("sparse-copy.bin").constData(), &st), 0);
    QCOMPARE(st.st_size, off_t((100 << 20) + 4));
    QVERIFY2(st.st_blocks * 512 < (1 << 20), "the hole was written as data");
    QVERIFY(r.out.contains("\"holesKept\":"));
    QFile copy(QFile::decodeName(path("sparse-copy.bin")));
    QVERIFY(copy.open(QIODevice::ReadOnly) && copy.seek(100 << 20));
    QCOMPARE(copy.read(4), QByteArray("data"));
}

void TestCliExport::missingFolderFailsAndLeavesNothing()
{
    QVERIFY(writeFile(path("a.bin"), "abc"));
    const auto r = runRaw(cli(), {"export", path("a.bin"), path("missing/b.bin")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("missing/b.bin: No such file or directory (nothing was written)"), r.err.constData());
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral(".hexmap-create-*")}, QDir::Files | QDir::Hidden),
             QStringList());
}

void TestCliExport::rawFileNames()
{
    const QByteArray in = path("in\xff.bin"), out = path("out\xfe.bin");
    QVERIFY(writeFile(path("tmp.bin"), "raw names"));
    QCOMPARE(::rename(path("tmp.bin").constData(), in.constData()), 0);
    const auto r = runRaw(cli(), {"export", in, out});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(readRaw(out), QByteArray("raw names"));
    QVERIFY2(r.out.contains("out\\xfe.bin"), r.out.constData());
}

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cliexport.moc"
