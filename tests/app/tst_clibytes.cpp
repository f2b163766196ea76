// Issue 13 row 5, "bytes are bytes": paths and --text values that are not valid UTF-8 reach hexmap-cli's file
// calls and its search exactly as the bytes in argv (they used to become U+FFFD, so `fill` wrote to another file).
// The binary is started with raw byte arguments (rawprocess.h; QProcess would re-encode them). Beside the file
// $'v\xff' every test keeps a decoy named "v" + U+FFFD (the name the old decoding produced) and checks that it is
// never touched and that no other file appears.
#include "rawprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <dirent.h>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using hexmap::testing::runRaw;

namespace {

const QByteArray kRawName("v\xff");                 // not valid UTF-8
const QByteArray kDecoyName("v\xef\xbf\xbd");        // "v" + U+FFFD in UTF-8
const QByteArray kDecoyBytes("DECOY-DECOY-DECOY-");  // 18 bytes: no 0x77, no 0x5A

QByteArray readAll(const QByteArray &path)
{
    QByteArray bytes; // QFile would re-encode the name (\xff does not round-trip): read with open(2)
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return "<missing>";
    char buffer[65536];
    ssize_t n = 0;
    while ((n = ::read(fd, buffer, sizeof buffer)) > 0)
        bytes.append(buffer, n);
    ::close(fd);
    return bytes;
}

bool writeAll(const QByteArray &path, const QByteArray &bytes)
{
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, bytes.constData(), static_cast<size_t>(bytes.size())) == bytes.size();
    return ::close(fd) == 0 && ok;
}

// The names in `dir` as raw bytes, sorted.
QList<QByteArray> namesIn(const QByteArray &dir)
{
    QList<QByteArray> names;
    if (DIR *d = ::opendir(dir.constData())) {
        while (const dirent *e = ::readdir(d)) {
            const QByteArray name(e->d_name);
            if (name != "." && name != "..")
                names.append(name);
        }
        ::closedir(d);
    }
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

class TestCliBytes : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void commandsUseExactPath_data();
    void commandsUseExactPath();
    void validUtf8NameUnchanged();
    void searchTextRawBytes();
    void searchTextRawBytesUtf16Refused();
    void errorsShowRawBytes();

private:
    QByteArray path(const QByteArray &name) const { return QFile::encodeName(m_dir->path()) + '/' + name; }
    static QByteArray cli() { return QByteArrayLiteral(HEXMAP_CLI_PATH); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCliBytes::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(writeAll(path(kDecoyName), kDecoyBytes));
}

void TestCliBytes::cleanup()
{
    // QTemporaryDir cannot remove a name that is not UTF-8: unlink every entry by its bytes first.
    const QByteArray dir = QFile::encodeName(m_dir->path());
    for (const QByteArray &name : namesIn(dir))
        ::unlink((dir + '/' + name).constData());
    m_dir.reset();
}

void TestCliBytes::commandsUseExactPath_data()
{
    QTest::addColumn<QByteArray>("before");   // content of $'v\xff' before the command ("" = does not exist)
    QTest::addColumn<QList<QByteArray>>("args"); // "@" stands for the path of $'v\xff'
    QTest::addColumn<QByteArray>("after");    // its content afterwards
    QTest::addColumn<QByteArray>("out");      // a fragment stdout must hold
    QByteArray sample(8192, '\x11');
    sample[5] = '\x77';
    QTest::newRow("create") << QByteArray() << QList<QByteArray>{"create", "@", "4096"} << QByteArray(4096, '\0')
                            << QByteArray();
    QTest::newRow("fill") << sample << QList<QByteArray>{"fill", "@", "0x5A", "--quiet", "--threads", "1"}
                          << QByteArray(8192, '\x5a') << QByteArray("filled 8192 bytes");
    QTest::newRow("zero") << sample << QList<QByteArray>{"zero", "@", "--quiet", "--threads", "1"}
                          << QByteArray(8192, '\0') << QByteArray("zeroed 8192 bytes");
    QTest::newRow("pattern") << sample << QList<QByteArray>{"pattern", "@", "AB CD", "--quiet", "--threads", "1"}
                             << QByteArray("\xab\xcd").repeated(4096) << QByteArray("8192 bytes");
    QTest::newRow("info") << sample << QList<QByteArray>{"info", "@", "--json"} << sample
                          << QByteArray("\"size\":8192");
    QTest::newRow("dump") << sample << QList<QByteArray>{"dump", "@", "--length", "16"} << sample
                          << QByteArray("00000000: 1111 1111 1177 1111 1111 1111 1111 1111  .....w..........\n");
    QTest::newRow("search") << sample << QList<QByteArray>{"search", "@", "--hex", "77"} << sample
                            << QByteArray("0x5\n");
    QTest::newRow("sync") << sample << QList<QByteArray>{"sync", "@", "--quiet"} << sample << QByteArray("synced");
}

void TestCliBytes::commandsUseExactPath()
{
    QFETCH(QByteArray, before);
    QFETCH(QList<QByteArray>, args);
    QFETCH(QByteArray, after);
    QFETCH(QByteArray, out);
    const QByteArray raw = path(kRawName);
    if (!before.isEmpty())
        QVERIFY(writeAll(raw, before));
    for (QByteArray &a : args) {
        if (a == "@")
            a = raw;
    }
    const auto run = runRaw(cli(), args);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains(out), run.out.constData());
    QCOMPARE(readAll(raw), after);
    QCOMPARE(readAll(path(kDecoyName)), kDecoyBytes);
    QCOMPARE(namesIn(QFile::encodeName(m_dir->path())), (QList<QByteArray>{kDecoyName, kRawName})); // sorted
}

void TestCliBytes::validUtf8NameUnchanged()
{
    const QByteArray name("caf\xc3\xa9-\xf0\x9f\x98\x80.bin"); // é and an emoji (a surrogate pair in QString)
    const auto run = runRaw(cli(), {"create", path(name), "1K", "--json"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(readAll(path(name)).size(), 1024);
    QCOMPARE(namesIn(QFile::encodeName(m_dir->path())), (QList<QByteArray>{name, kDecoyName}));
    const auto json = QJsonDocument::fromJson(run.out).object();
    QVERIFY(json.value(QStringLiteral("file")).toString().endsWith(QString::fromUtf8(name)));
}

void TestCliBytes::searchTextRawBytes()
{
    // \xff at 2; U+FFFD (what the old decoding searched for) at 5.
    const QByteArray file = path("t");
    QVERIFY(writeAll(file, QByteArray("ab\xff" "cd\xef\xbf\xbd" "x\xff")));
    const auto run = runRaw(cli(), {"search", file, "--text", "\xff", "--all"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.out, QByteArray("0x2\n0x9\n"));
    const auto two = runRaw(cli(), {"search", file, "--text", "cd\xef", "--json"}); // a cut UTF-8 sequence
    QCOMPARE(two.exitCode, 0);
    QVERIFY2(two.out.contains("\"matches\":[\"0x3\"]"), two.out.constData());
    const auto none = runRaw(cli(), {"search", file, "--text", "\xfe"});
    QCOMPARE(none.exitCode, 1);
    QCOMPARE(none.out, QByteArray());
}

void TestCliBytes::searchTextRawBytesUtf16Refused()
{
    const QByteArray file = path("t");
    QVERIFY(writeAll(file, QByteArray("a\0b\0", 4)));
    const auto run = runRaw(cli(), {"search", file, "--text", "a\xff", "--utf16"});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--text") && run.err.contains("'a\\xff'"), run.err.constData());
    QCOMPARE(run.err.count('\n'), 1);
}

void TestCliBytes::errorsShowRawBytes()
{
    const QByteArray missing = path("nope\xfe");
    const auto run = runRaw(cli(), {"info", missing, "--json"});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("nope\\xfe: No such file"), run.err.constData());
    const auto json = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(json.value(QStringLiteral("ok")).toBool(true), false);
    QVERIFY2(json.value(QStringLiteral("error")).toString().contains(QStringLiteral("nope\\xfe")), run.out.constData());
    const auto dump = runRaw(cli(), {"dump", missing});
    QCOMPARE(dump.exitCode, 1);
    QVERIFY2(dump.err.contains("nope\\xfe"), dump.err.constData());
    const auto create = runRaw(cli(), {"create", path(kRawName), "1x"});
    QCOMPARE(create.exitCode, 2);
    QCOMPARE(namesIn(QFile::encodeName(m_dir->path())), QList<QByteArray>{kDecoyName});
}

QTEST_GUILESS_MAIN(TestCliBytes)
#include "tst_clibytes.moc"
