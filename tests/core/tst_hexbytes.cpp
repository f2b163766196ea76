#include "core/hexbytes.h"

#include <QtTest>

#include <cstddef>
#include <string_view>
#include <vector>

using namespace hexmap;

namespace {

std::string_view view(const QByteArray &bytes)
{
    return {bytes.constData(), static_cast<std::size_t>(bytes.size())};
}

QString context(const Error &error) { return QString::fromStdString(error.context); }

} // namespace

class TestHexBytes : public QObject {
    Q_OBJECT

private slots:
    void accepted_data();
    void accepted();
    void rejected_data();
    void rejected();
    void wildcardMask();
    void toHexString_data();
    void toHexString();
    void everyByteRoundTrips();
};

void TestHexBytes::accepted_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("wildcards");
    QTest::addColumn<int>("maxBytes");
    QTest::addColumn<QString>("expected"); // toHexString of the result
    QTest::newRow("spaced") << QByteArray("DE AD BE EF") << false << 65536 << "DE AD BE EF";
    QTest::newRow("packed lower") << QByteArray("deadbeef") << false << 65536 << "DE AD BE EF";
    QTest::newRow("colons") << QByteArray("de:ad") << false << 65536 << "DE AD";
    QTest::newRow("0x each") << QByteArray("0xDE 0xAD") << false << 65536 << "DE AD";
    QTest::newRow("0X commas") << QByteArray("0XDE,0Xad") << false << 65536 << "DE AD";
    QTest::newRow("0x packed") << QByteArray("0xDEAD") << false << 65536 << "DE AD";
    QTest::newRow("commas") << QByteArray("DE,AD") << false << 65536 << "DE AD";
    QTest::newRow("comma space") << QByteArray("DE, AD, ") << false << 65536 << "DE AD";
    QTest::newRow("dashes") << QByteArray("DE-AD-BE") << false << 65536 << "DE AD BE";
    QTest::newRow("surrounding whitespace") << QByteArray("  \tDE  ") << false << 65536 << "DE";
    QTest::newRow("newlines") << QByteArray("DE AD\r\nBE\nEF\n") << false << 65536 << "DE AD BE EF";
    QTest::newRow("mixed separators") << QByteArray("de:ad-be,ef 00") << false << 65536 << "DE AD BE EF 00";
    QTest::newRow("zero and ff") << QByteArray("00 ff 7F") << false << 65536 << "00 FF 7F";
    QTest::newRow("single byte") << QByteArray("0a") << false << 65536 << "0A";
    QTest::newRow("pairs per token") << QByteArray("ABCD EF") << false << 65536 << "AB CD EF";
    QTest::newRow("wildcard") << QByteArray("DE ?? EF") << true << 65536 << "DE ?? EF";
    QTest::newRow("wildcard packed") << QByteArray("DE??EF") << true << 65536 << "DE ?? EF";
    QTest::newRow("wildcard alone") << QByteArray("??") << true << 65536 << "??";
    QTest::newRow("wildcard after 0x") << QByteArray("0x??") << true << 65536 << "??";
    QTest::newRow("no wildcard but allowed") << QByteArray("DEAD") << true << 65536 << "DE AD";
    QTest::newRow("exactly maxBytes") << QByteArray("00 11 22") << false << 3 << "00 11 22";
}

void TestHexBytes::accepted()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, wildcards);
    QFETCH(int, maxBytes);
    QFETCH(QString, expected);
    const auto result = parseHexBytes(view(text), wildcards, static_cast<std::size_t>(maxBytes));
    QVERIFY2(result.ok(), result.message().c_str());
    QCOMPARE(result->bytes.size(), result->mask.size());
    QCOMPARE(QString::fromStdString(hexmap::toHexString(*result)), expected);
    QCOMPARE(result->hasWildcards(), expected.contains(QLatin1String("??")));
}

void TestHexBytes::rejected_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("wildcards");
    QTest::addColumn<int>("maxBytes");
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("context");
    const int parse = static_cast<int>(Errc::ParseError);
    QTest::newRow("empty") << QByteArray("") << true << 65536 << parse << "no hex bytes in \"\"";
    QTest::newRow("separators only") << QByteArray(" ,:- ") << true << 65536 << parse
                                     << "no hex bytes in \" ,:- \"";
    QTest::newRow("odd packed") << QByteArray("DEADBEE") << false << 65536 << parse
                                << "lone digit 'E'; a byte needs two (position 6 in \"DEADBEE\")";
    QTest::newRow("odd token") << QByteArray("DE A BE") << false << 65536 << parse
                               << "lone digit 'A'; a byte needs two (position 3 in \"DE A BE\")";
    QTest::newRow("non-hex second") << QByteArray("DG") << false << 65536 << parse
                                    << "'G' is not a hex digit (position 1 in \"DG\")";
    QTest::newRow("non-hex first") << QByteArray("GD") << false << 65536 << parse
                                   << "'G' is not a hex digit (position 0 in \"GD\")";
    QTest::newRow("semicolon") << QByteArray("DE AD;BE") << false << 65536 << parse
                               << "';' is not a hex digit (position 5 in \"DE AD;BE\")";
    QTest::newRow("control char") << QByteArray("D\x01") << false << 65536 << parse
                                  << "'\\x01' is not a hex digit (position 1 in \"D\\x01\")";
    QTest::newRow("0x alone") << QByteArray("0x") << false << 65536 << parse
                              << "\"0x\" without digits (position 0 in \"0x\")";
    QTest::newRow("0x at end") << QByteArray("DE 0x") << false << 65536 << parse
                               << "\"0x\" without digits (position 3 in \"DE 0x\")";
    QTest::newRow("0x inside token") << QByteArray("0xDE0xAD") << false << 65536 << parse
                                     << "'x' is not a hex digit (position 5 in \"0xDE0xAD\")";
    QTest::newRow("wildcard not allowed") << QByteArray("DE ?? EF") << false << 65536 << parse
                                          << "wildcard \"??\" not allowed here (position 3 in \"DE ?? EF\")";
    QTest::newRow("half wildcard high") << QByteArray("?A") << true << 65536 << parse
                                        << "half-byte wildcard \"?A\"; use \"??\" (position 0 in \"?A\")";
    QTest::newRow("half wildcard low") << QByteArray("DE A?") << true << 65536 << parse
                                       << "half-byte wildcard \"A?\"; use \"??\" (position 3 in \"DE A?\")";
    QTest::newRow("single ?") << QByteArray("?") << true << 65536 << parse
                              << "lone digit '?'; a byte needs two (position 0 in \"?\")";
    QTest::newRow("three ?") << QByteArray("???") << true << 65536 << parse
                             << "lone digit '?'; a byte needs two (position 2 in \"???\")";
    QTest::newRow("too many") << QByteArray("00 11 22") << false << 2 << static_cast<int>(Errc::InvalidArgument)
                              << "more than 2 bytes in \"00 11 22\"";
    QTest::newRow("long input quoted cut") << QByteArray(50, 'A') + "G" << false << 65536 << parse
                                           << "'G' is not a hex digit (position 50 in \"" + QString(40, 'A')
                                                  + "...\")";
}

void TestHexBytes::rejected()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, wildcards);
    QFETCH(int, maxBytes);
    QFETCH(int, error);
    QFETCH(QString, context);
    const auto result = parseHexBytes(view(text), wildcards, static_cast<std::size_t>(maxBytes));
    QVERIFY(!result.ok());
    QCOMPARE(result.code(), make_error_code(static_cast<Errc>(error)));
    QCOMPARE(::context(result.error()), context);
}

void TestHexBytes::wildcardMask()
{
    const auto result = parseHexBytes("DE ?? BE", true);
    QVERIFY2(result.ok(), result.message().c_str());
    const std::vector<std::byte> bytes{std::byte{0xDE}, std::byte{0x00}, std::byte{0xBE}};
    const std::vector<bool> mask{true, false, true};
    QVERIFY(result->bytes == bytes);
    QVERIFY(result->mask == mask);
    QVERIFY(result->hasWildcards());
    QCOMPARE(QString::fromStdString(hexmap::toHexString(*result, '\0')), QStringLiteral("DE??BE"));
    // Without the mask the same bytes print plainly.
    QCOMPARE(QString::fromStdString(hexmap::toHexString(std::span(result->bytes), ':')), QStringLiteral("DE:00:BE"));
}

void TestHexBytes::toHexString_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<char>("sep");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QByteArray() << ' ' << "";
    QTest::newRow("one") << QByteArray("\x0a", 1) << ' ' << "0A";
    QTest::newRow("space") << QByteArray("\xde\xad\xbe\xef") << ' ' << "DE AD BE EF";
    QTest::newRow("colon") << QByteArray("\xde\xad") << ':' << "DE:AD";
    QTest::newRow("none") << QByteArray("\xde\xad") << '\0' << "DEAD";
    QTest::newRow("zeros") << QByteArray(3, '\0') << '-' << "00-00-00";
}

void TestHexBytes::toHexString()
{
    QFETCH(QByteArray, bytes);
    QFETCH(char, sep);
    QFETCH(QString, expected);
    const std::span data(reinterpret_cast<const std::byte *>(bytes.constData()), static_cast<std::size_t>(bytes.size()));
    QCOMPARE(QString::fromStdString(hexmap::toHexString(data, sep)), expected);
}

void TestHexBytes::everyByteRoundTrips()
{
    std::vector<std::byte> all(256);
    for (std::size_t i = 0; i < all.size(); ++i)
        all[i] = static_cast<std::byte>(i);
    for (const char sep : {' ', ':', ',', '-', '\0'}) {
        const auto parsed = parseHexBytes(hexmap::toHexString(all, sep), false);
        QVERIFY2(parsed.ok(), parsed.message().c_str());
        QVERIFY(parsed->bytes == all);
        QVERIFY(!parsed->hasWildcards());
    }
}

QTEST_GUILESS_MAIN(TestHexBytes)
#include "tst_hexbytes.moc"
