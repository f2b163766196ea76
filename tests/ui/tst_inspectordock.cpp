// InspectorDock: shows the values at the cursor (with unsaved edits), both byte orders, unavailable values at the
// last bytes of the file, and edits a value through the session (undoable).
#include "ui/common/theme.h"
#include "ui/document/document.h"
#include "ui/document/editsession.h"
#include "ui/edit/inspectordock.h"
#include "ui/edit/inspectortable.h"

#include <QLineEdit>
#include <QMainWindow>
#include "ui/common/theme.h"
#include "contrasttesthelpers.h"

#include <QApplication>
#include <QScopeGuard>
#include <QStyle>
#include <QTableWidget>
#include <QtTest>

using namespace hexmap;
using Type = ValueDecoder::Type;

Q_DECLARE_METATYPE(hexmap::ValueDecoder::Type)

class TestInspectorDock : public QObject {
    Q_OBJECT

private slots:
    void init();
    void showsValuesBothEndians();
    void lastBytesAreUnavailable();
    void bytesPastACutAreAbsent();
    void followsTheOverlay();
    void editsAValue();
    void editsRespectTheByteOrder_data();
    void editsRespectTheByteOrder();
    void editsThroughTheTable();
    void longValuesAreNotElided();
    void valuesReadableInBothThemes_data();
    void valuesReadableInBothThemes();
    void screenshot();

private:
    QTemporaryDir m_dir;
    std::string m_path;
};

void TestInspectorDock::init()
{
    m_path = m_dir.filePath(QStringLiteral("inspect.bin")).toStdString();
    QFile f(QString::fromStdString(m_path));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    // 0: DE AD BE EF 00 00 C0 3F | 8: 41 C3 A9 00 01 02 FE 80 | 16: 80 10 00 00 00 00 00 00 | 24: FE 80
    f.write(QByteArray::fromHex("deadbeef0000c03f41c3a9000102fe80" "8010000000000000" "fe80"));
}

void TestInspectorDock::showsValuesBothEndians()
{
    Document doc;
    doc.open(*MappedFile::openReadOnly(m_path));
    InspectorDock dock(&doc);
    dock.setCursorOffset(0);
    QCOMPARE(dock.valueText(Type::UInt32), QStringLiteral("4022250974"));
    QCOMPARE(dock.valueText(Type::Int8), QStringLiteral("-34"));
    QCOMPARE(dock.valueText(Type::Binary), QStringLiteral("11011110"));
    QCOMPARE(dock.offsetText(), QStringLiteral("Offset 0x00000000 (0)"));
    dock.setEndian(ValueDecoder::Endian::Big);
    QCOMPARE(dock.valueText(Type::UInt32), QStringLiteral("3735928559"));
    dock.setCursorOffset(4);
    QCOMPARE(dock.valueText(Type::Float32), QStringLiteral("6.8965e-41")); // 0x0000C03F: 49215 x 2^-149, a denormal
    dock.setEndian(ValueDecoder::Endian::Little);
    QCOMPARE(dock.valueText(Type::Float32), QStringLiteral("1.5"));
    dock.setCursorOffset(9);
    QCOMPARE(dock.valueText(Type::Character), QString::fromUtf8("é (U+00E9)"));
}

void TestInspectorDock::lastBytesAreUnavailable()
{
    Document doc;
    doc.open(*MappedFile::openReadOnly(m_path));
    InspectorDock dock(&doc);
    dock.setCursorOffset(24); // FE 80: the last two bytes
    QCOMPARE(dock.valueText(Type::Int16), QStringLiteral("-32514"));
    QCOMPARE(dock.valueText(Type::Int32), InspectorDock::unavailableText());
    QCOMPARE(dock.valueText(Type::Float64), InspectorDock::unavailableText());
    dock.setCursorOffset(25);
    QCOMPARE(dock.valueText(Type::UInt8), QStringLiteral("128"));
    QCOMPARE(dock.valueText(Type::Int16), InspectorDock::unavailableText());
    QCOMPARE(dock.valueText(Type::Character), QStringLiteral("invalid UTF-8"));
}

// Another program truncates the file while it is shown (issue 13, row 14): the inspector must not decode the SIGBUS
// guard's (or the last page's) zeros past the new end as the file's bytes.
void TestInspectorDock::bytesPastACutAreAbsent()
{
    Document doc;
    doc.open(*MappedFile::openReadOnly(m_path));
    InspectorDock dock(&doc);
    QVERIFY(QFile::resize(QString::fromStdString(m_path), 5));
    dock.setCursorOffset(4); // 00: still in the file
    QCOMPARE(dock.valueText(Type::UInt8), QStringLiteral("0"));
    QCOMPARE(dock.valueText(Type::Int16), InspectorDock::unavailableText());
    dock.setCursorOffset(8); // was 41: cut off now
    QCOMPARE(dock.valueText(Type::UInt8), InspectorDock::unavailableText());
    QCOMPARE(dock.valueText(Type::Binary), InspectorDock::unavailableText());
}

void TestInspectorDock::followsTheOverlay()
{
    Document doc;
    doc.open(*MappedFile::openReadOnly(m_path));
    EditSession &s = *doc.session();
    QVERIFY(s.setEditingEnabled(true));
    InspectorDock dock(&doc);
    dock.setCursorOffset(0);
    s.typeHexDigit(1, 0);
    s.typeHexDigit(1, 0); // DE 00 BE EF
    QCOMPARE(dock.valueText(Type::UInt16), QStringLiteral("222"));
    s.undoStack()->undo();
    QCOMPARE(dock.valueText(Type::UInt16), QStringLiteral("44510"));
}

void TestInspectorDock::editsAValue()
{
    Document doc;
    doc.open(*MappedFile::openReadOnly(m_path));
    EditSession &s = *doc.session();
    InspectorDock dock(&doc);
    QSignalSpy dockMessages(&dock, &InspectorDock::message);
    dock.setCursorOffset(12);
    QVERIFY(!dock.editValue(Type::UInt16, QStringLiteral("1"))); // editing is off: refused, said in the dock
    QCOMPARE(dock.problemText(), InspectorDock::readOnlyText());
    QCOMPARE(dockMessages.count(), 1);
    QCOMPARE(dockMessages.at(0).at(0).toString(), InspectorDock::readOnlyText());
    QVERIFY(!s.isModified());
    QVERIFY(s.setEditingEnabled(true));
    QVERIFY(dock.editValue(Type::Int16, QStringLiteral("-2"))); // little endian: FE FF
    QVERIFY(dock.problemText().isEmpty());
    QCOMPARE(*s.overwriteRuns(),
             (std::vector<EditOverlay::Run>{{12, {std::byte{0xFE}, std::byte{0xFF}}}}));
    QCOMPARE(dock.valueText(Type::Int16), QStringLiteral("-2"));
    QVERIFY(!dock.editValue(Type::UInt8, QStringLiteral("300")));
    QCOMPARE(dock.problemText(), QStringLiteral("300 does not fit in uint8 (0 to 255)"));
    QCOMPARE(dockMessages.last().at(0).toString(), dock.problemText());
    dock.setCursorOffset(24);
    QVERIFY(dock.problemText().isEmpty()); // a refusal was about the old position
    QVERIFY(!dock.editValue(Type::Int32, QStringLiteral("1"))); // runs past the end
    QCOMPARE(dock.problemText(), QStringLiteral("The int32 value runs past the end of the file"));
    dock.setCursorOffset(25);
    QVERIFY(!dock.editValue(Type::Character, QString::fromUtf8("€"))); // 3 UTF-8 bytes at the last byte
    QVERIFY2(dock.problemText().contains(QStringLiteral("past the end")), qPrintable(dock.problemText()));
    QCOMPARE(s.editedBytes(), std::uint64_t(2));
    QCOMPARE(s.undoStack()->count(), 1);
}

// Every kind of value, in the byte order chosen, becomes one ordinary undoable edit.
void TestInspectorDock::editsRespectTheByteOrder_data()
{
    QTest::addColumn<Type>("type");
    QTest::addColumn<bool>("bigEndian");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("written"); // hex, from offset 0
    QTest::newRow("int32 LE") << Type::Int32 << false << "-559038737" << QByteArray("efbeadde");
    QTest::newRow("int32 BE") << Type::Int32 << true << "-559038737" << QByteArray("deadbeef");
    QTest::newRow("uint16 BE hex") << Type::UInt16 << true << "0x1234" << QByteArray("1234");
    QTest::newRow("uint64 LE") << Type::UInt64 << false << "1" << QByteArray("0100000000000000");
    QTest::newRow("int64 BE min") << Type::Int64 << true << "-9223372036854775808" << QByteArray("8000000000000000");
    QTest::newRow("float32 LE") << Type::Float32 << false << "1.5" << QByteArray("0000c03f");
    QTest::newRow("float32 BE") << Type::Float32 << true << "1.5" << QByteArray("3fc00000");
    QTest::newRow("float64 BE") << Type::Float64 << true << "-2" << QByteArray("c000000000000000");
    QTest::newRow("float64 LE") << Type::Float64 << false << "3.141592653589793" << QByteArray("182d4454fb210940");
    QTest::newRow("int8") << Type::Int8 << true << "-128" << QByteArray("80");
    QTest::newRow("binary") << Type::Binary << false << "0000 0001" << QByteArray("01");
    QTest::newRow("character") << Type::Character << false << QString::fromUtf8("é") << QByteArray("c3a9");
}

void TestInspectorDock::editsRespectTheByteOrder()
{
    QFETCH(Type, type);
    QFETCH(bool, bigEndian);
    QFETCH(QString, text);
    QFETCH(QByteArray, written);
    Document doc;
    doc.open(*MappedFile::openReadOnly(m_path));
    EditSession &s = *doc.session();
    QVERIFY(s.setEditingEnabled(true));
    InspectorDock dock(&doc);
    dock.setEndian(bigEndian ? ValueDecoder::Endian::Big : ValueDecoder::Endian::Little);
    dock.setCursorOffset(0);
    const QString before = dock.valueText(type);
    QVERIFY2(dock.editValue(type, text), qPrintable(dock.problemText()));
    const QByteArray bytes = QByteArray::fromHex(written);
    QByteArray shown(bytes.size(), '\0');
    QCOMPARE(s.readDisplayed(0, std::span(reinterpret_cast<std::byte *>(shown.data()), std::size_t(shown.size()))),
             std::size_t(bytes.size()));
    QCOMPARE(shown.toHex(), written);
    QCOMPARE(s.undoStack()->count(), 1);
    QVERIFY(s.isModified());
    s.undoStack()->undo(); // one ordinary undo step puts the file's bytes back
    QVERIFY(!s.isModified());
    QCOMPARE(dock.valueText(type), before);
    // Nothing reached the file: the edit is unsaved.
    QFile f(QString::fromStdString(m_path));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.read(2).toHex(), QByteArray("dead"));
}

// The user's path: F2 on a value cell, type, Enter. A read-only file refuses the edit and says how to enable editing.
void TestInspectorDock::editsThroughTheTable()
{
    Document doc;
    doc.open(*MappedFile::openReadOnly(m_path));
    EditSession &s = *doc.session();
    InspectorDock dock(&doc);
    dock.resize(dock.sizeHint());
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    InspectorTable *table = dock.table();
    dock.setCursorOffset(4);
    const auto startEditing = [table](Type type) {
        table->setFocus();
        table->setCurrentCell(int(type), 1);
        QTest::keyClick(table, Qt::Key_F2);
        QLineEdit *open = nullptr; // a closed editor may linger until its deleteLater
        for (QLineEdit *e : table->findChildren<QLineEdit *>())
            if (e->isVisible())
                open = e;
        return open;
    };
    // Read-only: no editor opens, and the dock says why (double-click too).
    QVERIFY(!startEditing(Type::UInt16));
    QCOMPARE(dock.problemText(), InspectorDock::readOnlyText());
    dock.setCursorOffset(5);
    QVERIFY(dock.problemText().isEmpty());
    const QRect cell = table->visualItemRect(table->item(int(Type::UInt8), 1));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center()); // a double-click's first press
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(dock.problemText(), InspectorDock::readOnlyText());
    QVERIFY2(dock.table()->valueToolTip(Type::UInt8).contains(InspectorDock::readOnlyText()),
             qPrintable(dock.table()->valueToolTip(Type::UInt8)));
    // Editing on: the editor opens, Enter writes the value as one edit.
    QVERIFY(s.setEditingEnabled(true));
    QVERIFY(dock.table()->valueToolTip(Type::UInt8).isEmpty());
    QLineEdit *editor = startEditing(Type::UInt16);
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("513")); // 0x0201, little endian: 01 02
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(s.undoStack()->count(), 1); // the delegate commits Enter through a queued call
    QCOMPARE(*s.overwriteRuns(), (std::vector<EditOverlay::Run>{{5, {std::byte{0x01}, std::byte{0x02}}}}));
    QCOMPARE(dock.valueText(Type::UInt16), QStringLiteral("513"));
    // A value that does not fit: refused, the old value stays, the dock says why.
    editor = startEditing(Type::Int8);
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("300"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(dock.problemText(), QStringLiteral("300 does not fit in int8 (-128 to 127)"));
    QCOMPARE(dock.valueText(Type::Int8), QStringLiteral("1"));
    QCOMPARE(s.undoStack()->count(), 1);
}

// Issue 19 item 7: at the dock's default width no value is elided, also the longest ones (int64 min-like values and
// a float64 with 17 digits and a 3-digit exponent), in a main window as the app docks it. Narrower, the cut values
// carry their full text as tooltip.
void TestInspectorDock::longValuesAreNotElided()
{
    Document doc;
    doc.open(*MappedFile::openReadOnly(m_path));
    QMainWindow window;
    window.setCentralWidget(new QWidget(&window));
    auto *dock = new InspectorDock(&doc, &window);
    window.addDockWidget(Qt::RightDockWidgetArea, dock);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    dock->setEndian(ValueDecoder::Endian::Big);
    dock->setCursorOffset(16); // 80 10 00 00 00 00 00 00
    QCOMPARE(dock->valueText(Type::Float64), QStringLiteral("-2.2250738585072014e-308"));
    QCOMPARE(dock->valueText(Type::Int64), QStringLiteral("-9218868437227405312"));
    QCOMPARE(dock->valueText(Type::UInt64), QStringLiteral("9227875636482146304"));
    for (int row = 0; row < ValueDecoder::kTypeCount; ++row)
        QVERIFY2(!dock->table()->isValueElided(Type(row)), qPrintable(dock->valueText(Type(row))));
    // (The tooltip says only why a read-only file's value cannot be edited, not the value.)
    QCOMPARE(dock->table()->valueToolTip(Type::Float64), InspectorDock::readOnlyText());
    // A narrow dock (a small window) elides, and the tooltip holds the whole value.
    window.resizeDocks({dock}, {150}, Qt::Horizontal);
    QTRY_VERIFY(dock->table()->isValueElided(Type::Float64));
    QCOMPARE(dock->table()->valueToolTip(Type::Float64),
             QStringLiteral("-2.2250738585072014e-308\n") + InspectorDock::readOnlyText());
    // The dock can be made that narrow: it does not force its full width on a small window.
    QVERIFY2(dock->minimumSizeHint().width() < dock->sizeHint().width(), "the dock's minimum is its full width");
}

// With HEXMAP_SCREENSHOT_DIR set (run under xvfb-run for the real platform): the dock at its default width with the
// longest values and a refused edit, in the light and the dark theme, and narrowed.
// Issue 19 item 1: after switching to the dark palette the values were dark text on a dark base (a colour taken from
// the light palette at start-up stayed in the items). What is painted must contrast with the table's base: the
// values by at least 4.5 (WCAG AA for text), the dimmed "unavailable" by at least 3, after a switch either way.
void TestInspectorDock::valuesReadableInBothThemes_data()
{
    QTest::addColumn<bool>("darkFirst");
    QTest::newRow("light -> dark") << false;
    QTest::newRow("dark -> light") << true;
}

void TestInspectorDock::valuesReadableInBothThemes()
{
    QFETCH(bool, darkFirst);
    const QPalette original = QApplication::palette();
    const QPalette light = QApplication::style()->standardPalette();
    const auto restore = qScopeGuard([&] { QApplication::setPalette(original); });
    QApplication::setPalette(darkFirst ? darkPalette() : light);
    Document doc;
    doc.open(*MappedFile::openReadOnly(m_path));
    InspectorDock dock(&doc);
    dock.resize(360, 480);
    dock.setCursorOffset(12); // 4 bytes left: int64 / float64 unavailable
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    QApplication::setPalette(darkFirst ? light : darkPalette());
    QCoreApplication::processEvents();
    auto *table = dock.findChild<QTableWidget *>();
    QVERIFY(table);
    const QColor base = table->palette().color(QPalette::Base);
    QCOMPARE(base, (darkFirst ? light : darkPalette()).color(QPalette::Base)); // the switch reached the table
    const QImage image = table->viewport()->grab().toImage();
    for (const Type type : {Type::Int8, Type::UInt32, Type::Float32, Type::Int64, Type::Float64}) {
        const QRect cell = table->visualItemRect(table->item(int(type), 1)).adjusted(1, 1, -1, -1);
        QVERIFY2(!cell.isEmpty(), ValueDecoder::name(type).toUtf8().constData());
        const bool available = dock.valueText(type) != InspectorDock::unavailableText();
        const double contrast = contrasttest::textContrast(image, cell);
        QVERIFY2(contrast >= (available ? 4.5 : 3.0),
                 qPrintable(QStringLiteral("%1 \"%2\": contrast %3 on %4")
                                .arg(ValueDecoder::name(type), dock.valueText(type))
                                .arg(contrast)
                                .arg(base.name())));
    }
}

void TestInspectorDock::screenshot()
{
    Document doc;
    doc.open(*MappedFile::openReadOnly(m_path));
    QVERIFY(doc.session()->setEditingEnabled(true));
    InspectorDock dock(&doc);
    dock.setEndian(ValueDecoder::Endian::Big);
    dock.setCursorOffset(16);
    QVERIFY(!dock.editValue(Type::UInt8, QStringLiteral("300")));
    dock.resize(dock.sizeHint());
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    QVERIFY(!dock.grab().isNull());
    const QString out = qEnvironmentVariable("HEXMAP_SCREENSHOT_DIR");
    if (out.isEmpty())
        return;
    QVERIFY(dock.grab().save(out + QStringLiteral("/inspector-dock.png")));
    applyTheme(Preferences::Theme::Dark);
    QCoreApplication::processEvents(); // the palette change reaches the widgets
    QVERIFY(dock.grab().save(out + QStringLiteral("/inspector-dock-dark.png")));
    dock.resize(200, dock.height());
    QVERIFY(dock.grab().save(out + QStringLiteral("/inspector-dock-narrow-dark.png")));
    applyTheme(Preferences::Theme::System);
}

QTEST_MAIN(TestInspectorDock)
#include "tst_inspectordock.moc"
