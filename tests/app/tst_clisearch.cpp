// Drives the real `hexmap-cli search`: output format, exit codes 0/1/2/3, --all/--max, ranges, --json, UTF-16,
// case folding, and agreement with a naive scan on a file with matches across the engine's 8 MiB slices.
#include "processrunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestCliSearch : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void results_data();
    void results();
    void usageErrors_data();
    void usageErrors();
    void ioErrors();
    void json();
    void bigFileAgreesWithNaiveScan();

private:
    using Run = hexmap::testing::ProcessRun;
    Run run(const QStringList &arguments);
    QString writeFile(const QString &name, const QByteArray &bytes);
    QTemporaryDir m_dir;
    QString m_small;
};

void TestCliSearch::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // 0: "Hello" 6: "hello" 12: "HELLO" 18: DE AD BE EF 22: "h\0i\0" (UTF-16 "hi") 26: "aaaa"
    m_small = writeFile(QStringLiteral("small.bin"),
                        QByteArray("Hello hello HELLO \xDE\xAD\xBE\xEF" "h\0i\0aaaa", 30));
}

QString TestCliSearch::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

TestCliSearch::Run TestCliSearch::run(const QStringList &arguments)
{
    return hexmap::testing::runProcess(QStringLiteral(HEXMAP_CLI_PATH), QStringList{QStringLiteral("search")} + arguments);
}

void TestCliSearch::results_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("out");
    QTest::newRow("first text") << QStringList{"--text", "hello"} << 0 << "0x6\n";
    QTest::newRow("all ignore-case") << QStringList{"--text", "hello", "--ignore-case", "--all"} << 0 << "0x0\n0x6\n0xc\n";
    QTest::newRow("hex wildcard") << QStringList{"--hex", "DE ?? BE"} << 0 << "0x12\n";
    QTest::newRow("hex at end, overlapping") << QStringList{"--hex", "61 61", "--all"} << 0 << "0x1a\n0x1b\n0x1c\n";
    QTest::newRow("max") << QStringList{"--hex", "61", "--max", "2"} << 0 << "0x1a\n0x1b\n";
    QTest::newRow("utf16") << QStringList{"--text", "hi", "--utf16"} << 0 << "0x16\n";
    QTest::newRow("range") << QStringList{"--text", "ello", "--all", "--offset", "2", "--length", "0xA"} << 0 << "0x7\n";
    QTest::newRow("range cuts match") << QStringList{"--text", "hello", "--offset", "6", "--length", "4"} << 1 << "";
    QTest::newRow("not found") << QStringList{"--text", "absent"} << 1 << "";
    QTest::newRow("threads 2") << QStringList{"--hex", "ef", "--threads", "2"} << 0 << "0x15\n";
}

void TestCliSearch::results()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, out);
    const Run r = run(QStringList{m_small} + args);
    QCOMPARE(r.out, out);
    QCOMPARE(r.exitCode, exitCode);
    if (args.contains(QStringLiteral("--max")))
        QVERIFY2(r.err.contains(QStringLiteral("stopped after 2 matches")), qPrintable(r.err));
    else
        QCOMPARE(r.err, QString());
}

void TestCliSearch::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("errHas"); // the message must name the bad value
    QTest::newRow("no pattern") << QStringList{m_small} << "--hex";
    QTest::newRow("both patterns") << QStringList{m_small, "--hex", "00", "--text", "a"} << "not both";
    QTest::newRow("bad hex") << QStringList{m_small, "--hex", "DE AG"} << "'G'";
    QTest::newRow("odd hex") << QStringList{m_small, "--hex", "DEA"} << "DEA";
    QTest::newRow("only wildcards") << QStringList{m_small, "--hex", "??"} << "wildcards only";
    QTest::newRow("empty text") << QStringList{m_small, "--text", ""} << "empty";
    QTest::newRow("ignore-case with hex") << QStringList{m_small, "--hex", "00", "--ignore-case"} << "--ignore-case";
    QTest::newRow("bad max") << QStringList{m_small, "--hex", "00", "--max", "ten"} << "'ten'";
    QTest::newRow("zero threads") << QStringList{m_small, "--hex", "00", "--threads", "0"} << "'0'";
    QTest::newRow("range past end") << QStringList{m_small, "--hex", "00", "--offset", "31"} << "31";
    QTest::newRow("no file") << QStringList{"--hex", "00"} << "missing argument";
}

void TestCliSearch::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, errHas);
    const Run r = run(args);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QString());
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(r.err.startsWith(QStringLiteral("hexmap-cli search: ")), qPrintable(r.err));
    QVERIFY2(r.err.contains(errHas), qPrintable(r.err));
}

void TestCliSearch::ioErrors()
{
    const Run missing = run({m_dir.filePath(QStringLiteral("missing")), QStringLiteral("--hex"), QStringLiteral("00")});
    QCOMPARE(missing.exitCode, 3);
    QVERIFY2(missing.err.contains(QStringLiteral("missing")) && missing.err.contains(QStringLiteral("No such file")),
             qPrintable(missing.err));
    const Run dir = run({m_dir.path(), QStringLiteral("--hex"), QStringLiteral("00")});
    QCOMPARE(dir.exitCode, 3);
    QVERIFY2(dir.err.contains(QStringLiteral("directory")), qPrintable(dir.err));
    // An empty file holds no match: "not found", like grep.
    const Run empty = run({writeFile(QStringLiteral("empty"), {}), QStringLiteral("--hex"), QStringLiteral("00")});
    QCOMPARE(empty.exitCode, 1);
    QCOMPARE(empty.err, QString());
    const Run help = run({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QStringLiteral("3 I/O error")));
}

void TestCliSearch::json()
{
    const Run r = run({m_small, QStringLiteral("--text"), QStringLiteral("HELLO"), QStringLiteral("--ignore-case"),
                       QStringLiteral("--max"), QStringLiteral("2"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("count")).toInt(), 2);
    QCOMPARE(o.value(QStringLiteral("capped")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("matches")).toArray(), (QJsonArray{QStringLiteral("0x0"), QStringLiteral("0x6")}));
    const Run bad = run({m_small, QStringLiteral("--hex"), QStringLiteral("X"), QStringLiteral("--json")});
    QCOMPARE(bad.exitCode, 2);
    const QJsonObject e = QJsonDocument::fromJson(bad.out.toUtf8()).object();
    QCOMPARE(e.value(QStringLiteral("ok")).toBool(), false);
    QCOMPARE(e.value(QStringLiteral("exitCode")).toInt(), 2);
}

void TestCliSearch::bigFileAgreesWithNaiveScan()
{
    // 20 MiB of filler with the needle planted at the start, just before, across and after the 8 MiB slice
    // edges, and at the very end.
    const QByteArray needle("NeEdLe!");
    QByteArray data(20 << 20, 'x');
    const qint64 edge = 8 << 20;
    const QList<qint64> planted{0, edge - 3, edge + 20, edge * 2 - 8, edge * 2 - 1, edge * 2 + 50,
                                data.size() - needle.size()};
    for (qint64 at : planted)
        data.replace(at, needle.size(), needle);
    QStringList expected;
    for (qint64 at = data.indexOf(needle); at >= 0; at = data.indexOf(needle, at + 1))
        expected << QStringLiteral("0x") + QString::number(at, 16);
    QCOMPARE(expected.size(), planted.size());
    const QString path = writeFile(QStringLiteral("big.bin"), data);
    for (const char *threads : {"1", "2"}) {
        const Run r = run({path, QStringLiteral("--text"), QString::fromLatin1(needle), QStringLiteral("--all"),
                           QStringLiteral("--threads"), QLatin1String(threads)});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, expected.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    }
}

QTEST_GUILESS_MAIN(TestCliSearch)
#include "tst_clisearch.moc"
