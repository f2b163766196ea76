// Issue 13 row 9 (CLI side): hexmap-cli finds the journal an interrupted Save left behind when a command opens the
// file: a committed one is replayed (the file gets every new byte) and said in one line on stderr, an uncommitted one
// is discarded (the file keeps its old bytes); a journal that does not match the file is kept and a writing
// command refuses the file. Files are checked with pread.
#include "core/editoverlay.h"
#include "core/enginetesthelpers.h"
#include "core/mappedfile.h"
#include "core/savejournal.h"
#include "processrunner.h"

#include <QtTest>

#include <unistd.h>

using namespace hexmap;
using namespace hexmap::testing;
using namespace enginetest;

class TestCliJournal : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void journalFoundByCommands_data();
    void journalFoundByCommands();

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_journals;
};

void TestCliJournal::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_journals.isValid());
    qputenv("HEXMAP_JOURNAL_DIR", QFile::encodeName(m_journals.path())); // inherited by hexmap-cli
}

void TestCliJournal::journalFoundByCommands_data()
{
    QTest::addColumn<QString>("state"); // committed, uncommitted, mismatch
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("said");
    const QString f = QStringLiteral("%FILE%");
    const QStringList fill{QStringLiteral("fill"), f, QStringLiteral("0x00"), QStringLiteral("--offset"),
                           QStringLiteral("0"), QStringLiteral("--length"), QStringLiteral("1")};
    QTest::newRow("committed, info") << QStringLiteral("committed") << QStringList{QStringLiteral("info"), f} << 0
                                     << QStringLiteral("Completed an interrupted save");
    QTest::newRow("committed, fill") << QStringLiteral("committed") << fill << 0
                                     << QStringLiteral("Completed an interrupted save");
    QTest::newRow("uncommitted, dump") << QStringLiteral("uncommitted") << QStringList{QStringLiteral("dump"), f} << 0
                                       << QStringLiteral("keeps its old bytes");
    QTest::newRow("mismatch, fill refused") << QStringLiteral("mismatch") << fill << 1
                                            << QStringLiteral("Did not apply the journal");
}

void TestCliJournal::journalFoundByCommands()
{
    QFETCH(QString, state);
    QFETCH(QStringList, command);
    QFETCH(int, exitCode);
    QFETCH(QString, said);
    const std::uint64_t size = 2 * page();
    const std::string path = pathIn(m_dir, "target.bin");
    const auto old = patternBytes(0, size, 4);
    {
        QFile f(QString::fromStdString(path));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(reinterpret_cast<const char *>(old.data()), qint64(size)), qint64(size));
    }
    auto expected = old;
    {
        auto file = MappedFile::openReadOnly(path);
        QVERIFY(file.ok());
        auto journal = SaveJournal::begin(file->identity(), path);
        QVERIFY(journal.ok());
        const std::vector<std::byte> edit(300, std::byte{0xC3});
        QVERIFY(journal->add(page() - 100, edit));
        if (state != QLatin1String("uncommitted")) {
            QVERIFY(journal->commit());
            if (state == QLatin1String("committed"))
                std::fill_n(expected.begin() + std::ptrdiff_t(page() - 100), 300, std::byte{0xC3});
        }
    } // closed: as if the Save had been killed
    if (state == QLatin1String("mismatch")) {
        QCOMPARE(::truncate(path.c_str(), off_t(size - 1)), 0); // another program cut it since
        expected.resize(size - 1);
    }
    QStringList arguments = command;
    arguments.replaceInStrings(QStringLiteral("%FILE%"), QString::fromStdString(path));
    const ProcessRun run = runProcess(QStringLiteral(HEXMAP_CLI_PATH), arguments);
    QVERIFY2(run.err.contains(said), qPrintable(run.err));
    QCOMPARE(run.exitCode, exitCode);
    if (command.front() == QLatin1String("fill") && state == QLatin1String("committed"))
        expected[0] = std::byte{0}; // the fill itself, after the replay
    QVERIFY(preadBytes(path, 0, expected.size() + 1) == expected); // also: the size did not change
    const bool kept = state == QLatin1String("mismatch");
    QCOMPARE(QDir(m_journals.path()).entryList(QDir::Files).isEmpty(), !kept);
    for (const QString &name : QDir(m_journals.path()).entryList(QDir::Files))
        QFile::remove(QDir(m_journals.path()).filePath(name));
}

QTEST_GUILESS_MAIN(TestCliJournal)
#include "tst_clijournal.moc"
