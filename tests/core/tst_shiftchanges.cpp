// ShiftSave while another program changes the file (issue 15), at chosen points through the test hook: what
// tst_shiftrace (tests/app) hits at random moments, here one case per row so each check is proven on its own.
// - a cut or an append while the steps run stops the save with FileTruncated / FileChanged naming the file and both
//   sizes, Pending; recovery then refuses (the file has another size) and keeps the journal; every byte below the cut
//   (below the old size for an append) is its old or its new value;
// - a cut between the read and the write of the step that writes the file's last bytes (the write regrows the file:
//   before ShiftPlan::workingSize() this went unseen and the next steps read zeros);
// - an append before the final truncate is not cut away; a rename over the path: outcome Disturbed, FileReplaced,
//   the other file untouched and the saved bytes in the inode that was open.
#include "core/journalrecovery.h"
#include "core/shiftsave.h"
#include "enginetesthelpers.h"
#include "shiftmodel.h"

#include <QtTest>

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

using namespace hexmap;
using namespace shifttest;

namespace {

constexpr std::uint64_t kSize = 64 << 10;

bool writeFile(const std::string &path, const std::vector<std::byte> &bytes)
{
    QFile f(QString::fromStdString(path));
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && f.write(reinterpret_cast<const char *>(bytes.data()), qint64(bytes.size())) == qint64(bytes.size());
}

std::vector<std::byte> readFile(const std::string &path)
{
    QFile f(QString::fromStdString(path));
    const QByteArray all = f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    const auto *p = reinterpret_cast<const std::byte *>(all.constData());
    return std::vector<std::byte>(p, p + all.size());
}

enum class Change { Cut, Append, Rename };

} // namespace

class TestShiftChanges : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void changedDuringTheSave_data();
    void changedDuringTheSave();

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_journals;
};

void TestShiftChanges::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_journals.isValid());
    qputenv("HEXMAP_JOURNAL_DIR", QFile::encodeName(m_journals.path()));
}

void TestShiftChanges::changedDuringTheSave_data()
{
    QTest::addColumn<bool>("insert");      // else delete
    QTest::addColumn<int>("point");        // ShiftPoint
    QTest::addColumn<int>("step");         // -1: any (BeforeTruncate comes once)
    QTest::addColumn<int>("change");       // Change
    QTest::addColumn<qint64>("cutTo");
    QTest::addColumn<int>("code");         // Errc
    QTest::addColumn<int>("outcome");      // ShiftOutcome
    const int cut = int(Change::Cut), append = int(Change::Append), rename = int(Change::Rename);
    const int truncated = int(Errc::FileTruncated), changed = int(Errc::FileChanged);
    const int replaced = int(Errc::FileReplaced);
    const int pending = int(ShiftOutcome::Pending), disturbed = int(ShiftOutcome::Disturbed);
    const int before = int(ShiftPoint::BeforeWrite), after = int(ShiftPoint::AfterWrite);
    const int finish = int(ShiftPoint::BeforeTruncate);
    QTest::newRow("insert, cut after step 3") << true << after << 3 << cut << qint64(30000) << truncated << pending;
    QTest::newRow("insert, cut before the last bytes are written")
        << true << before << 0 << cut << qint64(20000) << truncated << pending;
    QTest::newRow("insert, append after step 2") << true << after << 2 << append << qint64(0) << changed << pending;
    QTest::newRow("delete, cut after step 5") << false << after << 5 << cut << qint64(40000) << truncated << pending;
    QTest::newRow("delete, cut before the last step is written")
        << false << before << 15 << cut << qint64(50000) << truncated << pending;
    QTest::newRow("delete, append before the truncate") << false << finish << -1 << append << qint64(0) << changed
                                                        << pending;
    QTest::newRow("insert, renamed over before the truncate") << true << finish << -1 << rename << qint64(0)
                                                              << replaced << disturbed;
}

void TestShiftChanges::changedDuringTheSave()
{
    QFETCH(bool, insert);
    QFETCH(int, point);
    QFETCH(int, step);
    QFETCH(int, change);
    QFETCH(qint64, cutTo);
    QFETCH(int, code);
    QFETCH(int, outcome);
    const std::string path = enginetest::pathIn(m_dir, "changed.bin");
    const std::string other = enginetest::pathIn(m_dir, "other.bin");
    const std::string link = enginetest::pathIn(m_dir, "link.bin"); // the inode that was open, after a rename
    std::remove(link.c_str());
    std::mt19937_64 rng(17);
    const std::vector<std::byte> original = randomBytes(rng, kSize);
    const std::vector<std::byte> otherBytes = randomBytes(rng, 5000);
    QVERIFY(writeFile(path, original));
    QVERIFY(writeFile(other, otherBytes));
    QCOMPARE(::link(path.c_str(), link.c_str()), 0);
    Model m = originalModel(kSize);
    if (insert) // 1 byte: 16 steps of 4 KiB, each overlapping its source, from the end down
        m.insert(100, {SavePiece::Kind::Fill, 0, 1, 0, std::make_shared<std::vector<std::byte>>(1, std::byte{0x5A})});
    else        // 3 bytes: 16 steps from the start up
        m.remove(100, 3);
    const std::vector<std::byte> expected = materialize(m.layout(), original);

    ShiftSaveOptions options;
    options.chunkSize = 4096;
    bool done = false;
    options.hook = [&](ShiftPoint p, std::uint64_t k) {
        if (done || int(p) != point || (step >= 0 && k != std::uint64_t(step)))
            return ShiftHookAction::Continue;
        done = true;
        if (change == int(Change::Cut))
            QTest::qVerify(::truncate(path.c_str(), cutTo) == 0, "truncate", "", __FILE__, __LINE__);
        else if (change == int(Change::Rename))
            QTest::qVerify(::rename(other.c_str(), path.c_str()) == 0, "rename", "", __FILE__, __LINE__);
        else {
            QFile f(QString::fromStdString(path));
            QTest::qVerify(f.open(QIODevice::Append) && f.write("appended", 8) == 8, "append", "", __FILE__, __LINE__);
        }
        return ShiftHookAction::Continue;
    };
    const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
    QVERIFY(fd >= 0);
    auto id = fileIdentityOf(fd, path);
    QVERIFY(id);
    ShiftSave save(fd, path, *id, m.layout(), options);
    const Status status = save.run();
    ::close(fd);
    QVERIFY(done);
    QVERIFY(!status);
    QCOMPARE(status.code(), make_error_code(Errc(code)));
    QCOMPARE(int(save.outcome()), outcome);
    QVERIFY2(status.message().find(path + ":") == 0, status.message().c_str());

    if (change == int(Change::Rename)) {
        QVERIFY(readFile(path) == otherBytes);        // the other program's file is untouched
        QVERIFY(readFile(link) == expected);           // the save finished in the inode that was open
        QVERIFY(QDir(m_journals.path()).isEmpty());
        return;
    }
    // Seen by the size check, or by a short read of a source past the cut (the check runs every 4 MiB moved).
    QVERIFY2(status.message().find("another program changed its size") != std::string::npos
                 || status.message().find("another program cut it") != std::string::npos,
             status.message().c_str());
    const JournalRecovery r = recoverSaveJournal(path);
    QCOMPARE(r.outcome, JournalOutcome::Refused); // the file has another size: the journal cannot complete it
    QVERIFY2(r.message().find(path) != std::string::npos, r.message().c_str());
    QCOMPARE(QDir(m_journals.path()).entryList(QDir::Files).size(), 1);
    for (const QString &j : QDir(m_journals.path()).entryList(QDir::Files))
        QVERIFY(QFile::remove(m_journals.filePath(j)));
    const std::vector<std::byte> after = readFile(path);
    const std::uint64_t bound = std::min<std::uint64_t>(after.size(), change == int(Change::Cut) ? cutTo : kSize);
    for (std::uint64_t i = 0; i < bound; ++i)
        QVERIFY2(after[i] == original[i] || (i < expected.size() && after[i] == expected[i]),
                 qPrintable(QStringLiteral("byte %1 is neither old nor new").arg(i)));
    if (change == int(Change::Append)) // never cut away
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(after.data()) + after.size() - 8, 8),
                 QByteArray("appended"));
}

QTEST_GUILESS_MAIN(TestShiftChanges)
#include "tst_shiftchanges.moc"
