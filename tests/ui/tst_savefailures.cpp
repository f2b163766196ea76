// Issue 13 rows 1 and 2 at the GUI level (EditSession, offscreen): a Save that cannot write everything never says
// "Saved", keeps every edit unsaved (the title keeps its *), and says why in words.
// Row 1: a byte inside a sparse hole of a file on a FULL loop-mounted ext4 disk (root; CI runs as root).
// Row 2: the file was replaced (rename over it), deleted, truncated or rewritten by another program between the
// edit and the Save: nothing is written to either file, the user is told what changed and what to do.
// Every check of the files reads them with pread, never through Hexmap's mapping.
#include "core/fullext4.h"
#include "core/mappedfile.h"
#include "core/enginetesthelpers.h"
#include "core/savejournal.h"
#include "ui/document/document.h"
#include "ui/document/editsession.h"
#include "ui/window/mainwindow.h"

#include <QStatusBar>

#include <QSignalSpy>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace hexmap;
using namespace enginetest;

class TestSaveFailures : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void fullDiskKeepsTheEdit();
    void changedFileIsNotWritten_data();
    void changedFileIsNotWritten();
    void windowReplaysJournalAtOpen();

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_journals;
};

namespace {

std::vector<std::byte> bytesOf(std::initializer_list<int> values)
{
    std::vector<std::byte> out;
    for (int v : values)
        out.push_back(std::byte(v));
    return out;
}

bool anyMessageContains(const QSignalSpy &spy, const QString &text)
{
    for (const QList<QVariant> &args : spy)
        if (args.at(0).toString().contains(text))
            return true;
    return false;
}

} // namespace

void TestSaveFailures::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_journals.isValid());
    qputenv("HEXMAP_JOURNAL_DIR", QFile::encodeName(m_journals.path()));
    QCoreApplication::setOrganizationName(QStringLiteral("hexmap-test-savefailures"));
    QStandardPaths::setTestModeEnabled(true);
}

void TestSaveFailures::fullDiskKeepsTheEdit()
{
    if (::geteuid() != 0)
        QSKIP("needs root to loop-mount an ext4 image (CI runs as root)");
    savetest::FullExt4 disk;
    QString why;
    QVERIFY2(disk.mount(&why), qPrintable(why));
    const std::string path = disk.path("sparse.bin");
    const std::uint64_t size = 64u << 20, hole = 0x3000000;
    QVERIFY(savetest::makeSparseFile(path, size));
    QVERIFY(disk.fill());
    {
        Document doc;
        doc.open(*MappedFile::openReadOnly(path));
        EditSession &s = *doc.session();
        QVERIFY(s.setEditingEnabled(true));
        QVERIFY(s.paste(hole, bytesOf({0xDE, 0xAD, 0xBE, 0xEF})));
        const auto runsBefore = *s.overwriteRuns();
        QSignalSpy messages(&s, &EditSession::message);
        QSignalSpy saved(&s, &EditSession::saved);
        QSignalSpy failed(&s, &EditSession::saveFailed);
        QSignalSpy modified(&s, &EditSession::modifiedChanged);
        const SaveReport report = s.save();
        QVERIFY(!report.ok());
        QVERIFY(s.isModified());                   // the title keeps its *
        QCOMPARE(*s.overwriteRuns(), runsBefore); // the edit stays unsaved
        QCOMPARE(saved.count(), 0);
        QCOMPARE(modified.count(), 0);
        QVERIFY(!anyMessageContains(messages, QStringLiteral("Saved")));
        QCOMPARE(failed.count(), 1);
        const QString text = messages.last().at(0).toString();
        QVERIFY2(text.contains(QLatin1String("the disk is full")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("4 bytes at 0x3000000 were not saved")), qPrintable(text));
        QVERIFY(allEqual(preadBytes(path, hole, 4), std::byte{0})); // the file keeps its old bytes
        QVERIFY(!s.file().wasTruncatedOnDisk());                    // and no false "truncated" banner
    }
}

void TestSaveFailures::changedFileIsNotWritten_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("said");
    QTest::newRow("replaced (mv other over it)") << QStringLiteral("replace") << QStringLiteral("replaced by another file");
    QTest::newRow("deleted") << QStringLiteral("delete") << QStringLiteral("deleted");
    QTest::newRow("truncated") << QStringLiteral("truncate") << QStringLiteral("truncated");
    QTest::newRow("rewritten, same size") << QStringLiteral("rewrite") << QStringLiteral("changed the file");
}

void TestSaveFailures::changedFileIsNotWritten()
{
    QFETCH(QString, change);
    QFETCH(QString, said);
    const std::uint64_t size = 3 * page();
    const std::string path = pathIn(m_dir, "edited.bin");
    const std::string keep = pathIn(m_dir, "original-inode.bin"); // a second name of the opened inode
    const std::string other = pathIn(m_dir, "other.bin");
    ::unlink(path.c_str());
    ::unlink(keep.c_str());
    const auto original = patternBytes(0, size, 1);
    const auto replacement = patternBytes(0, size, 2);
    for (const auto &[p, content] : {std::pair{path, original}, std::pair{other, replacement}}) {
        QFile f(QString::fromStdString(p));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(reinterpret_cast<const char *>(content.data()), qint64(size)), qint64(size));
    }
    QCOMPARE(::link(path.c_str(), keep.c_str()), 0);

    Document doc;
    doc.open(*MappedFile::openReadOnly(path));
    EditSession &s = *doc.session();
    QVERIFY(s.setEditingEnabled(true));
    QVERIFY(s.paste(page() - 1, bytesOf({0x11, 0x22})));
    QVERIFY(s.paste(2 * page() + 5, bytesOf({0x33})));
    const auto runsBefore = *s.overwriteRuns();

    std::uint64_t sizeAfter = size;
    auto expectedAtPath = original;
    if (change == QLatin1String("replace")) {
        QCOMPARE(::rename(other.c_str(), path.c_str()), 0);
        expectedAtPath = replacement;
    } else if (change == QLatin1String("delete")) {
        QCOMPARE(::unlink(path.c_str()), 0);
    } else if (change == QLatin1String("truncate")) {
        QCOMPARE(::truncate(path.c_str(), off_t(page())), 0);
        sizeAfter = page();
        expectedAtPath.resize(page());
    } else {
        QFile f(QString::fromStdString(path)); // another program rewrites it in place, same size
        QVERIFY(f.open(QIODevice::ReadWrite));
        QCOMPARE(f.write(reinterpret_cast<const char *>(replacement.data()), qint64(size)), qint64(size));
        f.close();
        // Timestamps tick coarsely (a few ms): give the rewrite the later time it has when it is not instant.
        struct timespec times[2] = {{0, UTIME_OMIT}, {::time(nullptr) + 5, 0}};
        QCOMPARE(::utimensat(AT_FDCWD, path.c_str(), times, 0), 0);
        expectedAtPath = replacement;
    }

    QSignalSpy messages(&s, &EditSession::message);
    QSignalSpy saved(&s, &EditSession::saved);
    QSignalSpy failed(&s, &EditSession::saveFailed);
    const SaveReport report = s.save();
    QVERIFY(!report.ok());
    QVERIFY(report.written.empty());
    QVERIFY(report.fileChange != FileChange::None);
    QVERIFY(s.isModified());
    QCOMPARE(*s.overwriteRuns(), runsBefore);
    QCOMPARE(saved.count(), 0);
    QVERIFY(!anyMessageContains(messages, QStringLiteral("Saved")));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.last().at(1).toBool(), true); // reload (or copying the edits) makes sense
    const QString text = messages.last().at(0).toString();
    QVERIFY2(text.contains(said), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("Nothing was written")), qPrintable(text));
    // It says what the user can do now, and offers nothing the app does not have (there is no Save As yet).
    QVERIFY2(text.contains(QLatin1String("reload"), Qt::CaseInsensitive) || text.contains(QLatin1String("Copy")),
             qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("Save As")), qPrintable(text));
    // Nothing was written to either file: the opened inode (through its second name) and what the path names now.
    QVERIFY(preadBytes(keep, 0, size) == (change == QLatin1String("rewrite") ? replacement
                                          : change == QLatin1String("truncate") ? expectedAtPath : original));
    if (change != QLatin1String("delete"))
        QVERIFY(preadBytes(path, 0, sizeAfter) == expectedAtPath);
    QVERIFY(QDir(m_journals.path()).entryList(QDir::Files).isEmpty());
    ::unlink(other.c_str());
}

// Row 9, GUI side: opening a file whose Save was killed after its journal was committed completes the Save, says
// so in the status bar, and the file is not then taken for "modified by another program" (a Save works).
void TestSaveFailures::windowReplaysJournalAtOpen()
{
    const std::uint64_t size = 2 * page();
    const std::string path = pathIn(m_dir, "interrupted.bin");
    const auto old = patternBytes(0, size, 5);
    {
        QFile f(QString::fromStdString(path));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(reinterpret_cast<const char *>(old.data()), qint64(size)), qint64(size));
    }
    {
        auto file = MappedFile::openReadOnly(path);
        QVERIFY(file.ok());
        auto journal = SaveJournal::begin(file->identity(), path);
        QVERIFY(journal.ok());
        QVERIFY(journal->add(page() + 7, bytesOf({0xAA, 0xBB})));
        QVERIFY(journal->commit());
    } // killed before it was applied
    MainWindow window;
    QVERIFY(window.openFile(QString::fromStdString(path)));
    const QString said = window.statusBar()->currentMessage();
    QVERIFY2(said.contains(QLatin1String("was completed from its journal")), qPrintable(said));
    auto expected = old;
    expected[page() + 7] = std::byte{0xAA};
    expected[page() + 8] = std::byte{0xBB};
    QVERIFY(preadBytes(path, 0, size) == expected);
    QVERIFY(QDir(m_journals.path()).entryList(QDir::Files).isEmpty());
    window.close();
}

QTEST_MAIN(TestSaveFailures)
#include "tst_savefailures.moc"
