// HexView over an edited document (issue 15): a PieceTable over a real test file (inserts, erases, overwrites, fills,
// a 0-byte file grown by an insert) handed to the view with setSnapshot(). The painted row text, the bytes and the
// "edited" marks RowComposer gives each row, the edited background pixels, the copied bytes and the accessible
// description are all checked against a plain reference model of the document (bytes + per byte "inserted or
// overwritten"). Insert mode: the cursor reaches the position after the last byte by End, Ctrl+End, Right and a
// click, and is drawn as a bar; overwrite mode stops at the last byte.
#include "hexviewtesthelpers.h"

#include "core/piecetable.h"
#include "ui/view/hexpainter.h"
#include "ui/view/hexviewaccessibility.h"
#include "ui/view/rowcomposer.h"

#include <QClipboard>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

using namespace hexmap;
using namespace hexmap::testing;

namespace {

// One edit, applied both to a PieceTable and to the reference model.
struct Op {
    enum Kind { Insert, InsertFill, Erase, Overwrite, OverwriteFill } kind = Insert;
    std::uint64_t offset = 0;
    QByteArray bytes;          // inserted / written bytes, or the fill pattern
    std::uint64_t length = 0;  // erase and fill lengths
};

Op insertOp(std::uint64_t at, const QByteArray &b) { return {Op::Insert, at, b, 0}; }
Op insertFillOp(std::uint64_t at, const QByteArray &p, std::uint64_t n) { return {Op::InsertFill, at, p, n}; }
Op eraseOp(std::uint64_t at, std::uint64_t n) { return {Op::Erase, at, {}, n}; }
Op overwriteOp(std::uint64_t at, const QByteArray &b) { return {Op::Overwrite, at, b, 0}; }
Op overwriteFillOp(std::uint64_t at, const QByteArray &p, std::uint64_t n) { return {Op::OverwriteFill, at, p, n}; }

std::span<const std::byte> asBytes(const QByteArray &b)
{
    return {reinterpret_cast<const std::byte *>(b.constData()), std::size_t(b.size())};
}

// The document as plain bytes, with per byte whether it was inserted or overwritten (not a byte of the file).
struct Model {
    QByteArray bytes;
    std::vector<bool> edited;

    void replace(std::uint64_t at, std::uint64_t eraseCount, const QByteArray &with)
    {
        bytes.replace(qsizetype(at), qsizetype(eraseCount), with);
        edited.erase(edited.begin() + std::ptrdiff_t(at), edited.begin() + std::ptrdiff_t(at + eraseCount));
        edited.insert(edited.begin() + std::ptrdiff_t(at), std::size_t(with.size()), true);
    }
};

QByteArray repeated(const QByteArray &pattern, std::uint64_t n)
{
    QByteArray out;
    for (std::uint64_t i = 0; i < n; ++i)
        out.append(pattern.at(qsizetype(i % std::uint64_t(pattern.size()))));
    return out;
}

void apply(const Op &op, PieceTable &table, Model &model)
{
    const auto size = std::uint64_t(model.bytes.size());
    switch (op.kind) {
    case Op::Insert:
        QVERIFY(table.insert(op.offset, asBytes(op.bytes)).ok());
        model.replace(op.offset, 0, op.bytes);
        break;
    case Op::InsertFill:
        QVERIFY(table.insertFill(op.offset, asBytes(op.bytes), op.length).ok());
        model.replace(op.offset, 0, repeated(op.bytes, op.length));
        break;
    case Op::Erase:
        QVERIFY(table.erase(op.offset, op.length).ok());
        model.replace(op.offset, op.length, {});
        break;
    case Op::Overwrite:
        QVERIFY(table.overwrite(op.offset, asBytes(op.bytes)).ok());
        model.replace(op.offset, std::min<std::uint64_t>(std::uint64_t(op.bytes.size()), size - op.offset), op.bytes);
        break;
    case Op::OverwriteFill:
        QVERIFY(table.overwriteFill(op.offset, asBytes(op.bytes), op.length).ok());
        model.replace(op.offset, std::min(op.length, size - op.offset), repeated(op.bytes, op.length));
        break;
    }
}

// Expected painted text of one row: offset digits, then " XX" per byte, then two spaces and the ASCII column.
QString rowText(const QByteArray &doc, std::uint64_t row, int bpr, int digits)
{
    QString s = QStringLiteral("%1 ").arg(row * std::uint64_t(bpr), digits, 16, QLatin1Char('0')).toUpper();
    const auto begin = qsizetype(row) * bpr;
    const qsizetype end = std::min<qsizetype>(begin + bpr, doc.size());
    for (qsizetype i = begin; i < end; ++i)
        s += QStringLiteral(" %1").arg(uchar(doc[i]), 2, 16, QLatin1Char('0')).toUpper();
    s += QStringLiteral("  ");
    for (qsizetype i = begin; i < end; ++i) {
        const auto c = uchar(doc[i]);
        s += (c >= 0x20 && c < 0x7F) ? QChar(c) : QChar(u'.');
    }
    return s;
}

QRgb pixel(const QImage &img, QPointF p)
{
    const qreal dpr = img.devicePixelRatio();
    return img.pixel(int(p.x() * dpr), int(p.y() * dpr));
}

QByteArray copied(HexView &view, ByteRange range)
{
    view.setSelection(range);
    if (!view.copySelection(HexView::CopyFormat::RawText))
        return QByteArrayLiteral("<refused>");
    return QGuiApplication::clipboard()->mimeData()->data(QStringLiteral("application/octet-stream"));
}

} // namespace

Q_DECLARE_METATYPE(Op)

class TestHexViewDocument : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void showsTheDocument_data();
    void showsTheDocument();
    void unEditedRowsAreViewsOfTheMapping();
    void truncatedFileUnderEdits();
    void snapshotOfAnotherFileIsIgnored();
    void shrinkingDocumentClampsTheCursor();
    void overwriteModeStopsAtTheLastByte();
    void insertModeReachesTheEnd_data();
    void insertModeReachesTheEnd();
    void insertCaretIsABar();
    void emptyDocumentInInsertMode();
    void accessibilityReadsTheDocument();

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    MappedFile file(const QByteArray &bytes)
    {
        return makeFile(m_dir.filePath(QStringLiteral("doc%1.bin").arg(++m_files)), bytes);
    }
};

void TestHexViewDocument::showsTheDocument_data()
{
    QTest::addColumn<int>("fileSize");
    QTest::addColumn<QList<Op>>("ops");
    QTest::newRow("insert at the start") << 100 << QList<Op>{insertOp(0, "ABC")};
    QTest::newRow("erase in the middle") << 100 << QList<Op>{eraseOp(40, 7)};
    QTest::newRow("overwrite") << 100 << QList<Op>{overwriteOp(20, "\xDE\xAD\xBE\xEF")};
    QTest::newRow("overwrite past the end") << 100 << QList<Op>{overwriteOp(98, "wxyz")};
    QTest::newRow("fills") << 100
                           << QList<Op>{insertFillOp(50, "\x01\x02\x03", 37), overwriteFillOp(5, "\xEE", 9)};
    QTest::newRow("mixed") << 300
                           << QList<Op>{insertOp(0, "head"), eraseOp(100, 33), overwriteOp(2, "OVER"),
                                        insertFillOp(150, "zz", 5), insertOp(17, "x"), eraseOp(60, 1),
                                        overwriteFillOp(200, "-", 40), insertOp(271, "tail")};
    QTest::newRow("0-byte file grown by an insert") << 0 << QList<Op>{insertOp(0, "Grown from nothing, 36 bytes long!!")};
    QTest::newRow("everything erased, one byte inserted") << 40 << QList<Op>{eraseOp(0, 40), insertOp(0, "!")};
}

// The painted rows, each row's bytes and edited marks (RowComposer, the painter's reader), the edited background of
// every cell, and copies across piece borders all equal the reference model.
void TestHexViewDocument::showsTheDocument()
{
    QFETCH(int, fileSize);
    QFETCH(QList<Op>, ops);
    const MappedFile f = file(ramp(fileSize));
    PieceTable table{std::uint64_t(fileSize)};
    Model model{ramp(fileSize), std::vector<bool>(std::size_t(fileSize), false)};
    for (const Op &op : ops) {
        apply(op, table, model);
        if (QTest::currentTestFailed())
            return;
    }
    HexView view;
    view.setBytesPerRow(16);
    view.resize(900, 700); // every row of the document on screen
    view.show();
    view.setFile(f);
    view.setSnapshot(table.snapshot());
    QCOMPARE(view.documentSize(), std::uint64_t(model.bytes.size()));
    QCOMPARE(view.layout().fileSize(), std::uint64_t(model.bytes.size()));
    view.setCursorOffset(view.documentSize()); // clamped to the last byte: out of the way of the cells below
    QCOMPARE(view.cursorOffset(), view.layout().lastOffset());

    const QImage img = paint(view);
    const QStringList rows = paintedRowTexts(view);
    const std::uint64_t rowCount = view.layout().rowCount();
    QCOMPARE(std::uint64_t(rows.size()), rowCount);
    for (std::uint64_t r = 0; r < rowCount; ++r)
        QCOMPARE(rows.at(qsizetype(r)), rowText(model.bytes, r, 16, 8));

    const auto colors = HexPainter::Colors::fromPalette(view.palette());
    RowComposer composer;
    for (std::uint64_t r = 0; r < rowCount; ++r) {
        const ByteRange range = view.layout().rowRange(r);
        const RowComposer::Row row = composer.compose(f, &view.snapshot(), range);
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(row.bytes.data()), qsizetype(row.bytes.size())),
                 model.bytes.mid(qsizetype(range.offset), qsizetype(range.size)));
        QVERIFY(!row.anyAbsent);
        for (std::size_t i = 0; i < row.bytes.size(); ++i) {
            const std::uint64_t offset = range.offset + i;
            const bool edited = model.edited[std::size_t(offset)];
            QVERIFY2((row.anyEdited && composer.isEdited(i)) == edited, qPrintable(QString::number(offset)));
            if (offset == view.cursorOffset())
                continue;
            QCOMPARE(pixel(img, view.cellRect(offset, HexView::Area::Hex).topLeft() + QPointF(1, 1)),
                     edited ? colors.editedBackground.rgb() : colors.base.rgb());
        }
    }

    const auto size = std::uint64_t(model.bytes.size());
    QCOMPARE(copied(view, {0, size}), model.bytes);
    if (size > 10)
        QCOMPARE(copied(view, {3, size - 10}), model.bytes.mid(3, qsizetype(size - 10)));
    view.setSelection({0, 0});
    view.setCursorOffset(size - 1);
    QVERIFY(view.copySelection(HexView::CopyFormat::HexText)); // the byte at the cursor
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("%1").arg(uchar(model.bytes.back()), 2, 16,
                                                                         QLatin1Char('0')).toUpper());
}

// A row without edits is one lookup and a view of the mapping (no copy), also where inserts before it moved it.
void TestHexViewDocument::unEditedRowsAreViewsOfTheMapping()
{
    const MappedFile f = file(ramp(4096));
    PieceTable table(4096);
    QVERIFY(table.insert(2000, asBytes("abc")).ok());
    const PieceSnapshot doc = table.snapshot();
    RowComposer composer;
    auto row = composer.compose(f, &doc, {0, 16});
    QCOMPARE(row.bytes.data(), f.readSlice(0, 16).data());
    QVERIFY(!row.anyEdited);
    row = composer.compose(f, &doc, {2048, 16}); // file bytes 2045..2060, moved by the insert: not edited
    QCOMPARE(row.bytes.data(), f.readSlice(2045, 16).data());
    QVERIFY(!row.anyEdited);
    row = composer.compose(f, &doc, {1995, 16}); // 5 file bytes, "abc", 8 file bytes
    QVERIFY(row.bytes.data() != f.readSlice(1995, 16).data());
    QVERIFY(row.anyEdited);
    for (std::size_t i = 0; i < 16; ++i)
        QCOMPARE(composer.isEdited(i), i >= 5 && i < 8);
    QCOMPARE(std::to_integer<char>(row.bytes[5]), 'a');
    QCOMPARE(row.bytes[8], std::byte((2000) & 0xFF));
    row = composer.compose(f, &doc, {4096 + 3 - 4, 16}); // clipped to the document's end
    QCOMPARE(row.bytes.size(), std::size_t(4));
    QVERIFY(composer.compose(f, &doc, {4099, 16}).bytes.empty());
    row = composer.compose(f, nullptr, {100, 16}); // no snapshot: the file as it is
    QCOMPARE(row.bytes.data(), f.readSlice(100, 16).data());
}

// The file cut on disk to 32 bytes under a document with 4 bytes inserted at 0: the file's bytes from 32 on are
// absent wherever they now are (document 36..67), the inserted ones are not; copying absent bytes is refused.
void TestHexViewDocument::truncatedFileUnderEdits()
{
    const MappedFile f = file(ramp(64));
    PieceTable table(64);
    QVERIFY(table.insert(0, asBytes("WXYZ")).ok());
    QVERIFY(table.insert(68, asBytes("end")).ok()); // after the absent bytes: still shown
    HexView view;
    view.setBytesPerRow(16);
    view.resize(900, 400);
    view.show();
    view.setFile(f);
    view.setSnapshot(table.snapshot());
    view.setReadableSize(32);
    view.setCursorOffset(0);
    const QImage img = paint(view);
    const QStringList rows = paintedRowTexts(view);
    QCOMPARE(rows.size(), qsizetype(5)); // 71 bytes
    QCOMPARE(rows.at(2), QStringLiteral("00000020  1C 1D 1E 1F") + QString(12 * 3, QLatin1Char(' ')) +
                             QStringLiteral("  ....") + QString(12, QLatin1Char(' ')));
    QCOMPARE(rows.at(4), QStringLiteral("00000040 ") + QString(4 * 3, QLatin1Char(' ')) + QStringLiteral(" 65 6E 64  ") +
                             QString(4, QLatin1Char(' ')) + QStringLiteral("end"));
    const auto colors = HexPainter::Colors::fromPalette(view.palette());
    QCOMPARE(dominantColor(img, view.cellRect(40, HexView::Area::Hex)), colors.absent.rgb());
    QCOMPARE(dominantColor(img, view.cellRect(69, HexView::Area::Hex)), colors.editedBackground.rgb());
    QSignalSpy messages(&view, &HexView::statusMessage);
    QCOMPARE(copied(view, {30, 10}), QByteArrayLiteral("<refused>"));
    QVERIFY(messages.last().at(0).toString().contains(QStringLiteral("truncated")));
    QCOMPARE(copied(view, {0, 36}), QByteArray("WXYZ") + ramp(32));
    QCOMPARE(copied(view, {68, 3}), QByteArray("end"));
}

void TestHexViewDocument::snapshotOfAnotherFileIsIgnored()
{
    HexView view;
    view.setFile(file(ramp(100)));
    PieceTable other(50);
    QVERIFY(other.insert(0, asBytes("x")).ok());
    view.setSnapshot(other.snapshot());
    QCOMPARE(view.documentSize(), std::uint64_t(100));
    QVERIFY(!view.snapshot().isModified());
}

// An erase that makes the document shorter than the cursor and selection: both are clamped, and said so.
void TestHexViewDocument::shrinkingDocumentClampsTheCursor()
{
    HexView view;
    view.resize(600, 300);
    view.setFile(file(ramp(100)));
    view.setCursorOffset(90);
    view.setCursorOffset(95, true); // selects [90, 96)
    QSignalSpy moved(&view, &HexView::cursorMoved);
    QSignalSpy selected(&view, &HexView::selectionChanged);
    PieceTable table(100);
    QVERIFY(table.erase(0, 50).ok());
    view.setSnapshot(table.snapshot());
    QCOMPARE(view.cursorOffset(), std::uint64_t(49));
    QCOMPARE(view.selection(), (ByteRange{49, 0}));
    QCOMPARE(moved.count(), 1);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(view.layout().rowCount(), std::uint64_t(4));
}

void TestHexViewDocument::overwriteModeStopsAtTheLastByte()
{
    HexView view;
    view.setBytesPerRow(16);
    view.resize(900, 400);
    view.show();
    view.setFile(file(ramp(40)));
    QVERIFY(!view.insertMode());
    QTest::keyClick(&view, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(view.cursorOffset(), std::uint64_t(39));
    QTest::keyClick(&view, Qt::Key_Right);
    QCOMPARE(view.cursorOffset(), std::uint64_t(39));
    QTest::keyClick(&view, Qt::Key_Home);
    QTest::keyClick(&view, Qt::Key_End);
    QCOMPARE(view.cursorOffset(), std::uint64_t(39));
    view.setCursorOffset(0);
    click(view, view.cellRect(47, HexView::Area::Hex).center()); // past the last byte of the last row
    QCOMPARE(view.cursorOffset(), std::uint64_t(39));
    view.setCursorOffset(1000);
    QCOMPARE(view.cursorOffset(), std::uint64_t(39));
}

void TestHexViewDocument::insertModeReachesTheEnd_data()
{
    QTest::addColumn<int>("size");
    QTest::newRow("last row partly full") << 40;
    QTest::newRow("last row full") << 48; // the position after the last byte starts a new row
}

void TestHexViewDocument::insertModeReachesTheEnd()
{
    QFETCH(int, size);
    const auto end = std::uint64_t(size);
    HexView view;
    view.setBytesPerRow(16);
    view.resize(900, 400);
    view.show();
    view.setFile(file(ramp(size)));
    view.setInsertMode(true);
    QVERIFY(view.insertMode());
    QCOMPARE(view.layout().rowCount(), end / 16 + 1);
    QTest::keyClick(&view, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(view.cursorOffset(), end);
    view.setCursorOffset(end - 1);
    QTest::keyClick(&view, Qt::Key_Right);
    QCOMPARE(view.cursorOffset(), end);
    QTest::keyClick(&view, Qt::Key_Right); // no further
    QCOMPARE(view.cursorOffset(), end);
    view.setCursorOffset(end - 1);
    QTest::keyClick(&view, Qt::Key_Down);
    QCOMPARE(view.cursorOffset(), end);
    view.setCursorOffset(end - 1);
    QTest::keyClick(&view, Qt::Key_End); // the row's end, clamped: on a full last row the last byte
    QCOMPARE(view.cursorOffset(), size % 16 ? end : end - 1);
    view.setCursorOffset(0);
    click(view, view.cellRect(16 * (end / 16) + 15, HexView::Area::Ascii).center()); // past the end, last row
    QCOMPARE(view.cursorOffset(), end);
    view.setCursorOffset(0);
    click(view, view.cellRect(end, HexView::Area::Hex).center()); // the append position's own cell
    QCOMPARE(view.cursorOffset(), end);
    // Shift+Left from there selects the last byte; the append position itself is no byte.
    QTest::keyClick(&view, Qt::Key_Left, Qt::ShiftModifier);
    QCOMPARE(view.selection(), (ByteRange{end - 1, 1}));
    view.setCursorOffset(end - 2);
    QTest::keyClick(&view, Qt::Key_End, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(view.selection(), (ByteRange{end - 2, 2}));
    // Leaving insert mode puts a cursor standing after the last byte on the last byte.
    view.setCursorOffset(end);
    QSignalSpy moved(&view, &HexView::cursorMoved);
    view.setInsertMode(false);
    QCOMPARE(view.cursorOffset(), end - 1);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(view.layout().rowCount(), (end + 15) / 16);
}

// Insert mode draws a thin bar at the left edge of the cursor's cell (in both columns), not the block of overwrite
// mode; after the last byte too.
void TestHexViewDocument::insertCaretIsABar()
{
    HexView view;
    view.setBytesPerRow(16);
    view.resize(900, 400);
    view.show();
    view.setFile(file(ramp(40)));
    const auto colors = HexPainter::Colors::fromPalette(view.palette());
    const QRgb cursor = colors.cursor.rgb();
    view.setCursorOffset(5);
    QImage img = paint(view);
    const QRectF cell = view.cellRect(5, HexView::Area::Hex);
    QCOMPARE(dominantColor(img, cell), cursor); // overwrite: a block
    view.setInsertMode(true);
    for (const std::uint64_t at : {std::uint64_t(5), std::uint64_t(40)}) {
        view.setCursorOffset(at);
        img = paint(view);
        const QRectF bar = view.caretRect();
        const QRectF hexCell = view.cellRect(at, HexView::Area::Hex);
        QCOMPARE(bar.left(), hexCell.left());
        QVERIFY(bar.width() < hexCell.width() / 2);
        QCOMPARE(pixel(img, QPointF(bar.left() + 1, bar.center().y())), cursor);
        QVERIFY(dominantColor(img, hexCell) != cursor);
        // The other column shows where too: a 1 px bar at the left of the ASCII cell.
        const QRectF ascii = view.cellRect(at, HexView::Area::Ascii);
        QCOMPARE(pixel(img, QPointF(ascii.left(), ascii.center().y())), cursor);
        QVERIFY(dominantColor(img, ascii) != cursor);
    }
    // The second digit of a hex byte being typed goes into that byte: shown as in overwrite mode.
    view.setCursorOffset(5);
    view.setCaretNibble(HexLayout::Nibble::Low);
    QCOMPARE(view.caretRect(), view.layout().nibbleRect(5, HexLayout::Nibble::Low, view.firstRow())
                                   .translated(0, view.headerHeight()));
}

// An empty document: no cursor in overwrite mode; in insert mode the caret at 0 (the only position) and a row to
// show it in.
void TestHexViewDocument::emptyDocumentInInsertMode()
{
    HexView view;
    view.resize(900, 400);
    view.show();
    view.setFile(file(QByteArray()));
    QCOMPARE(view.documentSize(), std::uint64_t(0));
    QCOMPARE(view.layout().rowCount(), std::uint64_t(0));
    const auto colors = HexPainter::Colors::fromPalette(view.palette());
    QImage img = paint(view);
    QVERIFY(paintedRowTexts(view).isEmpty());
    const QRectF at0 = view.cellRect(0, HexView::Area::Hex);
    QVERIFY(pixel(img, QPointF(at0.left() + 1, at0.center().y())) != colors.cursor.rgb());
    view.setInsertMode(true);
    QCOMPARE(view.layout().rowCount(), std::uint64_t(1));
    QCOMPARE(view.cursorOffset(), std::uint64_t(0));
    img = paint(view);
    QCOMPARE(paintedRowTexts(view), QStringList{QStringLiteral("00000000   ")});
    QCOMPARE(pixel(img, QPointF(view.caretRect().left() + 1, view.caretRect().center().y())), colors.cursor.rgb());
    QTest::keyClick(&view, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(view.cursorOffset(), std::uint64_t(0));
    QSignalSpy messages(&view, &HexView::statusMessage);
    QVERIFY(!view.copySelection(HexView::CopyFormat::HexText));
    QCOMPARE(messages.count(), 1);
}

void TestHexViewDocument::accessibilityReadsTheDocument()
{
    HexView view;
    view.setFile(file(ramp(100)));
    auto *accessibility = new HexViewAccessibility(&view);
    PieceTable table(100);
    QVERIFY(table.insert(0, asBytes("\xAB")).ok());
    view.setSnapshot(table.snapshot());
    QVERIFY2(accessibility->describe().startsWith(QStringLiteral("Offset 0x0 (0) of 101 bytes, value 0xab (171)")),
             qPrintable(accessibility->describe()));
    QCOMPARE(view.accessibleDescription(), accessibility->describe()); // updated on the new snapshot
    view.setCursorOffset(100); // the file's last byte, moved by one
    QVERIFY(accessibility->describe().contains(QStringLiteral("value 0x63 (99)")));
    view.setInsertMode(true);
    view.setCursorOffset(101);
    QVERIFY2(accessibility->describe().contains(QStringLiteral("of 101 bytes, after the last byte")),
             qPrintable(accessibility->describe()));
}

QTEST_MAIN(TestHexViewDocument)
#include "tst_hexviewdocument.moc"
