// Issue 15, GUI side of the recovery: opening a file (Document::open, as the window does) whose insert/delete save
// was killed part-way completes the save from its journal, and the document then shows the file as it is now: the
// new size and the new bytes through its mapping (the mapping of the old size is replaced), with a message.
// The crash is simulated in-process (ShiftSave's hook stops it as if the process died, in the middle of a write).
#include "core/enginetesthelpers.h"
#include "core/fileidentity.h"
#include "core/mappedfile.h"
#include "core/shiftsave.h"
#include "ui/document/document.h"

#include <QtTest>

#include <fcntl.h>
#include <unistd.h>

using namespace hexmap;
using namespace enginetest;

class TestShiftRecoveryOpen : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void openCompletesAnInterruptedShift_data();
    void openCompletesAnInterruptedShift();

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_journals;
};

void TestShiftRecoveryOpen::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_journals.isValid());
    qputenv("HEXMAP_JOURNAL_DIR", QFile::encodeName(m_journals.path()));
}

void TestShiftRecoveryOpen::openCompletesAnInterruptedShift_data()
{
    QTest::addColumn<bool>("insert");
    QTest::newRow("insert (the file grows)") << true;
    QTest::newRow("delete (the file shrinks)") << false;
}

void TestShiftRecoveryOpen::openCompletesAnInterruptedShift()
{
    QFETCH(bool, insert);
    const std::uint64_t size = 5 * page();
    const std::uint64_t at = 100, change = 700;
    const std::string path = pathIn(m_dir, "shift.bin");
    const auto old = patternBytes(0, size, 3);
    {
        QFile f(QString::fromStdString(path));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(reinterpret_cast<const char *>(old.data()), qint64(size)), qint64(size));
    }
    auto added = std::make_shared<const std::vector<std::byte>>(patternBytes(0, change, 9));
    SaveLayout layout{{SavePiece::Kind::Original, 0, at, 0, nullptr}};
    std::vector<std::byte> expected(old.begin(), old.begin() + std::ptrdiff_t(at));
    if (insert) {
        layout.push_back({SavePiece::Kind::Memory, at, change, 0, added});
        layout.push_back({SavePiece::Kind::Original, at + change, size - at, at, nullptr});
        expected.insert(expected.end(), added->begin(), added->end());
        expected.insert(expected.end(), old.begin() + std::ptrdiff_t(at), old.end());
    } else {
        layout.push_back({SavePiece::Kind::Original, at, size - at - change, at + change, nullptr});
        expected.insert(expected.end(), old.begin() + std::ptrdiff_t(at + change), old.end());
    }
    {
        const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
        QVERIFY(fd >= 0);
        ShiftSaveOptions o;
        o.chunkSize = 1024;
        o.hook = [](ShiftPoint p, std::uint64_t step) {
            return p == ShiftPoint::TornWrite && step == 3 ? ShiftHookAction::Crash : ShiftHookAction::Continue;
        };
        ShiftSave save(fd, path, *fileIdentityOf(fd, path), layout, o);
        QVERIFY(!save.run().ok());
        QCOMPARE(save.outcome(), ShiftOutcome::Pending);
        ::close(fd);
    } // "killed" in the middle of step 3's write
    QVERIFY(preadBytes(path, 0, expected.size()) != expected);

    Document doc;
    doc.open(*MappedFile::openReadOnly(path));
    QVERIFY2(doc.recoveryMessage().contains(QLatin1String("insert/delete save")), qPrintable(doc.recoveryMessage()));
    QCOMPARE(doc.size(), std::uint64_t(expected.size()));
    const auto shown = doc.file().readSlice(0, expected.size());
    QVERIFY(std::vector<std::byte>(shown.begin(), shown.end()) == expected);
    QCOMPARE(statOf(path).st_size, off_t(expected.size()));
    QVERIFY(preadBytes(path, 0, expected.size()) == expected);
    QVERIFY(QDir(m_journals.path()).entryList(QDir::Files).isEmpty());
    QCOMPARE(*doc.file().checkIdentity(), FileChange::None); // the completed save is not "another program's" change
}

QTEST_MAIN(TestShiftRecoveryOpen)
#include "tst_shiftrecoveryopen.moc"
