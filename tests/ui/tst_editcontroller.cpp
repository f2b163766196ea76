// EditController on a real HexView: QTest::keyClicks in the hex and ASCII columns produce the expected overlay and
// cursor, other keys still navigate, Paste parses hex text, and Enable Editing keeps the cursor.
#include "sessiontesthelpers.h"
#include "ui/edit/editcontroller.h"
#include "ui/common/theme.h"
#include "ui/document/document.h"
#include "ui/document/editsession.h"
#include "ui/view/hexpainter.h"
#include "ui/view/hexview.h"
#include "hexviewtesthelpers.h"

#include <QClipboard>
#include <QMimeData>
#include <QtTest>

using namespace hexmap;
using sessiontest::bytes;
using sessiontest::editedByte;

// A document and a view on one file, wired by an EditController (editing still off). The view reads through the
// document, as a DocumentPane's does.
struct Editor {
    Document document;
    EditSession &session = *document.session();
    HexView view;
    EditController controller{&view, &session};
    explicit Editor(const std::string &path)
    {
        document.open(*MappedFile::openReadOnly(path));
        view.setFile(&document.file());
    }
};

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
    void renderingShowsEdits();
    void nibbleCaret();
    void copyIncludesUnsavedEdits();

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
    Editor editor(m_path);
    HexView &view = editor.view;
    EditSession &session = editor.session;
    QVERIFY(session.setEditingEnabled(true));
    view.setCursorOffset(16);
    QTest::keyClicks(&view, QStringLiteral("deadBEEF"));
    QCOMPARE(*session.overwriteRuns(), (std::vector<EditOverlay::Run>{{16, bytes({0xDE, 0xAD, 0xBE, 0xEF})}}));
    QCOMPARE(view.cursorOffset(), std::uint64_t(20));
    QTest::keyClicks(&view, QStringLiteral("5"));
    QCOMPARE(view.cursorOffset(), std::uint64_t(20)); // high nibble typed: the cursor stays
    QCOMPARE(editedByte(session, 20), std::optional<std::byte>(std::byte{0x51}));
    QCOMPARE(session.undoStack()->count(), 1);
    QTest::keyClicks(&view, QStringLiteral("g")); // not a hex digit: nothing
    QCOMPARE(session.editedBytes(), std::uint64_t(5));
    session.undoStack()->undo();
    QVERIFY(!session.isModified());
}

void TestEditController::copyIncludesUnsavedEdits()
{
    Editor editor(m_path);
    HexView &view = editor.view;
    EditSession &session = editor.session;
    QVERIFY(session.setEditingEnabled(true));
    view.setCursorOffset(16);
    QTest::keyClicks(&view, QStringLiteral("CAFE"));
    view.setSelection({15, 4}); // one untouched byte, the two edited ones, one untouched
    QVERIFY(view.copySelection(HexView::CopyFormat::HexText));
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("11 CA FE 11"));
    QVERIFY(view.copySelection(HexView::CopyFormat::RawText));
    QCOMPARE(QGuiApplication::clipboard()->mimeData()->data(QStringLiteral("application/octet-stream")),
             QByteArray("\x11\xCA\xFE\x11", 4));
}

void TestEditController::typingInAscii()
{
    Editor editor(m_path);
    HexView &view = editor.view;
    EditSession &session = editor.session;
    QVERIFY(session.setEditingEnabled(true));
    view.setCursorArea(HexView::Area::Ascii);
    view.setCursorOffset(250);
    QTest::keyClicks(&view, QStringLiteral("Hello!!"));
    QCOMPARE(*session.overwriteRuns(), (std::vector<EditOverlay::Run>{{250, bytes({'H', 'e', 'l', 'l', 'o', '!'})}}));
    QCOMPARE(view.cursorOffset(), std::uint64_t(255)); // the 7th character had no byte left
}

void TestEditController::navigationBreaksTheStep()
{
    Editor editor(m_path);
    HexView &view = editor.view;
    EditSession &session = editor.session;
    QVERIFY(session.setEditingEnabled(true));
    QTest::keyClicks(&view, QStringLiteral("a"));
    QTest::keyClick(&view, Qt::Key_Right); // navigation still works and ends the half-typed byte
    QCOMPARE(view.cursorOffset(), std::uint64_t(1));
    QTest::keyClick(&view, Qt::Key_Left);
    QTest::keyClicks(&view, QStringLiteral("bc"));
    QCOMPARE(editedByte(session, 0), std::optional<std::byte>(std::byte{0xBC}));
    QCOMPARE(session.undoStack()->count(), 2);
}

void TestEditController::readOnlyTypingChangesNothing()
{
    Editor editor(m_path);
    HexView &view = editor.view;
    EditSession &session = editor.session;
    QSignalSpy messages(&session, &EditSession::message);
    QTest::keyClicks(&view, QStringLiteral("ff"));
    QVERIFY(!session.isModified());
    QCOMPARE(view.cursorOffset(), std::uint64_t(0));
    QCOMPARE(messages.count(), 2);
}

void TestEditController::pasteHexText()
{
    Editor editor(m_path);
    HexView &view = editor.view;
    EditSession &session = editor.session;
    QVERIFY(session.setEditingEnabled(true));
    view.setCursorOffset(254);
    QMimeData hexText;
    hexText.setText(QStringLiteral("CA FE BA BE"));
    QVERIFY(editor.controller.pasteMimeData(&hexText));
    QCOMPARE(*session.overwriteRuns(), (std::vector<EditOverlay::Run>{{254, bytes({0xCA, 0xFE})}}));
    view.setCursorArea(HexView::Area::Ascii);
    view.setCursorOffset(0);
    QVERIFY(editor.controller.pasteMimeData(&hexText)); // in the ASCII column, text is text
    QCOMPARE(editedByte(session, 0), std::optional<std::byte>(std::byte{'C'}));
    QCOMPARE(editedByte(session, 10), std::optional<std::byte>(std::byte{'E'}));
}

void TestEditController::enableEditingKeepsTheCursor()
{
    Editor editor(m_path);
    HexView &view = editor.view;
    EditSession &session = editor.session;
    view.resize(600, 300);
    view.setCursorOffset(200);
    view.setCursorArea(HexView::Area::Ascii);
    QVERIFY(session.setEditingEnabled(true));
    QVERIFY(view.file().isWritable());
    QVERIFY(view.file().sharesMappingWith(session.file()));
    QCOMPARE(view.cursorOffset(), std::uint64_t(200));
    QCOMPARE(view.cursorArea(), HexView::Area::Ascii);
}

void TestEditController::renderingShowsEdits()
{
    Editor editor(m_path);
    HexView &view = editor.view;
    EditSession &session = editor.session;
    view.resize(760, 260);
    view.show();
    QVERIFY(session.setEditingEnabled(true));
    const auto render = [&view] {
        QImage img(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
        view.viewport()->render(&img);
        return img;
    };
    const auto pixel = [](const QImage &img, QPointF p) { return img.pixel(int(p.x()), int(p.y())); };
    hexmap::testing::recordPaintedText(view, true);
    view.setCursorOffset(0x12);
    QTest::keyClicks(&view, QStringLiteral("cafe"));
    view.setCursorArea(HexView::Area::Ascii);
    view.setCursorOffset(0x18);
    QTest::keyClicks(&view, QStringLiteral("Ok"));
    view.setCursorOffset(0x40); // the cursor out of the way of the cells checked below
    QImage img = render();
    const QStringList rows = hexmap::testing::paintedRowTexts(view);
    QVERIFY(rows.size() >= 2);
    QCOMPARE(rows.at(1), QStringLiteral("00000010  11 11 CA FE 11 11 11 11 4F 6B 11 11 11 11 11 11  ....")
                             + QStringLiteral("....Ok......"));
    const auto colors = HexPainter::Colors::fromPalette(view.palette());
    QVERIFY(colors.editedBackground.rgb() != colors.base.rgb());
    for (std::uint64_t offset : {0x12, 0x13, 0x18, 0x19}) {
        QCOMPARE(pixel(img, view.cellRect(offset, HexView::Area::Hex).topLeft() + QPointF(1, 1)),
                 colors.editedBackground.rgb());
        // An ASCII cell is one glyph wide: its background is the colour most of its pixels have.
        QCOMPARE(hexmap::testing::dominantColor(img, view.cellRect(offset, HexView::Area::Ascii)),
                 colors.editedBackground.rgb());
    }
    QCOMPARE(pixel(img, view.cellRect(0x14, HexView::Area::Hex).topLeft() + QPointF(1, 1)), colors.base.rgb());
    const QString out = qEnvironmentVariable("HEXMAP_SCREENSHOT_DIR");
    if (!out.isEmpty())
        QVERIFY(view.grab().save(out + QStringLiteral("/hexview-edits.png")));
    // Undo both steps: the rows read and look like the file again.
    session.undoStack()->undo();
    session.undoStack()->undo();
    img = render();
    QCOMPARE(hexmap::testing::paintedRowTexts(view).at(1),
             QStringLiteral("00000010  11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 11  ................"));
    QCOMPARE(pixel(img, view.cellRect(0x12, HexView::Area::Hex).topLeft() + QPointF(1, 1)), colors.base.rgb());
}

// Issue 19 item 9: while editing, the hex cursor shows which half of the byte the next digit goes to. The state
// follows the session (typing, moves, undo, editing on/off); the solid part is painted where the layout says.
void TestEditController::nibbleCaret()
{
    using N = HexLayout::Nibble;
    Editor editor(m_path);
    HexView &view = editor.view;
    EditSession &session = editor.session;
    view.resize(760, 260);
    view.show();
    const auto colors = HexPainter::Colors::fromPalette(view.palette());
    const QRgb cursor = colors.cursor.rgb(), base = colors.base.rgb(), edited = colors.editedBackground.rgb();
    QVERIFY(cursor != base && cursor != edited);
    // The colour covering most of each nibble's cell (a digit's glyph and the outline are a minority).
    const auto halves = [&view](std::uint64_t offset) {
        QImage img(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
        view.viewport()->render(&img);
        const QRectF cell = view.cellRect(offset, HexView::Area::Hex);
        const QRectF high(cell.x(), cell.y(), cell.width() / 2, cell.height());
        return std::pair(hexmap::testing::dominantColor(img, high),
                         hexmap::testing::dominantColor(img, high.translated(cell.width() / 2, 0)));
    };
    const auto half = [&view](std::uint64_t offset, N nibble) {
        const QRectF cell = view.cellRect(offset, HexView::Area::Hex);
        return QRectF(cell.x() + (nibble == N::Low ? cell.width() / 2 : 0), cell.y(), cell.width() / 2, cell.height());
    };
    view.setCursorOffset(0x21);
    // Browsing: no nibble caret; the whole byte is solid.
    QCOMPARE(view.caretNibble(), std::nullopt);
    QCOMPARE(view.caretRect(), view.cellRect(0x21, HexView::Area::Hex));
    QCOMPARE(halves(0x21), std::pair(cursor, cursor));
    // Editing: the next digit goes to the high nibble, and only that half is solid.
    QVERIFY(session.setEditingEnabled(true));
    QCOMPARE(view.caretNibble(), std::optional(N::High));
    QCOMPARE(view.caretRect(), half(0x21, N::High));
    QCOMPARE(halves(0x21), std::pair(cursor, base));
    QTest::keyClicks(&view, QStringLiteral("a")); // high nibble typed: the caret moves to the low half
    QCOMPARE(view.cursorOffset(), std::uint64_t(0x21));
    QCOMPARE(view.caretNibble(), std::optional(N::Low));
    QCOMPARE(view.caretRect(), half(0x21, N::Low));
    QCOMPARE(halves(0x21), std::pair(edited, cursor));
    QTest::keyClicks(&view, QStringLiteral("b")); // byte done: the next byte's high nibble
    QCOMPARE(view.cursorOffset(), std::uint64_t(0x22));
    QCOMPARE(view.caretNibble(), std::optional(N::High));
    QCOMPARE(halves(0x22), std::pair(cursor, base));
    QCOMPARE(halves(0x21), std::pair(edited, edited));
    // A move ends the half-typed byte: the caret is on the high nibble again.
    QTest::keyClicks(&view, QStringLiteral("c"));
    QCOMPARE(view.caretNibble(), std::optional(N::Low));
    QTest::keyClick(&view, Qt::Key_Right);
    QCOMPARE(view.cursorOffset(), std::uint64_t(0x23));
    QCOMPARE(view.caretNibble(), std::optional(N::High));
    // So does an undo: the caret says High, and the next digit really goes to the high nibble.
    QTest::keyClicks(&view, QStringLiteral("d"));
    QCOMPARE(view.caretNibble(), std::optional(N::Low));
    session.undoStack()->undo();
    QCOMPARE(view.caretNibble(), std::optional(N::High));
    QTest::keyClicks(&view, QStringLiteral("e"));
    QCOMPARE(editedByte(session, 0x23), std::optional<std::byte>(std::byte{0xE1}));
    // The ASCII column's cursor is a whole character whatever the nibble state.
    view.setCursorArea(HexView::Area::Ascii);
    QCOMPARE(view.caretRect(), view.cellRect(0x23, HexView::Area::Ascii));
    view.setCursorArea(HexView::Area::Hex);
    // Editing off: the whole-byte cursor again.
    session.revert();
    QVERIFY(session.setEditingEnabled(false));
    QCOMPARE(view.caretNibble(), std::nullopt);
    QCOMPARE(halves(0x23), std::pair(cursor, cursor));
    const QString out = qEnvironmentVariable("HEXMAP_SCREENSHOT_DIR");
    if (!out.isEmpty()) { // the caret on the low nibble of a half-typed byte, light and dark
        QVERIFY(session.setEditingEnabled(true));
        QTest::keyClicks(&view, QStringLiteral("4"));
        QVERIFY(view.grab().save(out + QStringLiteral("/hexview-nibble-caret.png")));
        applyTheme(Preferences::Theme::Dark);
        QCoreApplication::processEvents(); // the palette change reaches the widgets
        QVERIFY(view.grab().save(out + QStringLiteral("/hexview-nibble-caret-dark.png")));
        applyTheme(Preferences::Theme::System);
    }
}

QTEST_MAIN(TestEditController)
#include "tst_editcontroller.moc"
