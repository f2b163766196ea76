// The save journal (redo log) on its own and through saveOverlay: a committed journal is replayed by
// recoverSaveJournal (the file becomes all-new), an uncommitted or damaged one is discarded (all-old), a journal
// whose header does not match the file is refused and kept, a journal held by a Save in progress is left alone,
// and a journal that cannot be written stops the Save before any byte of the file is written.
#include "core/crc32c.h"
#include "core/editoverlay.h"
#include "core/journallocation.h"
#include "core/journalrecovery.h"
#include "core/mappedfile.h"
#include "core/overlaysaver.h"
#include "core/savejournal.h"
#include "core/savejournalreader.h"
#include "enginetesthelpers.h"

#include <QtTest>

#include <fcntl.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

using namespace hexmap;
using namespace enginetest;

class TestSaveJournal : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void crc32cKnownValues();
    void locationFollowsTheEnvironment();
    void roundTrip_data();
    void roundTrip();
    void uncommittedJournalIsDiscarded();
    void damagedJournalIsDiscarded_data();
    void damagedJournalIsDiscarded();
    void identityMismatchIsRefused_data();
    void identityMismatchIsRefused();
    void journalInUseIsLeftAlone();
    void saveRemovesItsJournal();
    void unwritableJournalWritesNothing();
    void saveWithoutJournal();

private:
    // A file of `size` pattern bytes (seed 3), written with plain write(2); returns its path.
    std::string makeFile(const char *name, std::uint64_t size);
    // A committed journal for `path` that writes `records` (offset, bytes) over it.
    std::string writeJournal(const std::string &path, const std::vector<EditOverlay::Run> &records, bool commit = true);
    QStringList journals() const { return QDir(m_journals.path()).entryList(QDir::Files); }

    QTemporaryDir m_dir;
    QTemporaryDir m_journals;
};

void TestSaveJournal::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_journals.isValid());
}

void TestSaveJournal::init()
{
    qputenv("HEXMAP_JOURNAL_DIR", QFile::encodeName(m_journals.path()));
    for (const QString &name : journals())
        QFile::remove(QDir(m_journals.path()).filePath(name));
}

std::string TestSaveJournal::makeFile(const char *name, std::uint64_t size)
{
    const std::string path = pathIn(m_dir, name);
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    const auto bytes = patternBytes(0, size, 3);
    file.write(reinterpret_cast<const char *>(bytes.data()), qint64(bytes.size()));
    return path;
}

std::string TestSaveJournal::writeJournal(const std::string &path, const std::vector<EditOverlay::Run> &records,
                                          bool commit)
{
    auto file = MappedFile::openReadOnly(path);
    if (!file)
        return {};
    auto journal = SaveJournal::begin(file->identity(), path);
    if (!journal)
        return {};
    for (const auto &r : records)
        if (!journal->add(r.offset, r.bytes))
            return {};
    if (commit && !journal->commit())
        return {};
    return journal->path(); // closed (unlocked) here, as after a crash
}

void TestSaveJournal::crc32cKnownValues()
{
    const char *check = "123456789";
    QCOMPARE(crc32c(0, std::as_bytes(std::span(check, 9))), 0xE3069283u); // the CRC-32C check value
    QCOMPARE(crc32c(0, {}), 0u);
    std::vector<std::byte> zeros(32);
    QCOMPARE(crc32c(0, zeros), 0x8A9136AAu); // RFC 3720 B.4: 32 bytes of zeros
    // Chained in pieces == at once, across the 8-byte steps.
    const auto data = patternBytes(0, 1000, 9);
    for (std::size_t cut : {std::size_t(0), std::size_t(1), std::size_t(7), std::size_t(8), std::size_t(999)})
        QCOMPARE(crc32c(crc32c(0, std::span(data).first(cut)), std::span(data).subspan(cut)), crc32c(0, data));
}

void TestSaveJournal::locationFollowsTheEnvironment()
{
    const QByteArray saved = qgetenv("HEXMAP_JOURNAL_DIR");
    qputenv("HEXMAP_JOURNAL_DIR", "/somewhere/j");
    QCOMPARE(QString::fromStdString(saveJournalPath(0x801, 0x1234)), QStringLiteral("/somewhere/j/801-1234.hexmap-journal"));
    qunsetenv("HEXMAP_JOURNAL_DIR");
    const QByteArray xdg = qgetenv("XDG_DATA_HOME");
    qputenv("XDG_DATA_HOME", "/data");
    QCOMPARE(QString::fromStdString(saveJournalDirectory()), QStringLiteral("/data/hexmap/journals"));
    qputenv("XDG_DATA_HOME", "relative/ignored");
    QCOMPARE(QString::fromStdString(saveJournalDirectory()),
             QDir::homePath() + QStringLiteral("/.local/share/hexmap/journals"));
    if (xdg.isNull())
        qunsetenv("XDG_DATA_HOME");
    else
        qputenv("XDG_DATA_HOME", xdg);
    qputenv("HEXMAP_JOURNAL_DIR", saved);
}

void TestSaveJournal::roundTrip_data()
{
    QTest::addColumn<quint64>("size");
    QTest::addColumn<QList<quint64>>("offsets");
    QTest::addColumn<QList<quint64>>("lengths");
    const quint64 p = page();
    QTest::newRow("size 1") << quint64(1) << QList<quint64>{0} << QList<quint64>{1};
    QTest::newRow("page-1, page, page+1") << 4 * p << QList<quint64>{p - 1, 2 * p, 3 * p + 1}
                                          << QList<quint64>{1, p, p - 1};
    QTest::newRow("last byte") << 2 * p + 3 << QList<quint64>{2 * p + 2} << QList<quint64>{1};
    QTest::newRow("64 KiB and 3 MiB records (written directly)") << quint64(8 << 20) << QList<quint64>{5, 4u << 20}
                                                                 << QList<quint64>{64u << 10, 3u << 20};
    QTest::newRow("1000 one-byte records (buffered)") << quint64(1 << 20) << [] {
        QList<quint64> o;
        for (quint64 i = 0; i < 1000; ++i)
            o.append(i * 1000 + 7);
        return o;
    }() << QList<quint64>(1000, 1);
}

void TestSaveJournal::roundTrip()
{
    QFETCH(quint64, size);
    QFETCH(QList<quint64>, offsets);
    QFETCH(QList<quint64>, lengths);
    const std::string path = makeFile("roundtrip.bin", size);
    auto expected = patternBytes(0, size, 3);
    std::vector<EditOverlay::Run> records;
    for (qsizetype i = 0; i < offsets.size(); ++i) {
        EditOverlay::Run run{offsets[i], patternBytes(offsets[i], lengths[i], 11 + std::uint64_t(i))};
        std::copy(run.bytes.begin(), run.bytes.end(), expected.begin() + std::ptrdiff_t(run.offset));
        records.push_back(std::move(run));
    }
    const std::string journalPath = writeJournal(path, records);
    QVERIFY(!journalPath.empty());
    QVERIFY(QFile::exists(QString::fromStdString(journalPath)));

    const int fd = ::open(journalPath.c_str(), O_RDONLY | O_CLOEXEC);
    QVERIFY(fd >= 0);
    auto contents = readSaveJournal(fd, journalPath);
    ::close(fd);
    QVERIFY(contents.ok());
    QVERIFY2(contents->committed, contents->problem.c_str());
    QCOMPARE(contents->size, size);
    QCOMPARE(QString::fromStdString(contents->path), QFileInfo(QString::fromStdString(path)).canonicalFilePath());
    QCOMPARE(contents->records.size(), records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
        QCOMPARE(contents->records[i].offset, records[i].offset);
        QVERIFY(preadBytes(journalPath, contents->records[i].dataPosition, records[i].bytes.size()) == records[i].bytes);
    }
    QVERIFY(preadBytes(path, 0, size) == patternBytes(0, size, 3)); // the journal alone changes nothing

    const JournalRecovery recovery = recoverSaveJournal(path);
    QCOMPARE(recovery.outcome, JournalOutcome::Replayed);
    QCOMPARE(recovery.ranges, std::uint64_t(records.size()));
    QVERIFY(QString::fromStdString(recovery.message()).contains(QLatin1String("Completed an interrupted save")));
    QVERIFY(preadBytes(path, 0, size) == expected); // all-new
    QVERIFY(journals().isEmpty());
    QCOMPARE(recoverSaveJournal(path).outcome, JournalOutcome::None); // once only
}

void TestSaveJournal::uncommittedJournalIsDiscarded()
{
    const std::string path = makeFile("uncommitted.bin", 3 * page());
    const std::string journalPath = writeJournal(path, {{page(), std::vector<std::byte>(page(), std::byte{0xEE})}}, false);
    QVERIFY(!journalPath.empty());
    const JournalRecovery recovery = recoverSaveJournal(path);
    QCOMPARE(recovery.outcome, JournalOutcome::Discarded);
    QVERIFY(QString::fromStdString(recovery.message()).contains(QLatin1String("keeps its old bytes")));
    QVERIFY(preadBytes(path, 0, 3 * page()) == patternBytes(0, 3 * page(), 3)); // all-old
    QVERIFY(journals().isEmpty());
}

void TestSaveJournal::damagedJournalIsDiscarded_data()
{
    QTest::addColumn<int>("cutAt");    // truncate the journal to this many bytes (-1: no cut)
    QTest::addColumn<int>("flipAt");   // flip one byte here (-1: none); from the end when negative below -1
    QTest::newRow("empty") << 0 << -1;
    QTest::newRow("half a header") << 20 << -1;
    QTest::newRow("header only") << 40 + 1 << -1; // the header's fixed part: the path and its crc are missing
    QTest::newRow("first record cut") << 200 << -1;
    QTest::newRow("commit record cut") << -24 - 2 << -1; // counted from the end (see below)
    QTest::newRow("a new byte flipped") << -1 << 150;
    QTest::newRow("the commit record flipped") << -1 << -10;
}

void TestSaveJournal::damagedJournalIsDiscarded()
{
    QFETCH(int, cutAt);
    QFETCH(int, flipAt);
    const std::string path = makeFile("damaged.bin", 2 * page());
    const std::string journalPath = writeJournal(path, {{10, std::vector<std::byte>(300, std::byte{0xAB})},
                                                        {page() + 1, std::vector<std::byte>(20, std::byte{0xCD})}});
    QVERIFY(!journalPath.empty());
    const auto size = static_cast<int>(QFileInfo(QString::fromStdString(journalPath)).size());
    const int fd = ::open(journalPath.c_str(), O_RDWR | O_CLOEXEC);
    QVERIFY(fd >= 0);
    if (cutAt != -1)
        QCOMPARE(::ftruncate(fd, cutAt < -1 ? size + cutAt + 24 : cutAt), 0);
    if (flipAt != -1) {
        const off_t at = flipAt < 0 ? size + flipAt : flipAt;
        char c = 0;
        QCOMPARE(::pread(fd, &c, 1, at), ssize_t(1));
        c = char(c ^ 0x40);
        QCOMPARE(::pwrite(fd, &c, 1, at), ssize_t(1));
    }
    ::close(fd);
    const JournalRecovery recovery = recoverSaveJournal(path);
    QCOMPARE(recovery.outcome, JournalOutcome::Discarded);
    QVERIFY(!recovery.reason.empty());
    QVERIFY(preadBytes(path, 0, 2 * page()) == patternBytes(0, 2 * page(), 3));
    QVERIFY(journals().isEmpty());
}

void TestSaveJournal::identityMismatchIsRefused_data()
{
    QTest::addColumn<QString>("change");
    QTest::newRow("truncated since") << QStringLiteral("truncate");
    QTest::newRow("renamed since (another path)") << QStringLiteral("rename");
}

void TestSaveJournal::identityMismatchIsRefused()
{
    QFETCH(QString, change);
    std::string path = makeFile("mismatch.bin", 4 * page());
    const std::string journalPath = writeJournal(path, {{5, std::vector<std::byte>(8, std::byte{0x11})}});
    QVERIFY(!journalPath.empty());
    std::uint64_t size = 4 * page();
    if (change == QLatin1String("truncate")) {
        QCOMPARE(::truncate(path.c_str(), off_t(2 * page())), 0);
        size = 2 * page();
    } else {
        const std::string moved = pathIn(m_dir, "moved.bin");
        QCOMPARE(::rename(path.c_str(), moved.c_str()), 0);
        path = moved;
    }
    const JournalRecovery recovery = recoverSaveJournal(path);
    QCOMPARE(recovery.outcome, JournalOutcome::Refused);
    QVERIFY(recovery.leavesFilePending());
    QVERIFY(QString::fromStdString(recovery.message()).contains(QString::fromStdString(journalPath)));
    QVERIFY(preadBytes(path, 0, size) == patternBytes(0, size, 3)); // not applied
    QVERIFY(QFile::exists(QString::fromStdString(journalPath)));   // kept
    QCOMPARE(recoverSaveJournal(path).outcome, JournalOutcome::Refused); // and refused again
}

void TestSaveJournal::journalInUseIsLeftAlone()
{
    const std::string path = makeFile("busy.bin", page());
    auto file = MappedFile::openReadOnly(path);
    QVERIFY(file.ok());
    auto journal = SaveJournal::begin(file->identity(), path); // a Save in progress (this process holds the lock)
    QVERIFY(journal.ok());
    QVERIFY(journal->add(0, std::vector<std::byte>(4, std::byte{1})));
    const JournalRecovery recovery = recoverSaveJournal(path);
    QCOMPARE(recovery.outcome, JournalOutcome::Busy);
    QVERIFY(QFile::exists(QString::fromStdString(journal->path())));
    auto second = SaveJournal::begin(file->identity(), path); // a second Save of the same file is refused
    QVERIFY(!second.ok());
    QCOMPARE(second.code(), make_error_code(Errc::WriteLocked));
    QVERIFY(journal->remove());
    QVERIFY(journals().isEmpty());
}

void TestSaveJournal::saveRemovesItsJournal()
{
    const std::string path = makeFile("save.bin", 3 * page());
    auto file = MappedFile::openReadWrite(path);
    QVERIFY(file.ok());
    EditOverlay overlay;
    QVERIFY(overlay.set(page() - 1, std::vector<std::byte>(2, std::byte{0x77})));
    const SaveReport report = saveOverlay(*file, overlay);
    QVERIFY2(report.ok(), report.summary().c_str());
    QVERIFY(!report.journalPath.empty());
    QVERIFY(!report.journalKept);
    QVERIFY(journals().isEmpty());
    auto expected = patternBytes(0, 3 * page(), 3);
    expected[page() - 1] = expected[page()] = std::byte{0x77};
    QVERIFY(preadBytes(path, 0, 3 * page()) == expected);
    QCOMPARE(file->checkIdentity().value(), FileChange::None); // our own write is not "modified by another program"
}

void TestSaveJournal::unwritableJournalWritesNothing()
{
    const std::string path = makeFile("nojournal.bin", 2 * page());
    const std::string blocker = pathIn(m_dir, "not-a-directory");
    QFile(QString::fromStdString(blocker)).open(QIODevice::WriteOnly);
    qputenv("HEXMAP_JOURNAL_DIR", QFile::encodeName(QString::fromStdString(blocker + "/journals")));
    auto file = MappedFile::openReadWrite(path);
    QVERIFY(file.ok());
    EditOverlay overlay;
    QVERIFY(overlay.set(3, std::byte{0x01}));
    QVERIFY(overlay.set(page() + 3, std::byte{0x02}));
    const SaveReport report = saveOverlay(*file, overlay);
    QVERIFY(!report.ok());
    QCOMPARE(report.stoppedAt, SaveStage::Journal);
    QCOMPARE(report.failures.size(), std::size_t(1));
    QCOMPARE(report.failures[0].error.code, std::error_code(ENOTDIR, std::system_category()));
    QVERIFY(QString::fromStdString(report.failures[0].error.context).contains(QLatin1String("not-a-directory")));
    QVERIFY(report.written.empty());
    QCOMPARE(report.bytesWritten, std::uint64_t(0));
    QVERIFY(preadBytes(path, 0, 2 * page()) == patternBytes(0, 2 * page(), 3));
}

void TestSaveJournal::saveWithoutJournal()
{
    const std::string path = makeFile("direct.bin", 2 * page());
    auto file = MappedFile::openReadWrite(path);
    QVERIFY(file.ok());
    EditOverlay overlay;
    QVERIFY(overlay.set(page(), std::byte{0x42}));
    SaveOptions options;
    options.journal = false;
    bool journalStep = false;
    options.hook = [&](SaveStage stage, ByteRange) {
        journalStep = journalStep || stage == SaveStage::Journal;
        return Status{};
    };
    const SaveReport report = saveOverlay(*file, overlay, options);
    QVERIFY(report.ok());
    QVERIFY(!journalStep);
    QVERIFY(report.journalPath.empty());
    QCOMPARE(preadBytes(path, page(), 1).at(0), std::byte{0x42});
}

QTEST_GUILESS_MAIN(TestSaveJournal)
#include "tst_savejournal.moc"
