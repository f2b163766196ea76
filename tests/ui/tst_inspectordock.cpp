// InspectorDock: shows the values at the cursor (with unsaved edits), both byte orders, unavailable values at the
// last bytes of the file, and edits a value through the session (undoable).
#include "ui/document/document.h"
#include "ui/document/editsession.h"
#include "ui/edit/inspectordock.h"
#include "ui/common/theme.h"
#include "contrasttesthelpers.h"

#include <QApplication>
#include <QScopeGuard>
#include <QStyle>
#include <QTableWidget>
#include <QtTest>

using namespace hexmap;
using Type = ValueDecoder::Type;

class TestInspectorDock : public QObject {
    Q_OBJECT

private slots:
    void init();
    void showsValuesBothEndians();
    void lastBytesAreUnavailable();
    void bytesPastACutAreAbsent();
    void followsTheOverlay();
    void editsAValue();
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
    // 0: DE AD BE EF 00 00 C0 3F | 8: 41 C3 A9 .. 16 bytes
    f.write(QByteArray::fromHex("deadbeef0000c03f41c3a9000102fe80"));
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
    dock.setCursorOffset(14); // FE 80: the last two bytes
    QCOMPARE(dock.valueText(Type::Int16), QStringLiteral("-32514"));
    QCOMPARE(dock.valueText(Type::Int32), InspectorDock::unavailableText());
    QCOMPARE(dock.valueText(Type::Float64), InspectorDock::unavailableText());
    dock.setCursorOffset(15);
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
    QSignalSpy sessionMessages(&s, &EditSession::message);
    dock.setCursorOffset(12);
    QVERIFY(!dock.editValue(Type::UInt16, QStringLiteral("1"))); // editing is off
    QCOMPARE(sessionMessages.count(), 1);
    QVERIFY(s.setEditingEnabled(true));
    QVERIFY(dock.editValue(Type::Int16, QStringLiteral("-2"))); // little endian: FE FF
    QCOMPARE(s.overlay().runs(),
             (std::vector<EditOverlay::Run>{{12, {std::byte{0xFE}, std::byte{0xFF}}}}));
    QCOMPARE(dock.valueText(Type::Int16), QStringLiteral("-2"));
    QSignalSpy dockMessages(&dock, &InspectorDock::message);
    QVERIFY(!dock.editValue(Type::Int8, QStringLiteral("300")));
    QCOMPARE(dockMessages.count(), 1);
    dock.setCursorOffset(14);
    QVERIFY(!dock.editValue(Type::Int32, QStringLiteral("1"))); // runs past the end
    QCOMPARE(s.overlay().byteCount(), std::uint64_t(2));
    QCOMPARE(s.undoStack()->count(), 1);
}

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
    InspectorDock dock(&doc);
    dock.resize(320, 440);
    dock.setCursorOffset(13);
    dock.show();
    const QString out = qEnvironmentVariable("HEXMAP_SCREENSHOT_DIR");
    if (!out.isEmpty())
        QVERIFY(dock.grab().save(out + QStringLiteral("/inspector-dock.png")));
    QVERIFY(!dock.grab().isNull());
}

QTEST_MAIN(TestInspectorDock)
#include "tst_inspectordock.moc"
