#include "core/numberparser.h"

#include <QtTest>

#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

using namespace hexmap;

namespace {

constexpr quint64 kMax = std::numeric_limits<std::uint64_t>::max();
constexpr quint64 kKi = 1024;
constexpr int kOk = 0;

std::string_view view(const QByteArray &bytes)
{
    return {bytes.constData(), static_cast<std::size_t>(bytes.size())};
}

int code(Errc e) { return static_cast<int>(e); }

} // namespace

class TestNumberParser : public QObject {
    Q_OBJECT

private slots:
    void parseSizeAccepted_data();
    void parseSizeAccepted();
    void parseSizeRejected_data();
    void parseSizeRejected();
    void parseOffset_data();
    void parseOffset();
    void parseByte_data();
    void parseByte();
    void resolveRange_data();
    void resolveRange();
    void formatSize_data();
    void formatSize();
    void errorMessageNamesTheText();
};

void TestNumberParser::parseSizeAccepted_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<quint64>("expected");
    QTest::newRow("zero") << QByteArray("0") << quint64(0);
    QTest::newRow("one") << QByteArray("1") << quint64(1);
    QTest::newRow("decimal") << QByteArray("4096") << quint64(4096);
    QTest::newRow("leading zeros") << QByteArray("00012") << quint64(12);
    QTest::newRow("whitespace") << QByteArray(" \t4096\n ") << quint64(4096);
    QTest::newRow("hex") << QByteArray("0x1000") << quint64(4096);
    QTest::newRow("hex upper X") << QByteArray("0X1000") << quint64(4096);
    QTest::newRow("hex mixed case") << QByteArray("0xfF") << quint64(255);
    QTest::newRow("hex 1B is a number") << QByteArray("0x1B") << quint64(27);
    QTest::newRow("hex 16E is a number") << QByteArray("0x16E") << quint64(366);
    QTest::newRow("B") << QByteArray("1B") << quint64(1);
    QTest::newRow("space B") << QByteArray("512 B") << quint64(512);
    QTest::newRow("b lower") << QByteArray("512b") << quint64(512);
    QTest::newRow("K") << QByteArray("4K") << 4 * kKi;
    QTest::newRow("k") << QByteArray("4k") << 4 * kKi;
    QTest::newRow("KiB") << QByteArray("4KiB") << 4 * kKi;
    QTest::newRow("kib") << QByteArray("4kib") << 4 * kKi;
    QTest::newRow("space KiB") << QByteArray("4  KiB") << 4 * kKi;
    QTest::newRow("KB") << QByteArray("4KB") << quint64(4000);
    QTest::newRow("kb") << QByteArray("4kb") << quint64(4000);
    QTest::newRow("0K") << QByteArray("0K") << quint64(0);
    QTest::newRow("M") << QByteArray("3M") << 3 * kKi * kKi;
    QTest::newRow("MiB") << QByteArray("3MiB") << 3 * kKi * kKi;
    QTest::newRow("MB") << QByteArray("3MB") << quint64(3'000'000);
    QTest::newRow("G") << QByteArray("2G") << 2 * kKi * kKi * kKi;
    QTest::newRow("GiB") << QByteArray("2gIb") << 2 * kKi * kKi * kKi;
    QTest::newRow("GB") << QByteArray("2GB") << quint64(2'000'000'000);
    QTest::newRow("T") << QByteArray("1T") << kKi * kKi * kKi * kKi;
    QTest::newRow("TiB") << QByteArray("1TiB") << kKi * kKi * kKi * kKi;
    QTest::newRow("TB") << QByteArray("1TB") << quint64(1'000'000'000'000);
    QTest::newRow("2^64-1 decimal") << QByteArray("18446744073709551615") << kMax;
    QTest::newRow("2^64-1 hex") << QByteArray("0xFFFFFFFFFFFFFFFF") << kMax;
    QTest::newRow("2^64-1 hex leading zeros") << QByteArray("0x0000FFFFFFFFFFFFFFFF") << kMax;
    QTest::newRow("largest T") << QByteArray("16777215T") << (kMax >> 40 << 40);
    QTest::newRow("largest TB") << QByteArray("18446744TB") << quint64(18'446'744'000'000'000'000ull);
    QTest::newRow("largest G") << QByteArray("17179869183G") << (kMax >> 30 << 30);
}

void TestNumberParser::parseSizeAccepted()
{
    QFETCH(QByteArray, text);
    QFETCH(quint64, expected);
    const auto result = parseSize(view(text));
    QVERIFY2(result.ok(), result.message().c_str());
    QCOMPARE(quint64(*result), expected);
}

void TestNumberParser::parseSizeRejected_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("context");
    QTest::newRow("empty") << QByteArray("") << "(empty)";
    QTest::newRow("blank") << QByteArray(" \t ") << "(empty)";
    QTest::newRow("negative") << QByteArray("-1") << "-1";
    QTest::newRow("minus zero") << QByteArray("-0") << "-0";
    QTest::newRow("plus") << QByteArray("+1") << "+1";
    QTest::newRow("garbage suffix") << QByteArray("12Q") << "12Q";
    QTest::newRow("context trimmed") << QByteArray("  12Q\t") << "12Q";
    QTest::newRow("fraction") << QByteArray("1.5K") << "1.5K";
    QTest::newRow("fraction no suffix") << QByteArray("1.0") << "1.0";
    QTest::newRow("exponent") << QByteArray("1e3") << "1e3";
    QTest::newRow("E suffix") << QByteArray("16E") << "16E";
    QTest::newRow("P suffix") << QByteArray("1P") << "1P";
    QTest::newRow("double suffix") << QByteArray("1KK") << "1KK";
    QTest::newRow("KiBB") << QByteArray("1KiBB") << "1KiBB";
    QTest::newRow("iB alone") << QByteArray("1iB") << "1iB";
    QTest::newRow("suffix alone") << QByteArray("K") << "K";
    QTest::newRow("B alone") << QByteArray("B") << "B";
    QTest::newRow("two numbers") << QByteArray("1 2") << "1 2";
    QTest::newRow("digit separator _") << QByteArray("1_000") << "1_000";
    QTest::newRow("digit separator ,") << QByteArray("1,000") << "1,000";
    QTest::newRow("0x alone") << QByteArray("0x") << "0x";
    QTest::newRow("0x space") << QByteArray("0x ") << "0x";
    QTest::newRow("0x then space digits") << QByteArray("0x 10") << "0x 10";
    QTest::newRow("0x non-hex") << QByteArray("0xG") << "0xG";
    QTest::newRow("0x negative") << QByteArray("0x-1") << "0x-1";
    QTest::newRow("hex with suffix") << QByteArray("0x10K") << "0x10K";
    QTest::newRow("double prefix") << QByteArray("0x0x10") << "0x0x10";
    QTest::newRow("2^64 decimal") << QByteArray("18446744073709551616") << "18446744073709551616";
    QTest::newRow("2^64 hex") << QByteArray("0x10000000000000000") << "0x10000000000000000";
    QTest::newRow("2^64 via T") << QByteArray("16777216T") << "16777216T";
    QTest::newRow("2^64 via G") << QByteArray("17179869184G") << "17179869184G";
    QTest::newRow("overflow via TB") << QByteArray("18446745TB") << "18446745TB";
    QTest::newRow("long input cut") << QByteArray(100, '9') << QString(61, '9') + "...";
}

void TestNumberParser::parseSizeRejected()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, context);
    const auto result = parseSize(view(text));
    QVERIFY(!result.ok());
    QCOMPARE(result.code(), make_error_code(Errc::ParseError));
    QCOMPARE(QString::fromStdString(result.error().context), context);
}

void TestNumberParser::parseOffset_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<quint64>("fileSize");
    QTest::addColumn<quint64>("expected");
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("context");
    const int parse = code(Errc::ParseError);
    const int bounds = code(Errc::OutOfBounds);
    QTest::newRow("start") << QByteArray("0") << quint64(100) << quint64(0) << kOk << "";
    QTest::newRow("middle hex") << QByteArray("0x10") << quint64(100) << quint64(16) << kOk << "";
    QTest::newRow("at end") << QByteArray("100") << quint64(100) << quint64(100) << kOk << "";
    QTest::newRow("past end") << QByteArray("101") << quint64(100) << quint64(0) << bounds << "101";
    QTest::newRow("suffix") << QByteArray("1K") << quint64(4096) << quint64(1024) << kOk << "";
    QTest::newRow("from end") << QByteArray("-16") << quint64(100) << quint64(84) << kOk << "";
    QTest::newRow("from end hex") << QByteArray("-0x10") << quint64(100) << quint64(84) << kOk << "";
    QTest::newRow("from end suffix") << QByteArray("-1K") << quint64(4096) << quint64(3072) << kOk << "";
    QTest::newRow("from end spaces") << QByteArray(" -16 ") << quint64(100) << quint64(84) << kOk << "";
    QTest::newRow("minus zero") << QByteArray("-0") << quint64(100) << quint64(100) << kOk << "";
    QTest::newRow("whole file back") << QByteArray("-100") << quint64(100) << quint64(0) << kOk << "";
    QTest::newRow("before start") << QByteArray("-101") << quint64(100) << quint64(0) << bounds << "-101";
    QTest::newRow("empty file 0") << QByteArray("0") << quint64(0) << quint64(0) << kOk << "";
    QTest::newRow("empty file 1") << QByteArray("1") << quint64(0) << quint64(0) << bounds << "1";
    QTest::newRow("empty file -1") << QByteArray("-1") << quint64(0) << quint64(0) << bounds << "-1";
    QTest::newRow("max") << QByteArray("18446744073709551615") << kMax << kMax << kOk << "";
    QTest::newRow("minus max") << QByteArray("-18446744073709551615") << kMax << quint64(0) << kOk << "";
    QTest::newRow("minus 2^64") << QByteArray("-18446744073709551616") << kMax << quint64(0) << parse
                                << "-18446744073709551616";
    QTest::newRow("double minus") << QByteArray("--16") << quint64(100) << quint64(0) << parse << "--16";
    QTest::newRow("minus space") << QByteArray("- 16") << quint64(100) << quint64(0) << parse << "- 16";
    QTest::newRow("minus alone") << QByteArray("-") << quint64(100) << quint64(0) << parse << "-";
    QTest::newRow("plus") << QByteArray("+16") << quint64(100) << quint64(0) << parse << "+16";
    QTest::newRow("empty") << QByteArray("") << quint64(100) << quint64(0) << parse << "(empty)";
    QTest::newRow("0x alone") << QByteArray("-0x") << quint64(100) << quint64(0) << parse << "-0x";
    QTest::newRow("garbage") << QByteArray("12Q") << quint64(100) << quint64(0) << parse << "12Q";
}

void TestNumberParser::parseOffset()
{
    QFETCH(QByteArray, text);
    QFETCH(quint64, fileSize);
    QFETCH(quint64, expected);
    QFETCH(int, error);
    QFETCH(QString, context);
    const auto result = hexmap::parseOffset(view(text), fileSize);
    if (error == kOk) {
        QVERIFY2(result.ok(), result.message().c_str());
        QCOMPARE(quint64(*result), expected);
    } else {
        QVERIFY(!result.ok());
        QCOMPARE(result.code(), make_error_code(static_cast<Errc>(error)));
        QCOMPARE(QString::fromStdString(result.error().context), context);
    }
}

void TestNumberParser::parseByte_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("expected"); // -1: rejected
    QTest::newRow("zero") << QByteArray("0") << 0;
    QTest::newRow("decimal") << QByteArray("171") << 171;
    QTest::newRow("decimal max") << QByteArray("255") << 255;
    QTest::newRow("whitespace") << QByteArray(" 7\t") << 7;
    QTest::newRow("hex") << QByteArray("0xAB") << 0xAB;
    QTest::newRow("hex lower") << QByteArray("0Xab") << 0xAB;
    QTest::newRow("hex max") << QByteArray("0xff") << 255;
    QTest::newRow("hex leading zeros") << QByteArray("0x00FF") << 255;
    QTest::newRow("hex one digit") << QByteArray("0x7") << 7;
    QTest::newRow("binary") << QByteArray("0b10101011") << 171;
    QTest::newRow("binary upper") << QByteArray("0B1") << 1;
    QTest::newRow("binary max") << QByteArray("0b11111111") << 255;
    QTest::newRow("256") << QByteArray("256") << -1;
    QTest::newRow("0x100") << QByteArray("0x100") << -1;
    QTest::newRow("9 bits") << QByteArray("0b111111111") << -1;
    QTest::newRow("negative") << QByteArray("-1") << -1;
    QTest::newRow("plus") << QByteArray("+1") << -1;
    QTest::newRow("empty") << QByteArray("") << -1;
    QTest::newRow("bare hex") << QByteArray("AB") << -1;
    QTest::newRow("0x alone") << QByteArray("0x") << -1;
    QTest::newRow("0b alone") << QByteArray("0b") << -1;
    QTest::newRow("binary digit 2") << QByteArray("0b2") << -1;
    QTest::newRow("suffix") << QByteArray("1K") << -1;
    QTest::newRow("two values") << QByteArray("0xAB 1") << -1;
    QTest::newRow("huge") << QByteArray("99999999999999999999999") << -1;
}

void TestNumberParser::parseByte()
{
    QFETCH(QByteArray, text);
    QFETCH(int, expected);
    const auto result = hexmap::parseByte(view(text));
    if (expected >= 0) {
        QVERIFY2(result.ok(), result.message().c_str());
        QCOMPARE(int(*result), expected);
    } else {
        QVERIFY(!result.ok());
        QCOMPARE(result.code(), make_error_code(Errc::ParseError));
        QCOMPARE(QByteArray::fromStdString(result.error().context), text.trimmed().isEmpty() ? "(empty)" : text);
    }
}

void TestNumberParser::resolveRange_data()
{
    QTest::addColumn<QByteArray>("offset"); // null QByteArray: not given
    QTest::addColumn<QByteArray>("length"); // null QByteArray: not given
    QTest::addColumn<quint64>("fileSize");
    QTest::addColumn<quint64>("expOffset");
    QTest::addColumn<quint64>("expSize");
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("context");
    const QByteArray none;
    const int invalid = code(Errc::InvalidArgument);
    const int bounds = code(Errc::OutOfBounds);
    const int parse = code(Errc::ParseError);
    auto row = [](const char *name) -> QTestData & { return QTest::newRow(name); };
    row("defaults") << none << none << quint64(100) << quint64(0) << quint64(100) << kOk << "";
    row("offset only") << QByteArray("10") << none << quint64(100) << quint64(10) << quint64(90) << kOk << "";
    row("length only") << none << QByteArray("10") << quint64(100) << quint64(0) << quint64(10) << kOk << "";
    row("both") << QByteArray("10") << QByteArray("90") << quint64(100) << quint64(10) << quint64(90) << kOk << "";
    row("whole") << QByteArray("0") << QByteArray("100") << quint64(100) << quint64(0) << quint64(100) << kOk << "";
    row("last byte") << QByteArray("-1") << none << quint64(100) << quint64(99) << quint64(1) << kOk << "";
    row("tail") << QByteArray("-16") << QByteArray("16") << quint64(100) << quint64(84) << quint64(16) << kOk << "";
    row("tail too long") << QByteArray("-16") << QByteArray("17") << quint64(100) << quint64(0) << quint64(0)
                         << bounds << "17";
    row("one past") << QByteArray("0") << QByteArray("101") << quint64(100) << quint64(0) << quint64(0) << bounds
                    << "101";
    row("at end + 1") << QByteArray("100") << QByteArray("1") << quint64(100) << quint64(0) << quint64(0) << bounds
                      << "1";
    row("offset past end") << QByteArray("101") << none << quint64(100) << quint64(0) << quint64(0) << bounds
                           << "101";
    row("at end, default length") << QByteArray("100") << none << quint64(100) << quint64(0) << quint64(0)
                                  << invalid << "100";
    row("minus zero") << QByteArray("-0") << none << quint64(100) << quint64(0) << quint64(0) << invalid << "-0";
    row("zero length") << QByteArray("0") << QByteArray("0") << quint64(100) << quint64(0) << quint64(0) << invalid
                       << "0";
    row("zero length suffix") << none << QByteArray("0K") << quint64(100) << quint64(0) << quint64(0) << invalid
                              << "0K";
    row("empty file") << none << none << quint64(0) << quint64(0) << quint64(0) << invalid << "0";
    row("sum overflows") << QByteArray("1") << QByteArray("18446744073709551615") << kMax << quint64(0)
                         << quint64(0) << bounds << "18446744073709551615";
    row("sum overflows hex") << QByteArray("0x10") << QByteArray("0xFFFFFFFFFFFFFFFF") << kMax << quint64(0)
                             << quint64(0) << bounds << "0xFFFFFFFFFFFFFFFF";
    row("max file") << QByteArray("1") << none << kMax << quint64(1) << kMax - 1 << kOk << "";
    row("bad offset") << QByteArray("x") << QByteArray("1") << quint64(100) << quint64(0) << quint64(0) << parse
                      << "x";
    row("bad length") << QByteArray("0") << QByteArray("1.5K") << quint64(100) << quint64(0) << quint64(0)
                      << parse << "1.5K";
    row("empty length") << QByteArray("0") << QByteArray("") << quint64(100) << quint64(0) << quint64(0) << parse
                        << "(empty)";
}

void TestNumberParser::resolveRange()
{
    QFETCH(QByteArray, offset);
    QFETCH(QByteArray, length);
    QFETCH(quint64, fileSize);
    QFETCH(quint64, expOffset);
    QFETCH(quint64, expSize);
    QFETCH(int, error);
    QFETCH(QString, context);
    const auto opt = [](const QByteArray &b) { return b.isNull() ? std::nullopt : std::optional(view(b)); };
    const auto result = hexmap::resolveRange(opt(offset), opt(length), fileSize);
    if (error == kOk) {
        QVERIFY2(result.ok(), result.message().c_str());
        QCOMPARE(quint64(result->offset), expOffset);
        QCOMPARE(quint64(result->size), expSize);
        QVERIFY(result->end() <= fileSize);
    } else {
        QVERIFY(!result.ok());
        QCOMPARE(result.code(), make_error_code(static_cast<Errc>(error)));
        QCOMPARE(QString::fromStdString(result.error().context), context);
    }
}

void TestNumberParser::formatSize_data()
{
    QTest::addColumn<quint64>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("0") << quint64(0) << "0 B";
    QTest::newRow("1") << quint64(1) << "1 B";
    QTest::newRow("512") << quint64(512) << "512 B";
    QTest::newRow("1023") << quint64(1023) << "1023 B";
    QTest::newRow("1 KiB") << kKi << "1.00 KiB";
    QTest::newRow("1.5 KiB") << quint64(1536) << "1.50 KiB";
    QTest::newRow("10 KiB + 5") << 10 * kKi + 5 << "10.00 KiB";
    QTest::newRow("1023.99 KiB") << quint64(1048565) << "1023.99 KiB";
    QTest::newRow("1 MiB - 1 rounds up") << kKi * kKi - 1 << "1.00 MiB";
    QTest::newRow("1 MiB") << kKi * kKi << "1.00 MiB";
    QTest::newRow("1.5 GiB") << 3 * kKi * kKi * kKi / 2 << "1.50 GiB";
    QTest::newRow("1 TiB") << kKi * kKi * kKi * kKi << "1.00 TiB";
    QTest::newRow("1 PiB") << (quint64(1) << 50) << "1.00 PiB";
    QTest::newRow("1 EiB") << (quint64(1) << 60) << "1.00 EiB";
    QTest::newRow("max") << kMax << "16.00 EiB";
}

void TestNumberParser::formatSize()
{
    QFETCH(quint64, bytes);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(hexmap::formatSize(bytes)), expected);
}

void TestNumberParser::errorMessageNamesTheText()
{
    QCOMPARE(QString::fromStdString(parseSize("12Q").message()), QStringLiteral("12Q: malformed input"));
    QCOMPARE(QString::fromStdString(hexmap::parseOffset("200", 100).message()),
             QStringLiteral("200: past the end of the file"));
}

QTEST_GUILESS_MAIN(TestNumberParser)
#include "tst_numberparser.moc"
