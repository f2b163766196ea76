// hexmap-cli partitions: the offsets, sizes, types and names it finds in images that sfdisk made agree with
// `sfdisk --json` of the same image (GPT with named partitions; MBR with logical partitions); damage is warned
// on stderr; an image without a table and bad arguments give the documented exit codes.
#include "app/cli/exitcode.h"
#include "processrunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using hexmap::testing::runProcess;

namespace {

hexmap::testing::ProcessRun runPartitions(const QStringList &args)
{
    return runProcess(QStringLiteral(HEXMAP_CLI_PATH), QStringList{QStringLiteral("partitions")} + args, {}, 60000);
}

QJsonObject jsonOf(const QString &out) { return QJsonDocument::fromJson(out.trimmed().toUtf8()).object(); }

QString sfdiskPath()
{
    QString p = QStandardPaths::findExecutable(QStringLiteral("sfdisk"));
    if (p.isEmpty())
        p = QStandardPaths::findExecutable(QStringLiteral("sfdisk"), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    return p;
}

// sfdisk IMAGE with `script` on stdin; returns its stderr when it failed (empty when it worked).
QString runSfdisk(const QStringList &args, const QByteArray &input, QByteArray *out = nullptr)
{
    QProcess p;
    p.start(sfdiskPath(), args);
    if (!p.waitForStarted(30000))
        return QStringLiteral("sfdisk did not start (install util-linux's fdisk package: scripts/install-deps)");
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        return QStringLiteral("sfdisk timed out");
    if (out)
        *out = p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("sfdisk %1 failed: %2").arg(args.join(QLatin1Char(' ')), QString::fromLocal8Bit(p.readAllStandardError()));
    return {};
}

} // namespace

class TestCliPartitions : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir{QDir::currentPath() + QStringLiteral("/clipartitions-XXXXXX")};
    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    // A sparse image of `size` bytes partitioned by sfdisk from `script`; empty on failure (with *why).
    QString makeImage(const char *name, qint64 size, const QByteArray &script, QString *why)
    {
        const QString p = path(name);
        QFile f(p);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || !f.resize(size)) {
            *why = QStringLiteral("cannot create %1: %2").arg(p, f.errorString());
            return {};
        }
        f.close();
        *why = runSfdisk({QStringLiteral("-q"), QStringLiteral("--no-reread"), QStringLiteral("--no-tell-kernel"), p}, script);
        return why->isEmpty() ? p : QString();
    }

    // Every partition sfdisk lists is in hexmap-cli's JSON with the same number, start, size and type (and name).
    void compareWithSfdisk(const QString &image, const QString &scheme, int expectedCount)
    {
        QByteArray sfOut;
        const QString why = runSfdisk({QStringLiteral("--json"), image}, {}, &sfOut);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        const QJsonObject sf = QJsonDocument::fromJson(sfOut).object().value(QStringLiteral("partitiontable")).toObject();
        const qint64 sector = sf.value(QStringLiteral("sectorsize")).toInteger(512);
        const QJsonArray sfParts = sf.value(QStringLiteral("partitions")).toArray();
        QCOMPARE(sfParts.size(), expectedCount);

        const auto run = runPartitions({image, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err)); // no warnings for a table sfdisk wrote
        const QJsonObject ours = jsonOf(run.out);
        QCOMPARE(ours.value(QStringLiteral("scheme")).toString(), scheme);
        QCOMPARE(ours.value(QStringLiteral("sectorSize")).toInteger(), sector);
        const QJsonArray parts = ours.value(QStringLiteral("partitions")).toArray();
        QCOMPARE(parts.size(), sfParts.size());
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const QJsonObject s = sfParts.at(i).toObject();
            const QJsonObject p = parts.at(i).toObject();
            const QString node = s.value(QStringLiteral("node")).toString();
            QCOMPARE(QString::number(p.value(QStringLiteral("number")).toInteger()), node.mid(image.size()));
            QCOMPARE(p.value(QStringLiteral("start")).toInteger(), s.value(QStringLiteral("start")).toInteger() * sector);
            QCOMPARE(p.value(QStringLiteral("size")).toInteger(), s.value(QStringLiteral("size")).toInteger() * sector);
            QCOMPARE(p.value(QStringLiteral("end")).toInteger(),
                     p.value(QStringLiteral("start")).toInteger() + p.value(QStringLiteral("size")).toInteger());
            QCOMPARE(p.value(QStringLiteral("name")).toString(), s.value(QStringLiteral("name")).toString());
            QCOMPARE(p.value(QStringLiteral("bootable")).toBool(), s.value(QStringLiteral("bootable")).toBool());
            const QString sfType = s.value(QStringLiteral("type")).toString();
            if (scheme == QLatin1String("gpt"))
                QCOMPARE(p.value(QStringLiteral("typeId")).toString(), sfType);
            else
                QCOMPARE(p.value(QStringLiteral("typeId")).toString().mid(2).toUInt(nullptr, 16), sfType.toUInt(nullptr, 16));
        }
    }

    QString gptImage(const char *name, QString *why)
    {
        return makeImage(name, 32 << 20,
                         "label: gpt\n"
                         "size=4MiB, type=uefi, name=\"EFI system\"\n"
                         "size=8MiB, type=linux, name=\"root fs\"\n"
                         "type=swap, name=\"swap\"\n",
                         why);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!sfdiskPath().isEmpty(), "sfdisk is missing: scripts/install-deps installs Debian's fdisk package");
    }

    void gptMatchesSfdisk()
    {
        QString why;
        const QString image = gptImage("gpt.img", &why);
        QVERIFY2(!image.isEmpty(), qPrintable(why));
        compareWithSfdisk(image, QStringLiteral("gpt"), 3);

        const auto text = runPartitions({image});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.startsWith(QStringLiteral("scheme: gpt, sector size 512 bytes, 3 partitions")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("end is exclusive")), qPrintable(text.out));
        // Row 2: number, start, end, size, type, name.
        QVERIFY2(text.out.contains(QRegularExpression(QStringLiteral(
                     "\\n +2 +5242880 +13631488 +8388608 \\(8\\.00 MiB\\) +Linux filesystem +root fs\\n"))),
                 qPrintable(text.out));
    }

    void mbrWithLogicalsMatchesSfdisk()
    {
        QString why;
        const QString image = makeImage("mbr.img", 32 << 20,
                                        "label: dos\n"
                                        "size=4MiB, type=83, bootable\n"
                                        "size=4MiB, type=7\n"
                                        "type=5\n"
                                        "size=4MiB, type=83\n"
                                        "size=2MiB, type=82\n",
                                        &why);
        QVERIFY2(!image.isEmpty(), qPrintable(why));
        compareWithSfdisk(image, QStringLiteral("mbr"), 5);
        const QJsonArray parts = jsonOf(runPartitions({image, QStringLiteral("--json")}).out)
                                     .value(QStringLiteral("partitions")).toArray();
        QCOMPARE(parts.at(2).toObject().value(QStringLiteral("extended")).toBool(), true);
        QCOMPARE(parts.at(3).toObject().value(QStringLiteral("number")).toInteger(), 5);
    }

    void damagedPrimaryHeaderWarnsAndUsesBackup()
    {
        QString why;
        const QString image = gptImage("damaged.img", &why);
        QVERIFY2(!image.isEmpty(), qPrintable(why));
        QFile f(image);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(512 + 40));
        QCOMPARE(f.write("\x7f", 1), qint64(1)); // first usable LBA: the header CRC no longer matches
        f.close();
        const auto run = runPartitions({image});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.startsWith(QStringLiteral("hexmap-cli partitions: warning: the primary GPT header at byte 512 "
                                                   "is unusable (header CRC32 mismatch); using the backup header")),
                 qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("root fs")), qPrintable(run.out));
        const QJsonObject json = jsonOf(runPartitions({image, QStringLiteral("--json")}).out);
        QCOMPARE(json.value(QStringLiteral("warnings")).toArray().size(), 1);
        QCOMPARE(json.value(QStringLiteral("partitions")).toArray().size(), 3);
    }

    void noPartitionTable()
    {
        const QString p = path("zeros.bin");
        QFile f(p);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.resize(1 << 20));
        f.close();
        const auto run = runPartitions({p});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("no partition table\n"));
        QVERIFY(run.err.isEmpty());
        const QJsonObject json = jsonOf(runPartitions({p, QStringLiteral("--json")}).out);
        QCOMPARE(json.value(QStringLiteral("scheme")).toString(), QStringLiteral("none"));
        QCOMPARE(json.value(QStringLiteral("partitions")).toArray().size(), 0);
        QCOMPARE(json.value(QStringLiteral("ok")).toBool(), true);
    }

    void errors()
    {
        const auto missing = runPartitions({path("missing.img")});
        QCOMPARE(missing.exitCode, int(hexmap::cli::ExitIoError));
        QVERIFY2(missing.err.startsWith(QStringLiteral("hexmap-cli partitions: ")), qPrintable(missing.err));
        QVERIFY2(missing.err.contains(QStringLiteral("missing.img")), qPrintable(missing.err));
        const auto badSector = runPartitions({path("missing.img"), QStringLiteral("--sector-size"), QStringLiteral("1024")});
        QCOMPARE(badSector.exitCode, int(hexmap::cli::ExitUsage));
        QVERIFY2(badSector.err.contains(QStringLiteral("512 or 4096")), qPrintable(badSector.err));
        QCOMPARE(runPartitions({}).exitCode, int(hexmap::cli::ExitUsage));
    }
};

QTEST_GUILESS_MAIN(TestCliPartitions)
#include "tst_clipartitions.moc"
