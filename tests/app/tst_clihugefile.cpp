// hexmap-cli on a 100 TiB sparse file (issue 18, "Any size, really"): too large for the 47-bit user address space,
// so it opens unmapped (pread/pwrite). The file lives on /dev/shm (tmpfs allows such sizes; ext4 stops at 16 TiB)
// in a QTemporaryDir, removed also when a test fails. No HEXMAP_MAP_LIMIT here: the real mmap refusal is tested.
#include "processrunner.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace {

constexpr quint64 kTiB = quint64(1) << 40;
constexpr quint64 kSize = 100 * kTiB;

using Run = hexmap::testing::ProcessRun;

Run cli(const QStringList &arguments)
{
    return hexmap::testing::runProcess(QStringLiteral(HEXMAP_CLI_PATH), arguments);
}

QString describe(const Run &r)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(r.exitCode).arg(r.out, r.err);
}

} // namespace

class TestCliHugeFile : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void infoSaysUnmapped();
    void dumpShowsZerosThenWrittenBytes();
    void searchFindsPlacedBytes();
    void fillWritesExactlyTheRange();

private:
    bool pwriteAt(quint64 offset, const QByteArray &bytes, QString *error);
    QByteArray preadAt(quint64 offset, qint64 size);
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestCliHugeFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/dev/shm/tst_clihugefile-XXXXXX"));
    QVERIFY2(m_dir->isValid(), qPrintable(QStringLiteral("cannot make a folder in /dev/shm: %1").arg(m_dir->errorString())));
    m_path = m_dir->filePath(QStringLiteral("huge.bin"));
    QFile f(m_path);
    QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(f.errorString()));
    QVERIFY2(f.resize(qint64(kSize)),
             qPrintable(QStringLiteral("cannot make a 100 TiB sparse file in /dev/shm (tmpfs): %1").arg(f.errorString())));
}

void TestCliHugeFile::cleanup()
{
    m_dir.reset(); // removes the file, also after a failed test
}

bool TestCliHugeFile::pwriteAt(quint64 offset, const QByteArray &bytes, QString *error)
{
    const int fd = ::open(QFile::encodeName(m_path).constData(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    const ssize_t n = ::pwrite(fd, bytes.constData(), std::size_t(bytes.size()), off_t(offset));
    const int err = errno;
    ::close(fd);
    if (n != bytes.size())
        *error = n < 0 ? QString::fromLocal8Bit(std::strerror(err)) : QStringLiteral("short write");
    return n == bytes.size();
}

QByteArray TestCliHugeFile::preadAt(quint64 offset, qint64 size)
{
    QByteArray out(size, '\0');
    const int fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return {};
    const ssize_t n = ::pread(fd, out.data(), std::size_t(size), off_t(offset));
    ::close(fd);
    out.resize(n < 0 ? 0 : qsizetype(n));
    return out;
}

void TestCliHugeFile::infoSaysUnmapped()
{
    const Run r = cli({QStringLiteral("info"), m_path});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QVERIFY2(r.out.contains(QStringLiteral("size:       %1 bytes (100.00 TiB)").arg(kSize)), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("mapping:    none (too large to map: reads and writes use pread/pwrite)")),
             qPrintable(r.out));
    const Run json = cli({QStringLiteral("info"), QStringLiteral("--json"), m_path});
    QVERIFY2(json.exitCode == 0, qPrintable(describe(json)));
    QVERIFY2(json.out.contains(QStringLiteral("\"mapped\":false")), qPrintable(json.out));
}

void TestCliHugeFile::dumpShowsZerosThenWrittenBytes()
{
    const quint64 at = 0x50000000000ull;
    const QStringList args{QStringLiteral("dump"), m_path, QStringLiteral("--offset"), QStringLiteral("0x50000000000"),
                           QStringLiteral("--length"), QStringLiteral("64")};
    Run r = cli(args);
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QString zeros;
    for (int line = 0; line < 4; ++line)
        zeros += QStringLiteral("%1: 0000 0000 0000 0000 0000 0000 0000 0000  ................\n")
                     .arg(at + 16 * line, 0, 16);
    QCOMPARE(r.out, zeros);

    QString error;
    QVERIFY2(pwriteAt(at + 17, QByteArrayLiteral("HUGE\x01\xff"), &error), qPrintable(error));
    r = cli(args);
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(0), zeros.split(QLatin1Char('\n')).at(0));
    QCOMPARE(lines.at(1), QStringLiteral("50000000010: 0048 5547 4501 ff00 0000 0000 0000 0000  .HUGE..........."));
    QCOMPARE(lines.at(3), zeros.split(QLatin1Char('\n')).at(3));
}

void TestCliHugeFile::searchFindsPlacedBytes()
{
    const quint64 at = 99 * kTiB + (512u << 20) + 3; // in the middle of the searched gigabyte
    QString error;
    QVERIFY2(pwriteAt(at, QByteArrayLiteral("NEEDLE\xde\xad"), &error), qPrintable(error));
    const QStringList range{QStringLiteral("--offset"), QStringLiteral("99T"), QStringLiteral("--length"), QStringLiteral("1G")};
    Run r = cli(QStringList{QStringLiteral("search"), m_path, QStringLiteral("--text"), QStringLiteral("NEEDLE")} + range);
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QCOMPARE(r.out, QStringLiteral("0x%1\n").arg(at, 0, 16));
    r = cli(QStringList{QStringLiteral("search"), m_path, QStringLiteral("--hex"), QStringLiteral("45 DE AD")} + range);
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QCOMPARE(r.out, QStringLiteral("0x%1\n").arg(at + 5, 0, 16));
    // Not in the range before it: exit 1, nothing found.
    r = cli({QStringLiteral("search"), m_path, QStringLiteral("--text"), QStringLiteral("NEEDLE"), QStringLiteral("--offset"),
             QStringLiteral("98T"), QStringLiteral("--length"), QStringLiteral("1G")});
    QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
}

void TestCliHugeFile::fillWritesExactlyTheRange()
{
    const quint64 at = 50 * kTiB;
    const qint64 length = 1 << 20;
    const Run r = cli({QStringLiteral("fill"), m_path, QStringLiteral("0xAB"), QStringLiteral("--offset"), QStringLiteral("50T"),
                       QStringLiteral("--length"), QStringLiteral("1M"), QStringLiteral("--quiet")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    const QByteArray back = preadAt(at - 1, length + 2);
    QCOMPARE(back.size(), length + 2);
    QCOMPARE(back.front(), '\0');
    QCOMPARE(back.back(), '\0');
    QCOMPARE(back.mid(1, length), QByteArray(length, '\xAB'));
    QCOMPARE(QFileInfo(m_path).size(), qint64(kSize)); // the size never changes
}

QTEST_GUILESS_MAIN(TestCliHugeFile)
#include "tst_clihugefile.moc"
