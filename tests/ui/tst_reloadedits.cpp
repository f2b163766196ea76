// EditSession::reapplyEdits (what Reload uses to carry unsaved edits over to the file's new mapping): runs are
// kept before the end, cut where they cross it and dropped past it, with exact byte counts; the kept edits are
// one undo step that restores the overlay exactly (also over edits already there); nothing is written to the
// file; with editing off nothing is applied.
#include "ui/document/document.h"
#include "ui/document/editsession.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <vector>

using namespace hexmap;

namespace {

EditOverlay::Run run(std::uint64_t offset, std::initializer_list<int> values)
{
    EditOverlay::Run r{offset, {}};
    for (int v : values)
        r.bytes.push_back(std::byte(v));
    return r;
}

} // namespace

class TestReloadEdits : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void keepsCutsAndDrops();
    void undoRestoresEditsAlreadyThere();
    void refusedWhileEditingIsOff();

private:
    MappedFile makeFile(const char *name, std::uint64_t size, OpenMode mode);
    QTemporaryDir m_dir;
};

MappedFile TestReloadEdits::makeFile(const char *name, std::uint64_t size, OpenMode mode)
{
    const QString path = m_dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(QByteArray(qsizetype(size), '\x07'));
    f.close();
    auto file = MappedFile::open(path.toStdString(), mode);
    return file ? *file : MappedFile();
}

void TestReloadEdits::keepsCutsAndDrops()
{
    const MappedFile file = makeFile("cut.bin", 100, OpenMode::ReadWrite);
    QVERIFY(file.isValid());
    Document doc;
    doc.open(file);
    EditSession &s = *doc.session();
    QVERIFY(s.setEditingEnabled(true));
    QSignalSpy modified(&s, &EditSession::modifiedChanged);
    const std::vector<EditOverlay::Run> runs = {run(0, {1, 2}), run(50, {3}), run(97, {4, 5, 6, 7, 8}),
                                                run(100, {9}), run(200, {10, 11})};
    const EditSession::ReapplyReport report = s.reapplyEdits(runs);
    QCOMPARE(report.keptBytes, 2u + 1u + 3u);
    QCOMPARE(report.droppedBytes, 2u + 1u + 2u);
    QVERIFY(s.isModified());
    QCOMPARE(modified.count(), 1);
    const std::vector<EditOverlay::Run> expected = {run(0, {1, 2}), run(50, {3}), run(97, {4, 5, 6})};
    QCOMPARE(*s.overwriteRuns(), expected);
    QCOMPARE(s.undoStack()->count(), 1);
    QVERIFY(!s.undoStack()->text(0).isEmpty());
    // Nothing reached the file: it is written only by save().
    std::vector<std::byte> onDisk(100);
    QCOMPARE(file.readAt(0, onDisk), 100u);
    QVERIFY(std::all_of(onDisk.begin(), onDisk.end(), [](std::byte b) { return b == std::byte{7}; }));
    // Everything dropped: nothing to push.
    Document other;
    other.open(file);
    EditSession &t = *other.session();
    QVERIFY(t.setEditingEnabled(true));
    const EditSession::ReapplyReport none = t.reapplyEdits({run(100, {1, 2, 3})});
    QCOMPARE(none.keptBytes, 0u);
    QCOMPARE(none.droppedBytes, 3u);
    QVERIFY(!t.isModified());
    QCOMPARE(t.undoStack()->count(), 0);
}

void TestReloadEdits::undoRestoresEditsAlreadyThere()
{
    const MappedFile file = makeFile("undo.bin", 64, OpenMode::ReadWrite);
    QVERIFY(file.isValid());
    Document doc;
    doc.open(file);
    EditSession &s = *doc.session();
    QVERIFY(s.setEditingEnabled(true));
    const std::byte mine[] = {std::byte{0xAA}, std::byte{0xBB}, std::byte{0xCC}};
    QVERIFY(s.writeBytes(10, mine, EditCommand::Kind::Paste));
    const std::vector<EditOverlay::Run> before = *s.overwriteRuns();
    s.reapplyEdits({run(11, {1}), run(40, {2, 3})});
    QCOMPARE(*s.overwriteRuns(), (std::vector<EditOverlay::Run>{run(10, {0xAA, 1, 0xCC}), run(40, {2, 3})}));
    QCOMPARE(s.undoStack()->count(), 2);
    s.undoStack()->undo();
    QCOMPARE(*s.overwriteRuns(), before);
    s.undoStack()->undo();
    QVERIFY(!s.isModified());
    s.undoStack()->redo();
    s.undoStack()->redo();
    QCOMPARE(*s.overwriteRuns(), (std::vector<EditOverlay::Run>{run(10, {0xAA, 1, 0xCC}), run(40, {2, 3})}));
}

void TestReloadEdits::refusedWhileEditingIsOff()
{
    const MappedFile file = makeFile("readonly.bin", 64, OpenMode::ReadOnly);
    QVERIFY(file.isValid());
    Document doc;
    doc.open(file);
    EditSession &s = *doc.session();
    QSignalSpy messages(&s, &EditSession::message);
    const EditSession::ReapplyReport report = s.reapplyEdits({run(0, {1, 2}), run(100, {3})});
    QCOMPARE(report.keptBytes, 0u);
    QCOMPARE(report.droppedBytes, 3u);
    QVERIFY(!s.isModified());
    QCOMPARE(messages.count(), 1);
    QVERIFY(messages.first().first().toString().contains(QStringLiteral("Enable Editing")));
}

QTEST_MAIN(TestReloadEdits)
#include "tst_reloadedits.moc"
