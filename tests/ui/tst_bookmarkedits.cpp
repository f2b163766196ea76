// Bookmarks follow unsaved inserts and deletes (issue 15): they mark bytes of the file, so while edits are unsaved a
// bookmark moves with its byte, hides while its byte is deleted and comes back on Undo; what is saved to the
// bookmarks file stays at file offsets (a Revert or a close without saving leaves them right); an inserted byte cannot
// be bookmarked before it is saved; remap() (what a shift save does) moves them to the new file's offsets.
#include "ui/document/bookmarks.h"
#include "ui/document/document.h"
#include "ui/document/editsession.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace hexmap;
using Kind = EditCommand::Kind;

class TestBookmarkEdits : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void followInsertsAndDeletes();
    void remapAfterSave();

private:
    std::vector<std::uint64_t> offsets(const Bookmarks &b) const;
    QTemporaryDir m_dir;
};

void TestBookmarkEdits::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_bookmarkedits"));
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    QVERIFY(m_dir.isValid());
    QFile f(m_dir.filePath(QStringLiteral("marks.bin")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(QByteArray(4096, 'm')), qint64(4096));
}

std::vector<std::uint64_t> TestBookmarkEdits::offsets(const Bookmarks &b) const
{
    std::vector<std::uint64_t> out;
    for (const Bookmarks::Bookmark &m : b.items())
        out.push_back(m.offset);
    return out;
}

void TestBookmarkEdits::followInsertsAndDeletes()
{
    const QString path = m_dir.filePath(QStringLiteral("marks.bin"));
    Document doc;
    doc.open(*MappedFile::openReadOnly(path.toStdString()));
    Bookmarks &b = *doc.bookmarks();
    EditSession &s = *doc.session();
    QVERIFY(s.setEditingEnabled(true));
    QVERIFY(b.toggle(100));
    QVERIFY(b.toggle(200));
    QVERIFY(s.insertBytes(50, std::vector<std::byte>(10, std::byte{1}), Kind::Insert));
    QCOMPARE(offsets(b), (std::vector<std::uint64_t>{110, 210}));
    QVERIFY(!b.canMark(55)); // an inserted byte
    QVERIFY(!b.toggle(55));
    QVERIFY(b.canMark(60)); // the file's byte 50
    QVERIFY(s.erase({205, 10}, Kind::Delete)); // deletes the byte marked at 210
    QCOMPARE(offsets(b), (std::vector<std::uint64_t>{110}));
    b.rename(0, QStringLiteral("moved")); // indexes are the shown ones
    s.undoStack()->undo(); // the deleted byte comes back, with its bookmark
    QCOMPARE(offsets(b), (std::vector<std::uint64_t>{110, 210}));
    QCOMPARE(b.items()[0].name, QStringLiteral("moved"));
    // What is saved stays at file offsets: a fresh load (no edits) shows 100 and 200.
    Bookmarks stored;
    stored.setFile(b.file());
    QCOMPARE(offsets(stored), (std::vector<std::uint64_t>{100, 200}));
    QVERIFY(s.discardEdits());
    QCOMPARE(offsets(b), (std::vector<std::uint64_t>{100, 200}));
}

void TestBookmarkEdits::remapAfterSave()
{
    const QString path = m_dir.filePath(QStringLiteral("marks.bin"));
    Bookmarks b;
    b.setFile(QFileInfo(path).canonicalFilePath());
    const int dropped = b.remap([](std::uint64_t at) -> std::optional<std::uint64_t> {
        if (at == 100)
            return std::nullopt; // its byte was deleted
        return at + 1;
    });
    QCOMPARE(dropped, 1);
    QCOMPARE(offsets(b), (std::vector<std::uint64_t>{201}));
}

QTEST_MAIN(TestBookmarkEdits)
#include "tst_bookmarkedits.moc"
