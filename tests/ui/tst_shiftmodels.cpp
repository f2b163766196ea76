// Issue 15, GUI part 1: the plain models of Edit > Insert Bytes… and Edit > Delete Range…: what they accept (any
// numberparser notation, hex bytes, a fill byte or pattern with a count), the message naming the value they refuse
// (offset past the end, zero length, range past the end, bad hex), the layouts they build, and the confirmation
// that states the cost (ShiftCost). The dialogs and the save itself: tst_shiftcommands.
#include "core/savelayout.h"
#include "ui/edit/deleterangemodel.h"
#include "ui/edit/insertbytesmodel.h"
#include "ui/edit/shiftcost.h"

#include <QtTest>

using namespace hexmap;
using Source = InsertBytesModel::Source;

Q_DECLARE_METATYPE(InsertBytesModel::Source)

class TestShiftModels : public QObject {
    Q_OBJECT
private slots:
    void insertModel_data();
    void insertModel();
    void deleteModel_data();
    void deleteModel();
    void saveCostStatesTheMoves();
};

void TestShiftModels::insertModel_data()
{
    QTest::addColumn<quint64>("size");
    QTest::addColumn<QString>("offset");
    QTest::addColumn<Source>("source");
    QTest::addColumn<QString>("value"); // hex bytes, fill byte or pattern
    QTest::addColumn<QString>("count");
    QTest::addColumn<quint64>("length"); // 0: invalid
    QTest::addColumn<QString>("error");  // a part of errorText()
    QTest::newRow("hex at 0") << 100ull << "0" << Source::Hex << "DE AD BE EF" << "" << 4ull << "";
    QTest::newRow("hex appends at size") << 100ull << "100" << Source::Hex << "00" << "" << 1ull << "";
    QTest::newRow("negative from end") << 100ull << "-4" << Source::Hex << "00" << "" << 1ull << "";
    QTest::newRow("offset past end") << 100ull << "0x65" << Source::Hex << "00" << "" << 0ull
                                     << "Offset 0x65 is past the end of the file (100 bytes)";
    QTest::newRow("offset not a number") << 100ull << "zz" << Source::Hex << "00" << "" << 0ull
                                         << "Offset “zz” is not a number";
    QTest::newRow("bad hex") << 100ull << "0" << Source::Hex << "DE AX" << "" << 0ull << "Bad hex bytes “DE AX”";
    QTest::newRow("empty hex") << 100ull << "0" << Source::Hex << "" << "" << 0ull << "Type the bytes to insert";
    QTest::newRow("fill 16M") << 100ull << "0" << Source::FillByte << "0xFF" << "16M" << (16ull << 20) << "";
    QTest::newRow("fill hex count") << 0ull << "0" << Source::FillByte << "255" << "0x1000" << 4096ull << "";
    QTest::newRow("fill zero count") << 100ull << "0" << Source::FillByte << "0" << "0" << 0ull
                                     << "Count 0 is zero: nothing to insert";
    QTest::newRow("fill bad byte") << 100ull << "0" << Source::FillByte << "256" << "4" << 0ull
                                   << "Fill byte “256” is not a byte";
    QTest::newRow("fill bad count") << 100ull << "0" << Source::FillByte << "1" << "4Q" << 0ull
                                    << "Count “4Q” is not a size";
    QTest::newRow("pattern") << 100ull << "4" << Source::Pattern << "DE AD" << "3" << 3ull << "";
    QTest::newRow("pattern bad") << 100ull << "4" << Source::Pattern << "D" << "3" << 0ull << "Bad hex pattern “D”";
    QTest::newRow("past 2^64") << 100ull << "0" << Source::FillByte << "1" << "0xFFFFFFFFFFFFFFFF" << 0ull
                               << "larger than 2^64 bytes";
}

void TestShiftModels::insertModel()
{
    QFETCH(quint64, size);
    QFETCH(QString, offset);
    QFETCH(Source, source);
    QFETCH(QString, value);
    QFETCH(QString, count);
    QFETCH(quint64, length);
    QFETCH(QString, error);
    InsertBytesModel m;
    m.setFileSize(size);
    m.setOffsetText(offset);
    m.setSource(source);
    m.setHexText(value);
    m.setFillByteText(value);
    m.setPatternText(value);
    m.setCountText(count);
    QCOMPARE(m.isValid(), length != 0);
    if (length == 0) {
        QVERIFY2(m.errorText().contains(error), qPrintable(m.errorText()));
        return;
    }
    QCOMPARE(m.errorText(), QString());
    auto layout = m.layout();
    QVERIFY(layout);
    std::uint64_t total = 0;
    for (const SavePiece &p : *layout)
        total += p.length;
    QCOMPARE(total, size + length);
    QCOMPARE(m.piece()->length, length);
}

void TestShiftModels::deleteModel_data()
{
    QTest::addColumn<quint64>("size");
    QTest::addColumn<QString>("offset");
    QTest::addColumn<QString>("length");
    QTest::addColumn<quint64>("start"); // the valid range's offset
    QTest::addColumn<quint64>("count"); // 0: invalid
    QTest::addColumn<QString>("error");
    QTest::newRow("middle") << 100ull << "0x10" << "16" << 16ull << 16ull << "";
    QTest::newRow("last byte") << 100ull << "-1" << "1" << 99ull << 1ull << "";
    QTest::newRow("whole file") << 100ull << "0" << "100" << 0ull << 100ull << "";
    QTest::newRow("zero length") << 100ull << "0" << "0" << 0ull << 0ull << "Length 0 is zero: nothing to delete";
    QTest::newRow("past end") << 100ull << "0x60" << "5" << 0ull << 0ull
                              << "5 bytes at 0x60 passes the end of the file (100 bytes)";
    QTest::newRow("offset past end") << 100ull << "101" << "1" << 0ull << 0ull << "Offset 101 is past the end";
    QTest::newRow("bad length") << 100ull << "0" << "x" << 0ull << 0ull << "Length “x” is not a size";
    QTest::newRow("at end, nothing left") << 100ull << "100" << "1" << 0ull << 0ull << "passes the end";
}

void TestShiftModels::deleteModel()
{
    QFETCH(quint64, size);
    QFETCH(QString, offset);
    QFETCH(QString, length);
    QFETCH(quint64, start);
    QFETCH(quint64, count);
    QFETCH(QString, error);
    DeleteRangeModel m;
    m.setFileSize(size);
    m.setOffsetText(offset);
    m.setLengthText(length);
    QCOMPARE(m.isValid(), count != 0);
    if (count == 0) {
        QVERIFY2(m.errorText().contains(error), qPrintable(m.errorText()));
        return;
    }
    QCOMPARE(m.errorText(), QString());
    QCOMPARE(m.range()->offset, start);
    QCOMPARE(m.range()->size, count);
    const auto layout = m.layout();
    QVERIFY(layout);
    std::uint64_t total = 0;
    for (const SavePiece &p : *layout)
        total += p.length;
    QCOMPARE(total, size - count);
}

void TestShiftModels::saveCostStatesTheMoves()
{
    // A 4-byte insert at 0x1000 of an 812 GiB file: everything after it moves, the 4 bytes are written.
    const std::uint64_t size = (812ull << 30) + 0x1000;
    SaveLayout layout{{SavePiece::Kind::Original, 0, 0x1000, 0, nullptr},
                      {SavePiece::Kind::Memory, 0x1000, 4, 0, std::make_shared<const std::vector<std::byte>>(4)},
                      {SavePiece::Kind::Original, 0x1004, size - 0x1000, 0x1000, nullptr}};
    const ShiftCost::SaveCost cost = ShiftCost::saveCost(layout);
    QCOMPARE(cost.movedBytes, size - 0x1000);
    QCOMPARE(cost.writtenBytes, 4ull);
    QCOMPARE(cost.from, 0x1000ull);
    QCOMPARE(ShiftCost::saveText(cost),
             QStringLiteral("Save moves 812.00 GiB from offset 0x1000 in place and writes 4 B; %1. Save As… writes a "
                            "new file instead.")
                 .arg(ShiftCost::durationText(ShiftCost::seconds(size - 0x1000 + 4))));
    // Overwrites in place move nothing.
    const SaveLayout inPlace{{SavePiece::Kind::Original, 0, 10, 0, nullptr},
                             {SavePiece::Kind::Fill, 10, 6, 0, std::make_shared<const std::vector<std::byte>>(1)}};
    QCOMPARE(ShiftCost::saveCost(inPlace).movedBytes, 0ull);
    QCOMPARE(ShiftCost::saveCost(inPlace).from, 10ull);
    QCOMPARE(ShiftCost::durationText(240), QStringLiteral("about 4 minutes"));
    QCOMPARE(ShiftCost::durationText(12), QStringLiteral("about 12 seconds"));
    QCOMPARE(ShiftCost::durationText(3 * 3600), QStringLiteral("about 3 hours"));
    DeleteRangeModel remove;
    remove.setFileSize(100);
    remove.setDefault(ByteRange{0x10, 0x20}, 0); // the selection
    QCOMPARE(remove.offsetText(), QStringLiteral("0x10"));
    QCOMPARE(remove.lengthText(), QStringLiteral("32"));
    remove.setDefault(ByteRange{}, 99); // no selection: the cursor byte
    QCOMPARE(remove.offsetText(), QStringLiteral("0x63"));
    QCOMPARE(remove.lengthText(), QStringLiteral("1"));
}

QTEST_GUILESS_MAIN(TestShiftModels)
#include "tst_shiftmodels.moc"
