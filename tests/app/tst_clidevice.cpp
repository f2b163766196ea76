// hexmap-cli on a block device (issue 18), through the real binary, as root (CI runs as root): a 64 MiB image with a
// GPT of three partitions (sfdisk) attached with `losetup -f --show -P`. info reports the size and sector size;
// dump equals xxd of the image; search finds bytes placed at known offsets; a write without --force is refused and
// leaves the image byte-identical; with --force exactly the asked bytes change; a mounted partition makes writes to
// the disk and to that partition refused, naming the mount point, and so is a device another opener holds
// exclusively (O_EXCL: busy); a non-root user gets the permission message;
// zero (BLKZEROOUT) and zero --discard leave zeros; insert is refused. The image is compared whole, after detach.
#include "core/loopdevice.h"
#include "core/otheruser.h"
#include "processrunner.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <fcntl.h>
#include <memory>
#include <unistd.h>

using devicetest::LoopImage;
using hexmap::testing::ProcessRun;
using hexmap::testing::runProcess;

namespace {

constexpr qsizetype kSize = qsizetype(64) << 20;
const QByteArray kNeedle("HEXMAP-NEEDLE");
const qsizetype kNeedleAt[] = {123457, 40000003, 60000000};

QByteArray imageContent()
{
    QByteArray bytes(kSize, '\0');
    for (qsizetype i = 0; i < (qsizetype(1) << 20); ++i)
        bytes[i] = char((i * 131 + (i >> 12)) & 0xff);
    for (qsizetype at : kNeedleAt)
        bytes.replace(at, kNeedle.size(), kNeedle);
    return bytes;
}

ProcessRun cli(const QStringList &args) { return runProcess(QStringLiteral(HEXMAP_CLI_PATH), args); }

qsizetype firstDifference(const QByteArray &a, const QByteArray &b)
{
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i)
        if (a[i] != b[i])
            return i;
    return a.size() == b.size() ? -1 : n;
}

} // namespace

class TestCliDevice : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<LoopImage> m_loop;
    QByteArray m_baseline; // the image as attached (GPT included)
    QString dev() const { return m_loop->device(); }

    // Detaches (flushing the device into the image) and compares the whole image with `expected`.
    void expectImage(const QByteArray &expected)
    {
        m_loop->detach();
        const qsizetype at = firstDifference(m_loop->imageBytes(), expected);
        QVERIFY2(at == -1, qPrintable(QStringLiteral("the image differs at offset %1").arg(at)));
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("attaching loop devices needs root (CI runs as root)");
    }
    void init()
    {
        m_loop = std::make_unique<LoopImage>();
        QString why;
        QVERIFY2(m_loop->attach(imageContent(), kSize, "label: gpt\n,16M\n,16M\n,\n", &why), qPrintable(why));
        m_baseline = m_loop->imageBytes();
        QCOMPARE(m_baseline.size(), kSize);
    }
    void cleanup() { m_loop.reset(); } // unmounts, removes the partitions, detaches, deletes the image

    void infoReportsSizeAndSectors()
    {
        ProcessRun r = cli({QStringLiteral("info"), dev()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("size:       67108864 bytes")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("sectors:    512 bytes logical")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("in use:     none")), qPrintable(r.out));
        r = cli({QStringLiteral("info"), QStringLiteral("--json"), dev()});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("size")).toInteger(), qint64(kSize));
        QCOMPARE(o.value(QStringLiteral("logicalSectorSize")).toInteger(), qint64(512));
        QVERIFY(o.value(QStringLiteral("blockDevice")).toBool());
        QCOMPARE(o.value(QStringLiteral("model")).toString(), QStringLiteral("loop: ") + m_loop->image());
        QCOMPARE(o.value(QStringLiteral("partitions")).toArray().size(), 3);
        QCOMPARE(o.value(QStringLiteral("partitions")).toArray().at(1).toObject().value(QStringLiteral("size")).toInteger(),
                 qint64(16) << 20);
        QVERIFY(o.value(QStringLiteral("mountsAndHolders")).toArray().isEmpty());
    }

    void dumpEqualsXxd()
    {
        const ProcessRun r = cli({QStringLiteral("dump"), dev(), QStringLiteral("--offset"), QStringLiteral("0x1003"),
                                  QStringLiteral("--length"), QStringLiteral("70001")});
        QCOMPARE(r.exitCode, 0);
        const ProcessRun x = runProcess(QStringLiteral("xxd"), {QStringLiteral("-s"), QStringLiteral("4099"),
                                                                 QStringLiteral("-l"), QStringLiteral("70001"),
                                                                 m_loop->image()});
        QCOMPARE(x.exitCode, 0);
        QVERIFY(!x.out.isEmpty());
        QCOMPARE(r.out, x.out);
    }

    void searchAndHashRead()
    {
        const ProcessRun r = cli({QStringLiteral("search"), QStringLiteral("--all"), dev(), QStringLiteral("--text"),
                                  QString::fromLatin1(kNeedle)});
        QCOMPARE(r.exitCode, 0);
        QStringList expected;
        for (qsizetype at : kNeedleAt)
            expected << QStringLiteral("0x%1").arg(at, 0, 16);
        QCOMPARE(r.out.trimmed().split(QLatin1Char('\n')), expected);
        const ProcessRun h = cli({QStringLiteral("hash"), dev()});
        QCOMPARE(h.exitCode, 0);
        const QByteArray sha = QCryptographicHash::hash(m_baseline, QCryptographicHash::Sha256).toHex();
        QVERIFY2(h.out.startsWith(QString::fromLatin1(sha)), qPrintable(h.out));
    }

    void writeWithoutForceIsRefused()
    {
        for (const QStringList &args : {QStringList{QStringLiteral("fill"), dev(), QStringLiteral("0x55")},
                                        QStringList{QStringLiteral("zero"), dev()},
                                        QStringList{QStringLiteral("pattern"), m_loop->partition(2), QStringLiteral("DE AD")}}) {
            const ProcessRun r = cli(args);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(args.at(1)) && r.err.contains(QStringLiteral("--force")), qPrintable(r.err));
        }
        const ProcessRun r = cli({QStringLiteral("insert"), dev(), QStringLiteral("--offset"), QStringLiteral("0"),
                                  QStringLiteral("--hex"), QStringLiteral("00")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("cannot change size")), qPrintable(r.err));
        expectImage(m_baseline);
    }

    void writeWithForceChangesExactlyThoseBytes()
    {
        ProcessRun r = cli({QStringLiteral("fill"), QStringLiteral("--force"), dev(), QStringLiteral("0x77"),
                            QStringLiteral("--offset"), QStringLiteral("1000001"), QStringLiteral("--length"),
                            QStringLiteral("3")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // 0x1000 bytes into partition 2 (which starts at 17 MiB): offsets are the partition's own.
        r = cli({QStringLiteral("pattern"), QStringLiteral("--force"), m_loop->partition(2), QStringLiteral("DE AD BE"),
                 QStringLiteral("--offset"), QStringLiteral("0x1001"), QStringLiteral("--length"), QStringLiteral("5"),
                 QStringLiteral("--sync")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QByteArray expected = m_baseline;
        expected.replace(1000001, 3, QByteArray(3, '\x77'));
        expected.replace((qsizetype(17) << 20) + 0x1001, 5, QByteArray::fromHex("DEADBEDEAD"));
        expectImage(expected);
    }

    void mountedPartitionIsRefused()
    {
        QString why;
        const QString mountPoint = m_loop->mountExt4(m_loop->partition(1), &why);
        QVERIFY2(!mountPoint.isEmpty(), qPrintable(why));
        for (const QString &target : {dev(), m_loop->partition(1)}) {
            const ProcessRun r = cli({QStringLiteral("fill"), QStringLiteral("--force"), target, QStringLiteral("0x41"),
                                      QStringLiteral("--length"), QStringLiteral("1")});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(mountPoint), qPrintable(r.err));
        }
        const ProcessRun info = cli({QStringLiteral("info"), dev()});
        QVERIFY2(info.out.contains(QStringLiteral("mounted on ") + mountPoint), qPrintable(info.out));
        m_loop->unmountAll();
        QByteArray afterMkfs = m_loop->imageBytes(); // mkfs wrote partition 1; nothing else may have changed
        afterMkfs.replace(0, qsizetype(17) << 20, m_baseline.left(qsizetype(17) << 20));
        const qsizetype at = firstDifference(afterMkfs, m_baseline);
        QVERIFY2(at == -1, qPrintable(QStringLiteral("the image differs at offset %1").arg(at)));
    }

    // Held exclusively by another opener (as LVM, md, swap or a mount in another namespace hold a device): the
    // kernel's claim (O_EXCL) says busy, although mountinfo shows nothing.
    void heldExclusivelyIsRefused()
    {
        const int held = ::open(dev().toLocal8Bit().constData(), O_RDONLY | O_EXCL | O_CLOEXEC);
        QVERIFY(held >= 0);
        const ProcessRun r = cli({QStringLiteral("fill"), QStringLiteral("--force"), dev(), QStringLiteral("0x41")});
        ::close(held);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("busy")) && r.err.contains(dev()), qPrintable(r.err));
        expectImage(m_baseline);
    }

    void nonRootGetsPermissionMessage()
    {
        devicetest::OtherUserCopy copy; // runnable by nobody wherever the build tree lives (CI may build under /root)
        QString why;
        QVERIFY2(copy.make(QStringLiteral(HEXMAP_CLI_PATH), &why), qPrintable(why));
        const ProcessRun r = runProcess(QStringLiteral("setpriv"), copy.setprivArguments({QStringLiteral("info"), dev()}),
                                        copy.environment());
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("permission denied: opening block devices needs root or membership")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(dev()), qPrintable(r.err));
    }

    void zero_data()
    {
        QTest::addColumn<bool>("discard");
        QTest::newRow("BLKZEROOUT") << false;
        QTest::newRow("--discard") << true;
    }
    void zero()
    {
        QFETCH(bool, discard);
        QStringList args{QStringLiteral("zero"), QStringLiteral("--force"), dev(), QStringLiteral("--offset"),
                         QStringLiteral("513"), QStringLiteral("--length"), QStringLiteral("2M")};
        if (discard)
            args << QStringLiteral("--discard");
        const ProcessRun r = cli(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QByteArray expected = m_baseline;
        expected.replace(513, qsizetype(2) << 20, QByteArray(qsizetype(2) << 20, '\0'));
        expectImage(expected);
    }
};

QTEST_GUILESS_MAIN(TestCliDevice)
#include "tst_clidevice.moc"
