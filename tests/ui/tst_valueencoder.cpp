// ValueEncoder: the bytes of typed values in both byte orders at every integer and float boundary, decode(encode(x))
// giving x back, and refusals that name the text, the type and its range.
#include "ui/edit/valuedecoder.h"
#include "ui/edit/valueencoder.h"

#include <QtTest>

#include <cstddef>
#include <vector>

using namespace hexmap;
using Type = ValueDecoder::Type;
using Endian = ValueDecoder::Endian;

Q_DECLARE_METATYPE(hexmap::ValueDecoder::Type)
Q_DECLARE_METATYPE(hexmap::ValueDecoder::Endian)

namespace {

QByteArray toHex(const std::vector<std::byte> &bytes)
{
    return QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size())).toHex();
}

} // namespace

class TestValueEncoder : public QObject {
    Q_OBJECT

private slots:
    void encode_data();
    void encode();
    void refused_data();
    void refused();
    void everyIntegerTypeRoundTripsItsLimits_data();
    void everyIntegerTypeRoundTripsItsLimits();
};

void TestValueEncoder::encode_data()
{
    QTest::addColumn<Type>("type");
    QTest::addColumn<Endian>("endian");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected"); // hex, in file order
    QTest::addColumn<QString>("decoded");     // what the inspector shows for those bytes ("" = the text trimmed)
    const Endian L = Endian::Little, B = Endian::Big;
    QTest::newRow("int8 -1") << Type::Int8 << L << "-1" << QByteArray("ff") << "";
    QTest::newRow("int8 min") << Type::Int8 << L << "-128" << QByteArray("80") << "";
    QTest::newRow("int8 max") << Type::Int8 << B << "127" << QByteArray("7f") << "";
    QTest::newRow("int8 hex pattern") << Type::Int8 << L << "0x80" << QByteArray("80") << "-128";
    QTest::newRow("int8 plus sign") << Type::Int8 << L << "+5" << QByteArray("05") << "5";
    QTest::newRow("uint8 255") << Type::UInt8 << L << "255" << QByteArray("ff") << "";
    QTest::newRow("uint8 minus zero") << Type::UInt8 << L << "-0" << QByteArray("00") << "0";
    QTest::newRow("uint16 LE") << Type::UInt16 << L << "4660" << QByteArray("3412") << "";
    QTest::newRow("uint16 BE") << Type::UInt16 << B << "4660" << QByteArray("1234") << "";
    QTest::newRow("int16 min BE") << Type::Int16 << B << "-32768" << QByteArray("8000") << "";
    QTest::newRow("int32 BE") << Type::Int32 << B << "-559038737" << QByteArray("deadbeef") << "";
    QTest::newRow("int32 LE") << Type::Int32 << L << "-559038737" << QByteArray("efbeadde") << "";
    QTest::newRow("uint32 hex LE") << Type::UInt32 << L << "0xDEADBEEF" << QByteArray("efbeadde") << "3735928559";
    QTest::newRow("uint32 hex short") << Type::UInt32 << B << "0x1" << QByteArray("00000001") << "1";
    QTest::newRow("int64 min") << Type::Int64 << B << "-9223372036854775808" << QByteArray("8000000000000000") << "";
    QTest::newRow("int64 max LE") << Type::Int64 << L << "9223372036854775807" << QByteArray("ffffffffffffff7f")
                                  << "";
    QTest::newRow("uint64 max") << Type::UInt64 << L << "18446744073709551615" << QByteArray("ffffffffffffffff")
                                << "";
    QTest::newRow("uint64 hex max") << Type::UInt64 << B << "0xFFFFFFFFFFFFFFFF" << QByteArray("ffffffffffffffff")
                                    << "18446744073709551615";
    QTest::newRow("float32 LE") << Type::Float32 << L << "1.5" << QByteArray("0000c03f") << "";
    QTest::newRow("float32 BE") << Type::Float32 << B << "1.5" << QByteArray("3fc00000") << "";
    QTest::newRow("float32 0.1 rounds once") << Type::Float32 << B << "0.1" << QByteArray("3dcccccd") << "";
    QTest::newRow("float32 max") << Type::Float32 << B << "3.4028235e38" << QByteArray("7f7fffff")
                                 << "3.4028235e+38";
    QTest::newRow("float32 denormal") << Type::Float32 << B << "1e-45" << QByteArray("00000001") << "1e-45";
    QTest::newRow("float32 -inf") << Type::Float32 << B << "-inf" << QByteArray("ff800000") << "";
    QTest::newRow("float32 pattern") << Type::Float32 << L << "0x3FC00000" << QByteArray("0000c03f") << "1.5";
    QTest::newRow("float64 -2 BE") << Type::Float64 << B << "-2" << QByteArray("c000000000000000") << "";
    QTest::newRow("float64 pi LE") << Type::Float64 << L << "3.141592653589793" << QByteArray("182d4454fb210940")
                                   << "";
    QTest::newRow("float64 scientific") << Type::Float64 << B << "+1e300" << QByteArray("7e37e43c8800759c")
                                        << "1e+300";
    QTest::newRow("float64 nan") << Type::Float64 << B << "nan" << QByteArray("7ff8000000000000") << "";
    QTest::newRow("binary") << Type::Binary << L << "1010 0101" << QByteArray("a5") << "10100101";
    QTest::newRow("binary 0b") << Type::Binary << L << "0b1" << QByteArray("01") << "00000001";
    QTest::newRow("char") << Type::Character << L << "A" << QByteArray("41") << "";
    QTest::newRow("char space") << Type::Character << L << " " << QByteArray("20") << " ";
    QTest::newRow("char euro") << Type::Character << B << QString::fromUtf8("€") << QByteArray("e282ac")
                               << QString::fromUtf8("€ (U+20AC)");
    QTest::newRow("spaces around") << Type::UInt8 << L << "  42 " << QByteArray("2a") << "";
}

void TestValueEncoder::encode()
{
    QFETCH(Type, type);
    QFETCH(Endian, endian);
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    QFETCH(QString, decoded);
    QString error;
    const auto bytes = ValueEncoder::encode(type, text, endian, &error);
    QVERIFY2(bytes.has_value(), qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(toHex(*bytes), expected);
    QCOMPARE(bytes->size(), type == Type::Character ? std::size_t(expected.size() / 2) : ValueDecoder::size(type));
    // The inspector then shows the value typed (in its own spelling).
    QCOMPARE(ValueDecoder::decode(type, *bytes, endian).value_or(QStringLiteral("-")),
             decoded.isEmpty() ? text.trimmed() : decoded);
}

void TestValueEncoder::refused_data()
{
    QTest::addColumn<Type>("type");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("uint8 300") << Type::UInt8 << "300" << "300 does not fit in uint8 (0 to 255)";
    QTest::newRow("uint8 256") << Type::UInt8 << "256" << "256 does not fit in uint8 (0 to 255)";
    QTest::newRow("uint8 negative") << Type::UInt8 << "-1" << "-1 does not fit in uint8 (0 to 255)";
    QTest::newRow("int8 128") << Type::Int8 << "128" << "128 does not fit in int8 (-128 to 127)";
    QTest::newRow("int8 -129") << Type::Int8 << "-129" << "-129 does not fit in int8 (-128 to 127)";
    QTest::newRow("int16 32768") << Type::Int16 << "32768" << "32768 does not fit in int16 (-32768 to 32767)";
    QTest::newRow("uint32 2^32") << Type::UInt32 << "4294967296"
                                 << "4294967296 does not fit in uint32 (0 to 4294967295)";
    QTest::newRow("int32 below min") << Type::Int32 << "-2147483649"
                                     << "-2147483649 does not fit in int32 (-2147483648 to 2147483647)";
    QTest::newRow("int64 2^63") << Type::Int64 << "9223372036854775808"
                                << "9223372036854775808 does not fit in int64 (-9223372036854775808 to "
                                   "9223372036854775807)";
    QTest::newRow("int64 past 64 bits") << Type::Int64 << "-99999999999999999999"
                                        << "-99999999999999999999 does not fit in int64 (-9223372036854775808 to "
                                           "9223372036854775807)";
    QTest::newRow("uint64 2^64") << Type::UInt64 << "18446744073709551616"
                                 << "18446744073709551616 does not fit in uint64 (0 to 18446744073709551615)";
    QTest::newRow("uint16 hex too wide") << Type::UInt16 << "0x10000"
                                         << "0x10000 does not fit in uint16 (0x0 to 0xFFFF)";
    QTest::newRow("float32 pattern too wide") << Type::Float32 << "0x100000000"
                                              << "0x100000000 does not fit in float32 (0x0 to 0xFFFFFFFF)";
    QTest::newRow("float32 too large") << Type::Float32 << "1e39"
                                       << "1e39 does not fit in float32 (largest: 3.40282347e+38)";
    QTest::newRow("float32 too small") << Type::Float32 << "-1e-50"
                                       << "-1e-50 does not fit in float32: too close to 0 (it would become 0)";
    QTest::newRow("float64 too large") << Type::Float64 << "1e309"
                                       << "1e309 does not fit in float64 (largest: 1.7976931348623157e+308)";
    QTest::newRow("not a number") << Type::Int32 << "12abc"
                                  << "12abc is not an integer: type decimal digits, or 0x and hex digits";
    QTest::newRow("fraction for an integer") << Type::Int32 << "1.5"
                                             << "1.5 is not an integer: type decimal digits, or 0x and hex digits";
    QTest::newRow("bad hex") << Type::UInt8 << "0xZZ"
                             << "0xZZ is not a hex number: type 0x and hex digits (0-9, A-F)";
    QTest::newRow("empty") << Type::Int32 << "" << "Enter a value";
    QTest::newRow("only spaces") << Type::Float64 << "   " << "Enter a value";
    QTest::newRow("float junk") << Type::Float32 << "1.5x"
                                << "1.5x is not a number: type a decimal or scientific number (1.5, -2e-3), nan or "
                                   "inf, or 0x and the hex bit pattern";
    QTest::newRow("float comma") << Type::Float64 << "1,5"
                                 << "1,5 is not a number: type a decimal or scientific number (1.5, -2e-3), nan or "
                                    "inf, or 0x and the hex bit pattern";
    QTest::newRow("binary 9 digits") << Type::Binary << "101010101"
                                     << "101010101 is not a binary byte: type up to 8 binary digits (0 and 1)";
    QTest::newRow("binary digit 2") << Type::Binary << "102"
                                    << "102 is not a binary byte: type up to 8 binary digits (0 and 1)";
    QTest::newRow("two chars") << Type::Character << "AB" << "Enter exactly one character";
}

void TestValueEncoder::refused()
{
    QFETCH(Type, type);
    QFETCH(QString, text);
    QFETCH(QString, error);
    for (const Endian endian : {Endian::Little, Endian::Big}) {
        QString why;
        QVERIFY(!ValueEncoder::encode(type, text, endian, &why).has_value());
        QCOMPARE(why, error);
    }
    QVERIFY(!ValueEncoder::encode(type, text, Endian::Little).has_value()); // no error string wanted: no crash
}

// Every integer type: its minimum and maximum in both byte orders give the same value back; one past each is refused.
void TestValueEncoder::everyIntegerTypeRoundTripsItsLimits_data()
{
    QTest::addColumn<Type>("type");
    QTest::addColumn<QString>("min");
    QTest::addColumn<QString>("max");
    QTest::addColumn<QString>("belowMin");
    QTest::addColumn<QString>("aboveMax");
    QTest::newRow("int8") << Type::Int8 << "-128" << "127" << "-129" << "128";
    QTest::newRow("uint8") << Type::UInt8 << "0" << "255" << "-1" << "256";
    QTest::newRow("int16") << Type::Int16 << "-32768" << "32767" << "-32769" << "32768";
    QTest::newRow("uint16") << Type::UInt16 << "0" << "65535" << "-1" << "65536";
    QTest::newRow("int32") << Type::Int32 << "-2147483648" << "2147483647" << "-2147483649" << "2147483648";
    QTest::newRow("uint32") << Type::UInt32 << "0" << "4294967295" << "-1" << "4294967296";
    QTest::newRow("int64") << Type::Int64 << "-9223372036854775808" << "9223372036854775807"
                           << "-9223372036854775809" << "9223372036854775808";
    QTest::newRow("uint64") << Type::UInt64 << "0" << "18446744073709551615" << "-1" << "18446744073709551616";
}

void TestValueEncoder::everyIntegerTypeRoundTripsItsLimits()
{
    QFETCH(Type, type);
    QFETCH(QString, min);
    QFETCH(QString, max);
    QFETCH(QString, belowMin);
    QFETCH(QString, aboveMax);
    for (const Endian endian : {Endian::Little, Endian::Big}) {
        for (const QString &v : {min, max}) {
            const auto bytes = ValueEncoder::encode(type, v, endian);
            QVERIFY2(bytes.has_value(), qPrintable(v));
            QCOMPARE(ValueDecoder::decode(type, *bytes, endian).value_or(QString()), v);
        }
        for (const QString &v : {belowMin, aboveMax}) {
            QString why;
            QVERIFY2(!ValueEncoder::encode(type, v, endian, &why).has_value(), qPrintable(v));
            QVERIFY2(why.startsWith(v + QStringLiteral(" does not fit in ") + ValueDecoder::name(type)),
                     qPrintable(why));
        }
    }
}

QTEST_GUILESS_MAIN(TestValueEncoder)
#include "tst_valueencoder.moc"
