// Drives the real `hexmap-cli hash` and `hexmap-cli stats` (issue 16): output formats (sha256sum's line, ALGO HEX
// lines, --json), every algorithm and the statistics against Python (../core/scanreference.h) on random, text and
// sparse files and ranges, bad input (exit 2), I/O errors (exit 1), a file cut during the scan (exit 3, the offset
// named) and Ctrl+C (exit 130, promptly).
#include "processrunner.h"
#include "core/scanreference.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

class TestCliHash : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void oneAlgorithmIsSha256sumsLine();
    void everyAlgorithmMatchesPython_data();
    void everyAlgorithmMatchesPython();
    void algoList();
    void statsMatchPython_data();
    void statsMatchPython();
    void statsText();
    void emptyFile();
    void usageErrors_data();
    void usageErrors();
    void ioErrors();
    void cutDuringHashExits3();
    void ctrlCExits130();

private:
    using Run = hexmap::testing::ProcessRun;
    static Run cli(const QStringList &arguments) { return hexmap::testing::runProcess(QStringLiteral(HEXMAP_CLI_PATH), arguments); }
    QString writeFile(const QString &name, const QByteArray &bytes);
    QString sparseFile(const QString &name, qint64 size);
    QJsonObject reference(const QString &path, qint64 offset, qint64 length, qint64 block);
    static bool waitUntilOpen(const QProcess &p, const QString &path);
    QTemporaryDir m_dir;
    QString m_random;
    QString m_text;
    QString m_sparse;
};

QString TestCliHash::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// A file of `size` bytes that is a hole except 64 KiB of random bytes at a third of it.
QString TestCliHash::sparseFile(const QString &name, qint64 size)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || !f.resize(size) || !f.seek(size / 3))
        qFatal("cannot make %s", qPrintable(path));
    QByteArray data(65536, Qt::Uninitialized);
    QRandomGenerator g(11);
    for (auto &c : data)
        c = static_cast<char>(g.bounded(256));
    if (f.write(data) != data.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QJsonObject TestCliHash::reference(const QString &path, qint64 offset, qint64 length, qint64 block)
{
    QString error;
    const QJsonObject ref = scantest::reference(QJsonObject{{"path", path}, {"offset", offset}, {"length", length},
                                                            {"block", block}, {"pattern", ""}, {"edits", QJsonArray()}},
                                                &error);
    if (ref.isEmpty())
        qWarning("%s", qPrintable(error));
    return ref;
}

// True once the child has `path` open (its scan has started): /proc/PID/fd, polled for up to 20 s.
bool TestCliHash::waitUntilOpen(const QProcess &p, const QString &path)
{
    const QString fds = QStringLiteral("/proc/%1/fd").arg(p.processId());
    for (int i = 0; i < 2000; ++i) {
        const QStringList entries = QDir(fds).entryList(QDir::Files | QDir::System);
        for (const QString &e : entries) {
            if (QFileInfo(fds + QLatin1Char('/') + e).symLinkTarget() == path)
                return true;
        }
        QTest::qWait(10);
    }
    return false;
}

void TestCliHash::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QByteArray random(400001, Qt::Uninitialized);
    QRandomGenerator g(3);
    for (auto &c : random)
        c = static_cast<char>(g.bounded(256));
    m_random = writeFile(QStringLiteral("random.bin"), random);
    QByteArray text;
    while (text.size() < 200000)
        text += "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n";
    m_text = writeFile(QStringLiteral("text.txt"), text);
    m_sparse = sparseFile(QStringLiteral("sparse.bin"), 3 << 20);
}

void TestCliHash::oneAlgorithmIsSha256sumsLine()
{
    const Run r = cli({QStringLiteral("hash"), m_text});
    QCOMPARE(r.exitCode, 0);
    QProcess sha;
    sha.start(QStringLiteral("sha256sum"), {m_text});
    QVERIFY(sha.waitForFinished(30000));
    QCOMPARE(r.out, QString::fromUtf8(sha.readAllStandardOutput())); // byte-identical, newline included
    QCOMPARE(r.err, QString());
}

void TestCliHash::everyAlgorithmMatchesPython_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<qint64>("length"); // -1: the rest
    QTest::newRow("random") << QStringLiteral("random.bin") << qint64(0) << qint64(-1);
    QTest::newRow("random range") << QStringLiteral("random.bin") << qint64(1000) << qint64(123457);
    QTest::newRow("text") << QStringLiteral("text.txt") << qint64(0) << qint64(-1);
    QTest::newRow("sparse") << QStringLiteral("sparse.bin") << qint64(0) << qint64(-1);
}

void TestCliHash::everyAlgorithmMatchesPython()
{
    QFETCH(QString, file);
    QFETCH(qint64, offset);
    QFETCH(qint64, length);
    const QString path = m_dir.filePath(file);
    if (length < 0)
        length = QFileInfo(path).size() - offset;
    const QString algos = QStringLiteral("crc32,CRC32C,adler32,md5,sha1,sha256,sha512,sha3-256,blake2b-512,xxh3-64,xxh3-128");
    const Run r = cli({QStringLiteral("hash"), path, QStringLiteral("--algo"), algos, QStringLiteral("--offset"),
                       QString::number(offset), QStringLiteral("--length"), QString::number(length),
                       QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value("ok").toBool(), true);
    const QJsonObject hashes = o.value("hashes").toObject();
    QCOMPARE(hashes.size(), 11);
    QVERIFY(hashes.contains("CRC32C")); // the name as given
    const QJsonObject ref = reference(path, offset, length, 65536).value("hashes").toObject();
    QCOMPARE(ref.size(), 11);
    for (auto it = ref.begin(); it != ref.end(); ++it) {
        const QString given = it.key() == QLatin1String("crc32c") ? QStringLiteral("CRC32C") : it.key();
        QCOMPARE(hashes.value(given).toString(), it.value().toString());
    }
    // Several algorithms without --json: one "ALGO HEX" line each, in the order given.
    const Run lines = cli({QStringLiteral("hash"), path, QStringLiteral("--algo"), QStringLiteral("md5,crc32"),
                           QStringLiteral("--offset"), QString::number(offset), QStringLiteral("--length"),
                           QString::number(length)});
    QCOMPARE(lines.exitCode, 0);
    QCOMPARE(lines.out, QStringLiteral("md5 %1\ncrc32 %2\n").arg(ref.value("md5").toString(), ref.value("crc32").toString()));
}

void TestCliHash::algoList()
{
    const Run r = cli({QStringLiteral("hash"), QStringLiteral("--algo"), QStringLiteral("list")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("crc32\ncrc32c\nadler32\nmd5\nsha1\nsha256\nsha512\nsha3-256\nblake2b-512\n"
                                   "xxh3-64\nxxh3-128\n"));
}

void TestCliHash::statsMatchPython_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("block");
    QTest::addColumn<qint64>("blockBytes");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<qint64>("length");
    QTest::newRow("random 4K") << QStringLiteral("random.bin") << QStringLiteral("4K") << qint64(4096) << qint64(0) << qint64(-1);
    QTest::newRow("text 1000, range") << QStringLiteral("text.txt") << QStringLiteral("1000") << qint64(1000) << qint64(77) << qint64(150000);
    QTest::newRow("sparse 64K") << QStringLiteral("sparse.bin") << QStringLiteral("64K") << qint64(65536) << qint64(0) << qint64(-1);
}

void TestCliHash::statsMatchPython()
{
    QFETCH(QString, file);
    QFETCH(QString, block);
    QFETCH(qint64, blockBytes);
    QFETCH(qint64, offset);
    QFETCH(qint64, length);
    const QString path = m_dir.filePath(file);
    if (length < 0)
        length = QFileInfo(path).size() - offset;
    const Run r = cli({QStringLiteral("stats"), path, QStringLiteral("--block"), block, QStringLiteral("--offset"),
                       QString::number(offset), QStringLiteral("--length"), QString::number(length),
                       QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QJsonParseError parse{};
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8(), &parse).object();
    QVERIFY2(parse.error == QJsonParseError::NoError, qPrintable(parse.errorString()));
    QCOMPARE(o.value("block_size").toInteger(), blockBytes);
    const QJsonObject ref = reference(path, offset, length, blockBytes);
    QVERIFY(!ref.isEmpty());
    QCOMPARE(o.value("histogram").toArray(), ref.value("histogram").toArray());
    const QJsonArray entropy = o.value("entropy").toArray();
    const QJsonArray expected = ref.value("entropy").toArray();
    QCOMPARE(entropy.size(), expected.size());
    for (qsizetype i = 0; i < entropy.size(); ++i)
        QVERIFY2(std::abs(entropy.at(i).toDouble() - expected.at(i).toDouble()) < 2e-4, qPrintable(QString::number(i)));
    QCOMPARE(o.value("block_classes").toString(), ref.value("classes").toString());
}

void TestCliHash::statsText()
{
    const Run r = cli({QStringLiteral("stats"), m_sparse, QStringLiteral("--block"), QStringLiteral("1M")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("blocks: 3 of 1048576 bytes")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("zero: 2")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("summary: 67 % zero bytes")), qPrintable(r.out));
}

void TestCliHash::emptyFile()
{
    const QString empty = writeFile(QStringLiteral("empty"), {});
    const Run h = cli({QStringLiteral("hash"), empty, QStringLiteral("--algo"), QStringLiteral("sha256")});
    QCOMPARE(h.exitCode, 0);
    QCOMPARE(h.out, QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  %1\n").arg(empty));
    const Run s = cli({QStringLiteral("stats"), empty, QStringLiteral("--json")});
    QCOMPARE(s.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(s.out.toUtf8()).object();
    QCOMPARE(o.value("entropy").toArray().size(), 0);
    QCOMPARE(o.value("histogram").toArray().size(), 256);
    const Run past = cli({QStringLiteral("hash"), empty, QStringLiteral("--offset"), QStringLiteral("1")});
    QCOMPARE(past.exitCode, 2);
}

void TestCliHash::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("errHas");
    QTest::newRow("unknown algo") << QStringList{"hash", "FILE", "--algo", "sha256,md4"} << "unknown algorithm 'md4' (valid: crc32, crc32c";
    QTest::newRow("no file") << QStringList{"hash"} << "missing argument";
    QTest::newRow("range past end") << QStringList{"hash", "FILE", "--offset", "400000", "--length", "2"} << "past the end";
    QTest::newRow("block 0") << QStringList{"stats", "FILE", "--block", "0"} << "bad --block value '0'";
    QTest::newRow("block absurd") << QStringList{"stats", "FILE", "--block", "2G"} << "bad --block value '2G'";
    QTest::newRow("too many blocks") << QStringList{"stats", "BIG", "--block", "1"} << "blocks of 1 bytes";
    QTest::newRow("bad threads") << QStringList{"stats", "FILE", "--threads", "0"} << "bad --threads value";
}

void TestCliHash::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, errHas);
    args.replaceInStrings(QStringLiteral("FILE"), m_random);
    args.replaceInStrings(QStringLiteral("BIG"), m_sparse);
    if (args.contains(m_sparse)) { // 3 MiB in 1-byte blocks is within the cap: make one that is not
        const QString big = sparseFile(QStringLiteral("big.bin"), qint64(64) << 20);
        args.replaceInStrings(m_sparse, big);
    }
    const Run r = cli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(errHas), qPrintable(r.err));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1); // one line
}

void TestCliHash::ioErrors()
{
    const Run missing = cli({QStringLiteral("hash"), m_dir.filePath(QStringLiteral("missing"))});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains(QStringLiteral("No such file")), qPrintable(missing.err));
    const Run dir = cli({QStringLiteral("stats"), m_dir.path()});
    QCOMPARE(dir.exitCode, 1);
    QVERIFY2(dir.err.contains(QStringLiteral("directory")), qPrintable(dir.err));
    const QString fifo = m_dir.filePath(QStringLiteral("fifo"));
    QCOMPARE(::mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
    const Run f = cli({QStringLiteral("hash"), fifo});
    QCOMPARE(f.exitCode, 1);
    QVERIFY2(f.err.contains(QStringLiteral("not a regular file"), Qt::CaseInsensitive), qPrintable(f.err));
}

// A long hash over a big sparse file (SHA-512 over its zeros) gives the test time to act while it runs.
void TestCliHash::cutDuringHashExits3()
{
    const QString path = sparseFile(QStringLiteral("cut.bin"), qint64(64) << 30);
    QProcess p;
    p.start(QStringLiteral(HEXMAP_CLI_PATH), {QStringLiteral("hash"), path, QStringLiteral("--algo"),
                                              QStringLiteral("sha512,md5")});
    QVERIFY(p.waitForStarted());
    QVERIFY(waitUntilOpen(p, path));
    QTest::qWait(100);
    QCOMPARE(::truncate(path.toLocal8Bit().constData(), 4096), 0);
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 3);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("ends at offset 4096")), qPrintable(err));
}

void TestCliHash::ctrlCExits130()
{
    const QString path = sparseFile(QStringLiteral("long.bin"), qint64(64) << 30);
    QProcess p;
    p.start(QStringLiteral(HEXMAP_CLI_PATH), {QStringLiteral("hash"), path, QStringLiteral("--algo"),
                                              QStringLiteral("sha512,sha3-256")});
    QVERIFY(p.waitForStarted());
    QVERIFY(waitUntilOpen(p, path));
    QTest::qWait(100);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(::kill(static_cast<pid_t>(p.processId()), SIGINT), 0);
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 130);
    // The contract is 100 ms; the bound leaves room for sanitizer builds on a loaded machine.
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QStringLiteral("cancelled")));
}

QTEST_GUILESS_MAIN(TestCliHash)
#include "tst_clihash.moc"
