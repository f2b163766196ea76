// EditSession: typing into the overlay (nibbles, characters, end of file), merged undo steps, exact undo/redo,
// paste and fill limits, Save verified with pread against a reference copy, failing saves keep the edits, and
// Enable Editing on a read-only file.
#include "sessiontesthelpers.h"
#include "ui/document/document.h"
#include "ui/document/editsession.h"

#include <QtTest>

#include <fcntl.h>
#include <random>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace hexmap;
using sessiontest::bytes;
using sessiontest::preadAll;
using sessiontest::editedByte;

namespace {

// Writes `size` pseudo-random bytes to dir/name and returns the path; `reference` receives them.
std::string makeFile(const QTemporaryDir &dir, const char *name, std::uint64_t size, std::vector<std::byte> &reference)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    reference.resize(size);
    std::mt19937 rng{static_cast<unsigned>(size)};
    for (auto &b : reference)
        b = std::byte(rng());
    f.write(reinterpret_cast<const char *>(reference.data()), qint64(size));
    return path.toStdString();
}

} // namespace

class TestEditSession : public QObject {
    Q_OBJECT

private slots:
    void typingHexNibbles();
    void typingCharacters();
    void typingMergesIntoOneStep();
    void typingAtTheEnd();
    void refusedWhileReadOnly();
    void undoRedoRestoreExactly();
    void pasteCutsAtTheEnd();
    void fillLimit();
    void saveWritesExactlyTheEdits();
    void failingSaveKeepsTheEdits();
    void enableEditingOnReadOnlyFile();
    void revertAndDisable();

private:
    QTemporaryDir m_dir;
};

void TestEditSession::typingHexNibbles()
{
    std::vector<std::byte> ref;
    const std::string path = makeFile(m_dir, "nibbles.bin", 64, ref);
    Document doc;
    doc.open(*MappedFile::openReadOnly(path));
    EditSession &s = *doc.session();
    QVERIFY(s.setEditingEnabled(true));
    QVERIFY(s.file().isWritable());
    std::uint64_t cursor = 10;
    for (int digit : {0xD, 0xE, 0xA, 0xD}) {
        const auto r = s.typeHexDigit(cursor, digit);
        QVERIFY(r.written);
        cursor = r.cursor;
    }
    QCOMPARE(cursor, std::uint64_t(12));
    QCOMPARE(*s.overwriteRuns(), (std::vector<EditOverlay::Run>{{10, bytes({0xDE, 0xAD})}}));
    // A lone high nibble keeps the low nibble of the byte shown; the cursor stays on it.
    const auto r = s.typeHexDigit(12, 0x7);
    QCOMPARE(r.cursor, std::uint64_t(12));
    QCOMPARE(editedByte(s, 12), std::optional<std::byte>(std::byte(0x70 | (std::to_integer<int>(ref[12]) & 0xF))));
    QCOMPARE(s.pendingNibbleOffset(), std::optional<std::uint64_t>(12));
    QVERIFY(s.isModified());
    QVERIFY(preadAll(path, 64) == ref); // nothing reaches the file before Save
}

void TestEditSession::typingCharacters()
{
    std::vector<std::byte> ref;
    const std::string path = makeFile(m_dir, "chars.bin", 32, ref);
    Document doc;
    doc.open(*MappedFile::openReadOnly(path));
    EditSession &s = *doc.session();
    QVERIFY(s.setEditingEnabled(true));
    std::uint64_t cursor = 0;
    for (QChar c : QStringLiteral("Hi!"))
        cursor = s.typeCharacter(cursor, c).cursor;
    cursor = s.typeCharacter(cursor, QChar(0xE9)).cursor; // é: two UTF-8 bytes
    QCOMPARE(cursor, std::uint64_t(5));
    QCOMPARE(*s.overwriteRuns(), (std::vector<EditOverlay::Run>{{0, bytes({'H', 'i', '!', 0xC3, 0xA9})}}));
}

void TestEditSession::typingMergesIntoOneStep()
{
    std::vector<std::byte> ref;
    const std::string path = makeFile(m_dir, "merge.bin", 32, ref);
    Document doc;
    doc.open(*MappedFile::openReadOnly(path));
    EditSession &s = *doc.session();
    QVERIFY(s.setEditingEnabled(true));
    std::uint64_t cursor = 4;
    for (int d : {1, 2, 3, 4, 5, 6})
        cursor = s.typeHexDigit(cursor, d).cursor;
    QCOMPARE(s.undoStack()->count(), 1);
    s.breakTyping(); // the cursor moved: a new step even though contiguous
    s.typeHexDigit(cursor, 7);
    s.typeHexDigit(cursor, 8);
    QCOMPARE(s.undoStack()->count(), 2);
    s.undoStack()->undo();
    QCOMPARE(*s.overwriteRuns(), (std::vector<EditOverlay::Run>{{4, bytes({0x12, 0x34, 0x56})}}));
    s.undoStack()->undo();
    QVERIFY(!s.isModified());
    QVERIFY(!s.isModified());
}

void TestEditSession::typingAtTheEnd()
{
    std::vector<std::byte> ref;
    const std::string path = makeFile(m_dir, "end.bin", 4, ref);
    Document doc;
    doc.open(*MappedFile::openReadOnly(path));
    EditSession &s = *doc.session();
    QVERIFY(s.setEditingEnabled(true));
    QSignalSpy messages(&s, &EditSession::message);
    auto r = s.typeHexDigit(3, 0xA);
    r = s.typeHexDigit(r.cursor, 0xB);
    QVERIFY(r.written);
    QCOMPARE(r.cursor, std::uint64_t(3)); // no byte after the last one
    r = s.typeHexDigit(r.cursor, 0xC);
    QVERIFY(!r.written);
    QVERIFY(r.message.contains(QLatin1String("End of the document")));
    QCOMPARE(messages.count(), 1);
    QCOMPARE(*s.overwriteRuns(), (std::vector<EditOverlay::Run>{{3, bytes({0xAB})}}));
    QVERIFY(!s.typeCharacter(4, QLatin1Char('x')).written); // past the end
    QVERIFY(!s.typeCharacter(3, QChar(0xE9)).written);      // two bytes do not fit in one
    QCOMPARE(s.file().size(), std::uint64_t(4));
}

void TestEditSession::refusedWhileReadOnly()
{
    std::vector<std::byte> ref;
    const std::string path = makeFile(m_dir, "ro.bin", 8, ref);
    Document doc;
    doc.open(*MappedFile::openReadOnly(path));
    EditSession &s = *doc.session();
    QSignalSpy messages(&s, &EditSession::message);
    QVERIFY(!s.typeHexDigit(0, 1).written);
    QVERIFY(!s.paste(0, bytes({1, 2})));
    QVERIFY(!s.isModified());
    QCOMPARE(messages.count(), 2);
    QVERIFY(messages.at(0).at(0).toString().contains(QLatin1String("Enable Editing")));
}

void TestEditSession::undoRedoRestoreExactly()
{
    std::vector<std::byte> ref;
    const std::string path = makeFile(m_dir, "undo.bin", 256, ref);
    Document doc;
    doc.open(*MappedFile::openReadOnly(path));
    EditSession &s = *doc.session();
    QVERIFY(s.setEditingEnabled(true));
    std::mt19937 rng(3);
    std::vector<std::vector<EditOverlay::Run>> states{*s.overwriteRuns()};
    std::uint64_t cursor = 0;
    for (int step = 0; step < 200; ++step) {
        const int before = s.undoStack()->index();
        switch (rng() % 4) {
        case 0: // typing, sometimes contiguous
            if (rng() % 3 == 0)
                s.breakTyping(), cursor = rng() % 256;
            cursor = s.typeHexDigit(cursor, int(rng() % 16)).cursor;
            break;
        case 1: {
            std::vector<std::byte> data(1 + rng() % 8);
            for (auto &b : data)
                b = std::byte(rng());
            s.paste(rng() % 256, data);
            break;
        }
        case 2: {
            const std::uint64_t o = rng() % 250;
            s.fill({o, 1 + rng() % 6}, std::byte(rng()));
            break;
        }
        default:
            s.typeCharacter(rng() % 256, QChar(char16_t('a' + rng() % 26)));
        }
        if (s.undoStack()->index() == before) // merged into the previous step
            states.back() = *s.overwriteRuns();
        else
            states.push_back(*s.overwriteRuns());
    }
    QCOMPARE(qsizetype(states.size()), qsizetype(s.undoStack()->count() + 1));
    for (int i = s.undoStack()->count(); i > 0; --i) {
        s.undoStack()->undo();
        QCOMPARE(*s.overwriteRuns(), states[std::size_t(i - 1)]);
    }
    QVERIFY(!s.isModified());
    for (int i = 1; i <= s.undoStack()->count(); ++i) {
        s.undoStack()->redo();
        QCOMPARE(*s.overwriteRuns(), states[std::size_t(i)]);
    }
    QVERIFY(preadAll(path, 256) == ref);
}

void TestEditSession::pasteCutsAtTheEnd()
{
    std::vector<std::byte> ref;
    const std::string path = makeFile(m_dir, "paste.bin", 10, ref);
    Document doc;
    doc.open(*MappedFile::openReadOnly(path));
    EditSession &s = *doc.session();
    QVERIFY(s.setEditingEnabled(true));
    QSignalSpy messages(&s, &EditSession::message);
    QVERIFY(s.paste(7, bytes({1, 2, 3, 4, 5})));
    QCOMPARE(*s.overwriteRuns(), (std::vector<EditOverlay::Run>{{7, bytes({1, 2, 3})}}));
    QVERIFY(messages.last().at(0).toString().contains(QLatin1String("3 of 5")));
    QVERIFY(!s.paste(10, bytes({1})));
    QVERIFY(!s.writeBytes(9, bytes({1, 2}), EditCommand::Kind::Inspector)); // all or nothing
    QCOMPARE(s.editedBytes(), std::uint64_t(3));
}

void TestEditSession::fillLimit()
{
    std::vector<std::byte> ref;
    const std::string path = makeFile(m_dir, "fill.bin", 64, ref);
    Document doc;
    doc.open(*MappedFile::openReadOnly(path));
    EditSession &s = *doc.session();
    QVERIFY(s.setEditingEnabled(true));
    QVERIFY(s.fill({8, 16}, std::byte{0xFF}));
    QCOMPARE(s.editedBytes(), std::uint64_t(16));
    QSignalSpy messages(&s, &EditSession::message);
    QVERIFY(!s.fill({0, EditSession::kFillLimit + 1}, std::byte{0}));
    QVERIFY(messages.last().at(0).toString().contains(QLatin1String("Edit > Fill")));
    QCOMPARE(s.undoStack()->count(), 1);
}

void TestEditSession::saveWritesExactlyTheEdits()
{
    std::vector<std::byte> ref;
    const std::uint64_t size = 5 * 4096 + 3;
    const std::string path = makeFile(m_dir, "save.bin", size, ref);
    Document doc;
    doc.open(*MappedFile::openReadOnly(path));
    EditSession &s = *doc.session();
    QVERIFY(s.setEditingEnabled(true));
    QSignalSpy modified(&s, &EditSession::modifiedChanged);
    std::uint64_t cursor = 4095; // across a page boundary
    for (int d : {0xC, 0xA, 0xF, 0xE})
        cursor = s.typeHexDigit(cursor, d).cursor;
    QVERIFY(s.paste(size - 2, bytes({0x11, 0x22})));
    QVERIFY(s.fill({3 * 4096, 5}, std::byte{0}));
    ref[4095] = std::byte{0xCA};
    ref[4096] = std::byte{0xFE};
    ref[size - 2] = std::byte{0x11};
    ref[size - 1] = std::byte{0x22};
    std::fill_n(ref.begin() + 3 * 4096, 5, std::byte{0});
    QCOMPARE(modified.count(), 1);
    const SaveReport report = s.save();
    QVERIFY2(report.ok(), report.summary().c_str());
    QCOMPARE(report.bytesWritten, std::uint64_t(9));
    QVERIFY(preadAll(path, size) == ref); // exactly the edits, nothing else
    QVERIFY(!s.isModified());
    QCOMPARE(modified.count(), 2);
    QCOMPARE(modified.last().at(0).toBool(), false);
    QCOMPARE(s.undoStack()->count(), 0);
}

void TestEditSession::failingSaveKeepsTheEdits()
{
    std::vector<std::byte> ref;
    const std::uint64_t size = 4u << 20;
    const std::string path = makeFile(m_dir, "fail.bin", size, ref);
    Document doc;
    doc.open(*MappedFile::openReadOnly(path));
    EditSession &s = *doc.session();
    QVERIFY(s.setEditingEnabled(true));
    QVERIFY(s.paste(0, bytes({1})));
    QVERIFY(s.paste(2u << 20, bytes({2})));
    QVERIFY(s.paste(size - 1, bytes({3})));
    const auto runsBefore = *s.overwriteRuns();
    int writes = 0;
    s.setSaveFaultHook([&](SaveStage stage, ByteRange) -> Status {
        if (stage == SaveStage::Write && ++writes == 2)
            return Status(std::error_code(EIO, std::system_category()), "injected fault");
        return {};
    });
    QSignalSpy messages(&s, &EditSession::message);
    QSignalSpy saved(&s, &EditSession::saved);
    const SaveReport report = s.save();
    QVERIFY(!report.ok());
    QCOMPARE(report.failures.size(), std::size_t(1));
    QCOMPARE(report.failures[0].range, (ByteRange{2u << 20, 1}));
    QVERIFY(s.isModified());
    QCOMPARE(*s.overwriteRuns(), runsBefore);
    QCOMPARE(saved.count(), 0);
    QVERIFY(messages.last().at(0).toString().contains(QLatin1String("Save failed")));
    QVERIFY(messages.last().at(0).toString().contains(QLatin1String("injected fault")));
    QCOMPARE(preadAll(path, size)[2u << 20], ref[2u << 20]); // the failed run did not reach the file
    // Retrying without the fault saves everything.
    s.setSaveFaultHook({});
    QVERIFY(s.save().ok());
    ref[0] = std::byte{1};
    ref[2u << 20] = std::byte{2};
    ref[size - 1] = std::byte{3};
    QVERIFY(preadAll(path, size) == ref);
    QCOMPARE(saved.count(), 1);
}

void TestEditSession::enableEditingOnReadOnlyFile()
{
    std::vector<std::byte> ref;
    const std::string path = makeFile(m_dir, "readonly.bin", 16, ref);
    QVERIFY(::chmod(path.c_str(), 0444) == 0);
    Document doc;
    doc.open(*MappedFile::openReadOnly(path));
    EditSession &s = *doc.session();
    QSignalSpy messages(&s, &EditSession::message);
    QSignalSpy replaced(&doc, &Document::modeChanged);
    QVERIFY(!s.setEditingEnabled(true));
    QVERIFY(!s.isEditingEnabled());
    QVERIFY(!s.file().isWritable());
    QCOMPARE(replaced.count(), 0);
    QCOMPARE(messages.count(), 1);
    const QString text = messages.at(0).at(0).toString();
    QVERIFY2(text.contains(QString::fromStdString(path)), qPrintable(text));
    QVERIFY2(text.startsWith(QLatin1String("Cannot enable editing")), qPrintable(text));
}

void TestEditSession::revertAndDisable()
{
    std::vector<std::byte> ref;
    const std::string path = makeFile(m_dir, "revert.bin", 16, ref);
    Document doc;
    doc.open(*MappedFile::openReadOnly(path));
    EditSession &s = *doc.session();
    QVERIFY(s.setEditingEnabled(true));
    QVERIFY(s.paste(1, bytes({9, 9})));
    QVERIFY(!s.setEditingEnabled(false)); // unsaved edits
    QVERIFY(s.isEditingEnabled());
    s.revert();
    QVERIFY(!s.isModified());
    QCOMPARE(s.undoStack()->count(), 0);
    QVERIFY(s.setEditingEnabled(false));
    QVERIFY(!s.file().isWritable());
    QVERIFY(preadAll(path, 16) == ref);
}

QTEST_MAIN(TestEditSession)
#include "tst_editsession.moc"
