// EditController on a real HexView: QTest::keyClicks in the hex and ASCII columns produce the expected overlay and
// cursor, other keys still navigate, Paste parses hex text, and Enable Editing keeps the cursor.
#include "ui/editcontroller.h"
#include "ui/editsession.h"
#include "ui/hexview.h"

#include <QMimeData>
#include <QtTest>

using namespace hexmap;

namespace {

std::vector<std::byte> bytes(std::initializer_list<int> values)
{
    std::vector<std::byte> out;
    for (int v : values)
        out.push_back(std::byte(v));
    return out;
}

} // namespace

class TestEditController : public QObject {
    Q_OBJECT

private slots:
    void init();
    void typingInHex();
    void typingInAscii();
    void navigationBreaksTheStep();
    void readOnlyTypingChangesNothing();
    void pasteHexText();
    void enableEditingKeepsTheCursor();

private:
    QTemporaryDir m_dir;
    std::string m_path;
};

void TestEditController::init()
{
    m_path = m_dir.filePath(QStringLiteral("ctl.bin")).toStdString();
    QFile f(QString::fromStdString(m_path));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QByteArray(256, '\x11'));
}

void TestEditController::typingInHex()
{
    HexView view;
    EditSession session;
    EditController controller(&view, &session);
    const MappedFile file = *MappedFile::openReadOnly(m_path);
    view.setFile(file);
    session.setFile(file);
    QVERIFY(session.setEditingEnabled(true));
    view.setCursorOffset(16);
    QTest::keyClicks(&view, QStringLiteral("deadBEEF"));
    QCOMPARE(session.overlay().runs(), (std::vector<EditOverlay::Run>{{16, bytes({0xDE, 0xAD, 0xBE, 0xEF})}}));
    QCOMPARE(view.cursorOffset(), std::uint64_t(20));
    QTest::keyClicks(&view, QStringLiteral("5"));
    QCOMPARE(view.cursorOffset(), std::uint64_t(20)); // high nibble typed: the cursor stays
    QCOMPARE(session.overlay().get(20), std::optional<std::byte>(std::byte{0x51}));
    QCOMPARE(session.undoStack()->count(), 1);
    QTest::keyClicks(&view, QStringLiteral("g")); // not a hex digit: nothing
    QCOMPARE(session.overlay().byteCount(), std::uint64_t(5));
    session.undoStack()->undo();
    QVERIFY(session.overlay().isEmpty());
}

void TestEditController::typingInAscii()
{
    HexView view;
    EditSession session;
    EditController controller(&view, &session);
    const MappedFile file = *MappedFile::openReadOnly(m_path);
    view.setFile(file);
    session.setFile(file);
    QVERIFY(session.setEditingEnabled(true));
    view.setCursorArea(HexView::Area::Ascii);
    view.setCursorOffset(250);
    QTest::keyClicks(&view, QStringLiteral("Hello!!"));
    QCOMPARE(session.overlay().runs(), (std::vector<EditOverlay::Run>{{250, bytes({'H', 'e', 'l', 'l', 'o', '!'})}}));
    QCOMPARE(view.cursorOffset(), std::uint64_t(255)); // the 7th character had no byte left
}

void TestEditController::navigationBreaksTheStep()
{
    HexView view;
    EditSession session;
    EditController controller(&view, &session);
    const MappedFile file = *MappedFile::openReadOnly(m_path);
    view.setFile(file);
    session.setFile(file);
    QVERIFY(session.setEditingEnabled(true));
    QTest::keyClicks(&view, QStringLiteral("a"));
    QTest::keyClick(&view, Qt::Key_Right); // navigation still works and ends the half-typed byte
    QCOMPARE(view.cursorOffset(), std::uint64_t(1));
    QTest::keyClick(&view, Qt::Key_Left);
    QTest::keyClicks(&view, QStringLiteral("bc"));
    QCOMPARE(session.overlay().get(0), std::optional<std::byte>(std::byte{0xBC}));
    QCOMPARE(session.undoStack()->count(), 2);
}

void TestEditController::readOnlyTypingChangesNothing()
{
    HexView view;
    EditSession session;
    EditController controller(&view, &session);
    const MappedFile file = *MappedFile::openReadOnly(m_path);
    view.setFile(file);
    session.setFile(file);
    QSignalSpy messages(&session, &EditSession::message);
    QTest::keyClicks(&view, QStringLiteral("ff"));
    QVERIFY(session.overlay().isEmpty());
    QCOMPARE(view.cursorOffset(), std::uint64_t(0));
    QCOMPARE(messages.count(), 2);
}

void TestEditController::pasteHexText()
{
    HexView view;
    EditSession session;
    EditController controller(&view, &session);
    const MappedFile file = *MappedFile::openReadOnly(m_path);
    view.setFile(file);
    session.setFile(file);
    QVERIFY(session.setEditingEnabled(true));
    view.setCursorOffset(254);
    QMimeData hexText;
    hexText.setText(QStringLiteral("CA FE BA BE"));
    QVERIFY(controller.pasteMimeData(&hexText));
    QCOMPARE(session.overlay().runs(), (std::vector<EditOverlay::Run>{{254, bytes({0xCA, 0xFE})}}));
    view.setCursorArea(HexView::Area::Ascii);
    view.setCursorOffset(0);
    QVERIFY(controller.pasteMimeData(&hexText)); // in the ASCII column, text is text
    QCOMPARE(session.overlay().get(0), std::optional<std::byte>(std::byte{'C'}));
    QCOMPARE(session.overlay().get(10), std::optional<std::byte>(std::byte{'E'}));
}

void TestEditController::enableEditingKeepsTheCursor()
{
    HexView view;
    view.resize(600, 300);
    EditSession session;
    EditController controller(&view, &session);
    const MappedFile file = *MappedFile::openReadOnly(m_path);
    view.setFile(file);
    session.setFile(file);
    view.setCursorOffset(200);
    view.setCursorArea(HexView::Area::Ascii);
    QVERIFY(session.setEditingEnabled(true));
    QVERIFY(view.file().isWritable());
    QVERIFY(view.file().sharesMappingWith(session.file()));
    QCOMPARE(view.cursorOffset(), std::uint64_t(200));
    QCOMPARE(view.cursorArea(), HexView::Area::Ascii);
}

QTEST_MAIN(TestEditController)
#include "tst_editcontroller.moc"
