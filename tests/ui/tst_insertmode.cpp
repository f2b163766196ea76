// EditSession with inserts and deletes (issue 15): insert-mode typing (nibbles make new bytes, characters are
// inserted), Delete/Backspace/Cut through the real controller keys, paste replacing the selection, one undo step per
// command and per run of typing, Revert as one step, needsShiftSave / overwriteRuns, a block of random commands with
// undo/redo checked byte for byte against a std::vector model, an empty file that grows, and what Reload does with
// inserted bytes. Nothing reaches the file before Save (checked with pread).
#include "sessiontesthelpers.h"
#include "ui/document/document.h"
#include "ui/document/editsession.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <random>
#include <unistd.h>
#include <vector>

using namespace hexmap;
using sessiontest::bytes;
using sessiontest::preadAll;
using Bytes = std::vector<std::byte>;
using Kind = EditCommand::Kind;

namespace {

Bytes readAll(const EditSession &s)
{
    Bytes out(s.size());
    if (!out.empty() && s.readDisplayed(0, out) != out.size())
        return {};
    return out;
}

} // namespace

class TestInsertMode : public QObject {
    Q_OBJECT

private slots:
    void init();
    void insertModeTyping();
    void deleteAndUndo();
    void pasteReplacesSelection();
    void revertIsOneStep();
    void emptyFileGrows();
    void randomCommandsMatchModel();
    void reloadDropsInsertedBytes();

private:
    std::string makeFile(const char *name, Bytes content);
    QTemporaryDir m_dir;
    Bytes m_ref;
};

void TestInsertMode::init()
{
    m_ref.resize(256);
    for (std::size_t i = 0; i < m_ref.size(); ++i)
        m_ref[i] = std::byte(i);
}

std::string TestInsertMode::makeFile(const char *name, Bytes content)
{
    const QString path = m_dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    f.write(reinterpret_cast<const char *>(content.data()), qint64(content.size()));
    return path.toStdString();
}

void TestInsertMode::insertModeTyping()
{
    const std::string path = makeFile("typing.bin", m_ref);
    Document doc;
    doc.open(*MappedFile::openReadOnly(path));
    EditSession &s = *doc.session();
    QVERIFY(s.setEditingEnabled(true));
    QSignalSpy sizes(&s, &EditSession::sizeChanged);
    QVERIFY(s.setInsertMode(true));
    std::uint64_t cursor = 4;
    for (int digit : {0xC, 0xA, 0xF, 0xE}) { // "CAFE": two new bytes before the byte at 4
        const auto r = s.typeHexDigit(cursor, digit);
        QVERIFY(r.written);
        cursor = r.cursor;
    }
    for (QChar c : QStringLiteral("ok"))
        cursor = s.typeCharacter(cursor, c).cursor;
    QCOMPARE(cursor, std::uint64_t(8));
    Bytes expected = m_ref;
    const Bytes typed = bytes({0xCA, 0xFE, 'o', 'k'});
    expected.insert(expected.begin() + 4, typed.begin(), typed.end());
    QCOMPARE(readAll(s), expected);
    QCOMPARE(s.size(), std::uint64_t(260));
    QVERIFY(!sizes.isEmpty());
    QCOMPARE(sizes.last().first().toULongLong(), 260ull);
    QVERIFY(s.needsShiftSave());
    QVERIFY(!s.overwriteRuns());
    QCOMPARE(s.editedBytes(), std::uint64_t(4));
    QCOMPARE(s.editedRanges(), (std::vector<ByteRange>{{4, 4}}));
    QCOMPARE(s.undoStack()->count(), 1); // one run of typing, one step
    s.undoStack()->undo();
    QCOMPARE(readAll(s), m_ref);
    QVERIFY(!s.isModified());
    s.undoStack()->redo();
    QCOMPARE(readAll(s), expected);
    QCOMPARE(preadAll(path, 1 << 20), m_ref); // nothing reaches the file before Save
    // Overwrite mode again: typing replaces, at the end it stops.
    QVERIFY(s.setInsertMode(false));
    QVERIFY(s.typeHexDigit(0, 1).written);
    QCOMPARE(s.size(), std::uint64_t(260));
    QVERIFY(!s.typeCharacter(260, QLatin1Char('x')).written);
}

void TestInsertMode::deleteAndUndo()
{
    const std::string path = makeFile("delete.bin", m_ref);
    Document doc;
    doc.open(*MappedFile::openReadOnly(path));
    EditSession &s = *doc.session();
    QVERIFY(!s.erase({0, 1}, Kind::Delete)); // editing off: refused
    QVERIFY(s.setEditingEnabled(true));
    QSignalSpy shifted(&s, &EditSession::bytesShifted);
    QVERIFY(s.erase({16, 32}, Kind::Delete));
    QVERIFY(s.erase({0, 1}, Kind::Delete));
    Bytes expected = m_ref;
    expected.erase(expected.begin() + 16, expected.begin() + 48);
    expected.erase(expected.begin());
    QCOMPARE(readAll(s), expected);
    QCOMPARE(s.undoStack()->count(), 2);
    QCOMPARE(shifted.count(), 2);
    QCOMPARE(shifted.at(0), (QList<QVariant>{16ull, 32ull, 0ull}));
    s.undoStack()->undo();
    QCOMPARE(shifted.last(), (QList<QVariant>{0ull, 0ull, 1ull})); // the undo puts the byte back
    s.undoStack()->undo();
    QCOMPARE(readAll(s), m_ref);
    QVERIFY(!s.isModified());
    QVERIFY(!s.erase({256, 1}, Kind::Delete)); // past the end
    QVERIFY(!s.erase({10, 0}, Kind::Delete));  // nothing
    QCOMPARE(s.undoStack()->count(), 2);
    QCOMPARE(preadAll(path, 1 << 20), m_ref);
}

void TestInsertMode::pasteReplacesSelection()
{
    const std::string path = makeFile("paste.bin", m_ref);
    Document doc;
    doc.open(*MappedFile::openReadOnly(path));
    EditSession &s = *doc.session();
    QVERIFY(s.setEditingEnabled(true));
    QVERIFY(s.setInsertMode(true));
    const Bytes three = bytes({0xA1, 0xA2, 0xA3});
    QVERIFY(s.paste(0, three, ByteRange{10, 20})); // replaces bytes 10..29 by three bytes, one step
    Bytes expected = m_ref;
    expected.erase(expected.begin() + 10, expected.begin() + 30);
    expected.insert(expected.begin() + 10, three.begin(), three.end());
    QCOMPARE(readAll(s), expected);
    QCOMPARE(s.undoStack()->count(), 1);
    s.undoStack()->undo();
    QCOMPARE(readAll(s), m_ref);
    QVERIFY(s.paste(256, three)); // at the end: appends
    QCOMPARE(s.size(), std::uint64_t(259));
    QVERIFY(s.setInsertMode(false));
    QVERIFY(s.paste(255, three)); // overwrite mode: cut at the end, never grows
    QCOMPARE(s.size(), std::uint64_t(259));
}

void TestInsertMode::revertIsOneStep()
{
    const std::string path = makeFile("revert.bin", m_ref);
    Document doc;
    doc.open(*MappedFile::openReadOnly(path));
    EditSession &s = *doc.session();
    QVERIFY(s.setEditingEnabled(true));
    QVERIFY(s.insertFill(100, bytes({0xEE}), 1000));
    QVERIFY(s.writeBytes(0, bytes({1, 2}), Kind::Paste));
    const Bytes edited = readAll(s);
    QCOMPARE(edited.size(), std::size_t(1256));
    QVERIFY(s.discardEdits());
    QCOMPARE(readAll(s), m_ref);
    QVERIFY(!s.isModified());
    s.undoStack()->undo();
    QCOMPARE(readAll(s), edited);
}

void TestInsertMode::emptyFileGrows()
{
    const std::string path = makeFile("empty.bin", {});
    Document doc;
    doc.open(*MappedFile::openReadOnly(path));
    EditSession &s = *doc.session();
    QCOMPARE(s.size(), std::uint64_t(0));
    QVERIFY(s.setEditingEnabled(true));
    QVERIFY(!s.typeHexDigit(0, 4).written); // overwrite mode: nothing to overwrite
    QVERIFY(s.setInsertMode(true));
    QVERIFY(s.typeHexDigit(0, 4).written);
    QCOMPARE(s.typeHexDigit(0, 1).cursor, std::uint64_t(1));
    QCOMPARE(readAll(s), bytes({0x41}));
    QVERIFY(s.needsShiftSave());
}

void TestInsertMode::randomCommandsMatchModel()
{
    Bytes original(4096);
    std::mt19937_64 rng(15);
    for (auto &b : original)
        b = std::byte(rng());
    const std::string path = makeFile("random.bin", original);
    Document doc;
    doc.open(*MappedFile::openReadOnly(path));
    EditSession &s = *doc.session();
    QVERIFY(s.setEditingEnabled(true));
    std::vector<Bytes> states{original}; // states[i]: the document after i undo steps
    int index = 0;
    for (int i = 0; i < 600; ++i) {
        const Bytes &now = states[std::size_t(index)];
        const std::uint64_t size = now.size();
        const unsigned op = unsigned(rng() % 7);
        const std::uint64_t at = size ? rng() % (size + 1) : 0;
        Bytes next = now;
        bool pushed = false;
        if (op == 0 || (op == 1 && size == 0)) { // insert
            Bytes add(1 + rng() % 40);
            for (auto &b : add)
                b = std::byte(rng());
            pushed = s.insertBytes(at, add, Kind::Insert);
            next.insert(next.begin() + std::ptrdiff_t(at), add.begin(), add.end());
        } else if (op == 1 && at < size) { // delete
            const std::uint64_t n = 1 + rng() % std::min<std::uint64_t>(64, size - at);
            pushed = s.erase({at, n}, Kind::Delete);
            next.erase(next.begin() + std::ptrdiff_t(at), next.begin() + std::ptrdiff_t(at + n));
        } else if (op == 2 && at < size) { // overwrite
            Bytes put(1 + rng() % std::min<std::uint64_t>(16, size - at));
            for (auto &b : put)
                b = std::byte(rng());
            pushed = s.writeBytes(at, put, Kind::Paste);
            std::copy(put.begin(), put.end(), next.begin() + std::ptrdiff_t(at));
        } else if (op == 3 && index > 0) {
            s.undoStack()->undo();
            --index;
            QCOMPARE(readAll(s), states[std::size_t(index)]);
            continue;
        } else if (op == 4 && index + 1 < int(states.size())) {
            s.undoStack()->redo();
            ++index;
            QCOMPARE(readAll(s), states[std::size_t(index)]);
            continue;
        } else {
            continue;
        }
        QVERIFY2(pushed, qPrintable(QStringLiteral("op %1 at %2 size %3").arg(op).arg(at).arg(size)));
        states.resize(std::size_t(index) + 1);
        states.push_back(next);
        ++index;
        QCOMPARE(s.size(), std::uint64_t(next.size()));
        QCOMPARE(readAll(s), next);
        QCOMPARE(s.undoStack()->count(), int(states.size()) - 1);
    }
    QCOMPARE(preadAll(path, 1 << 20), original);
}

void TestInsertMode::reloadDropsInsertedBytes()
{
    const std::string path = makeFile("reload.bin", m_ref);
    Document doc;
    doc.open(*MappedFile::openReadOnly(path));
    EditSession &s = *doc.session();
    QVERIFY(s.setEditingEnabled(true));
    QVERIFY(s.insertBytes(3, bytes({9, 9}), Kind::Insert));
    auto report = doc.reload();
    QVERIFY(report);
    QVERIFY(report->hadEdits);
    QCOMPARE(report->kept.keptBytes, std::uint64_t(0));
    QCOMPARE(report->kept.droppedBytes, std::uint64_t(2)); // said, never silent
    QCOMPARE(readAll(s), m_ref);
    // Overwrites are carried over as before.
    QVERIFY(s.writeBytes(5, bytes({7}), Kind::Paste));
    report = doc.reload();
    QVERIFY(report);
    QCOMPARE(report->kept.keptBytes, std::uint64_t(1));
    QCOMPARE(readAll(s)[5], std::byte{7});
}

QTEST_MAIN(TestInsertMode)
#include "tst_insertmode.moc"
