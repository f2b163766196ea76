// ValueDecoder: decoding known byte sequences in both byte orders and values cut by the end of the file.
// (Its inverse, ValueEncoder, is tested in tst_valueencoder.)
#include "ui/edit/valuedecoder.h"

#include <QtTest>

#include <cstddef>
#include <vector>

using namespace hexmap;
using Type = ValueDecoder::Type;
using Endian = ValueDecoder::Endian;

Q_DECLARE_METATYPE(hexmap::ValueDecoder::Type)
Q_DECLARE_METATYPE(hexmap::ValueDecoder::Endian)

namespace {

std::vector<std::byte> hex(const char *text)
{
    const QByteArray raw = QByteArray::fromHex(text);
    const auto *p = reinterpret_cast<const std::byte *>(raw.constData());
    return {p, p + raw.size()};
}

} // namespace

class TestValueDecoder : public QObject {
    Q_OBJECT

private slots:
    void decode_data();
    void decode();
    void offsetText();
};

void TestValueDecoder::decode_data()
{
    QTest::addColumn<QByteArray>("bytes"); // hex; the bytes from the cursor to the end of the file (max 8)
    QTest::addColumn<Type>("type");
    QTest::addColumn<Endian>("endian");
    QTest::addColumn<QString>("expected"); // "-" = unavailable
    const Endian L = Endian::Little, B = Endian::Big;
    QTest::newRow("int8 -1") << QByteArray("ff") << Type::Int8 << L << "-1";
    QTest::newRow("uint8 255") << QByteArray("ff") << Type::UInt8 << B << "255";
    QTest::newRow("int16 LE") << QByteArray("feff") << Type::Int16 << L << "-2";
    QTest::newRow("int16 BE") << QByteArray("feff") << Type::Int16 << B << "-257";
    QTest::newRow("uint16 LE") << QByteArray("3412") << Type::UInt16 << L << "4660";
    QTest::newRow("uint16 BE") << QByteArray("1234") << Type::UInt16 << B << "4660";
    QTest::newRow("int32 min LE") << QByteArray("00000080") << Type::Int32 << L << "-2147483648";
    QTest::newRow("int32 BE") << QByteArray("deadbeef") << Type::Int32 << B << "-559038737";
    QTest::newRow("uint32 BE") << QByteArray("deadbeef") << Type::UInt32 << B << "3735928559";
    QTest::newRow("uint32 LE") << QByteArray("deadbeef") << Type::UInt32 << L << "4022250974";
    QTest::newRow("int64 -1") << QByteArray("ffffffffffffffff") << Type::Int64 << L << "-1";
    QTest::newRow("int64 min BE") << QByteArray("8000000000000000") << Type::Int64 << B << "-9223372036854775808";
    QTest::newRow("uint64 max") << QByteArray("ffffffffffffffff") << Type::UInt64 << B << "18446744073709551615";
    QTest::newRow("uint64 LE 1") << QByteArray("0100000000000000") << Type::UInt64 << L << "1";
    QTest::newRow("float32 1.5 LE") << QByteArray("0000c03f") << Type::Float32 << L << "1.5";
    QTest::newRow("float32 1.5 BE") << QByteArray("3fc00000") << Type::Float32 << B << "1.5";
    QTest::newRow("float32 0.1") << QByteArray("3dcccccd") << Type::Float32 << B << "0.1";
    QTest::newRow("float32 -inf") << QByteArray("ff800000") << Type::Float32 << B << "-inf";
    QTest::newRow("float64 pi LE") << QByteArray("182d4454fb210940") << Type::Float64 << L << "3.141592653589793";
    QTest::newRow("float64 -2 BE") << QByteArray("c000000000000000") << Type::Float64 << B << "-2";
    QTest::newRow("binary") << QByteArray("a5") << Type::Binary << L << "10100101";
    QTest::newRow("binary 1") << QByteArray("01") << Type::Binary << B << "00000001";
    QTest::newRow("char A") << QByteArray("41") << Type::Character << L << "A";
    QTest::newRow("char LF") << QByteArray("0a") << Type::Character << L << "U+000A (control)";
    QTest::newRow("char e-acute") << QByteArray("c3a9") << Type::Character << L << QString::fromUtf8("é (U+00E9)");
    QTest::newRow("char combining") << QByteArray("dead") << Type::Character << L
                                    << QString::fromUtf8("\u25CC\u07AD (U+07AD, combining)");
    QTest::newRow("char C1 control") << QByteArray("c285") << Type::Character << L << "U+0085 (control)";
    QTest::newRow("char zero width joiner") << QByteArray("e2808d") << Type::Character << L << "U+200D (format)";
    QTest::newRow("char euro") << QByteArray("e282ac41") << Type::Character << B << QString::fromUtf8("€ (U+20AC)");
    QTest::newRow("char emoji") << QByteArray("f09f9880") << Type::Character << L
                                << QString::fromUtf8("😀 (U+1F600)");
    QTest::newRow("char bad lead") << QByteArray("ff") << Type::Character << L << "invalid UTF-8";
    QTest::newRow("char bad continuation") << QByteArray("c341") << Type::Character << L << "invalid UTF-8";
    QTest::newRow("char overlong") << QByteArray("c0af") << Type::Character << L << "invalid UTF-8";
    // at the last bytes of the file
    QTest::newRow("last byte int8") << QByteArray("80") << Type::Int8 << L << "-128";
    QTest::newRow("last byte int16") << QByteArray("80") << Type::Int16 << L << "-";
    QTest::newRow("3 bytes int32") << QByteArray("010203") << Type::Int32 << B << "-";
    QTest::newRow("4 bytes int32") << QByteArray("01020304") << Type::Int32 << B << "16909060";
    QTest::newRow("7 bytes int64") << QByteArray("01020304050607") << Type::Int64 << L << "-";
    QTest::newRow("7 bytes float64") << QByteArray("01020304050607") << Type::Float64 << B << "-";
    QTest::newRow("3 bytes float32") << QByteArray("000080") << Type::Float32 << L << "-";
    QTest::newRow("cut UTF-8") << QByteArray("e282") << Type::Character << L << "-";
    QTest::newRow("empty") << QByteArray("") << Type::UInt8 << L << "-";
}

void TestValueDecoder::decode()
{
    QFETCH(QByteArray, bytes);
    QFETCH(Type, type);
    QFETCH(Endian, endian);
    QFETCH(QString, expected);
    const std::vector<std::byte> data = hex(bytes.constData());
    const std::optional<QString> value = ValueDecoder::decode(type, data, endian);
    QCOMPARE(value.value_or(QStringLiteral("-")), expected);
}

void TestValueDecoder::offsetText()
{
    QCOMPARE(ValueDecoder::offsetText(42), QStringLiteral("0x0000002A (42)"));
    QCOMPARE(ValueDecoder::offsetText(0x123456789AULL), QStringLiteral("0x123456789A (78187493530)"));
}

QTEST_GUILESS_MAIN(TestValueDecoder)
#include "tst_valuedecoder.moc"
