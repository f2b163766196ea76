// SearchPattern parsing and SearchMatcher (every strategy) against the reference model of searchtesthelpers.h.
#include "core/searchmatcher.h"
#include "core/searchpattern.h"
#include "searchtesthelpers.h"

#include <QtTest>

#include <span>

using namespace hexmap;
using namespace searchtest;

namespace {

std::vector<std::byte> bytes(std::initializer_list<int> list)
{
    std::vector<std::byte> out;
    for (int b : list)
        out.push_back(static_cast<std::byte>(b));
    return out;
}

std::string_view view(const QByteArray &a) { return {a.constData(), static_cast<std::size_t>(a.size())}; }

const SearchMatcher::Strategy kStrategies[] = {SearchMatcher::Strategy::Simd, SearchMatcher::Strategy::MemchrAnchor,
                                               SearchMatcher::Strategy::Memmem, SearchMatcher::Strategy::Horspool,
                                               SearchMatcher::Strategy::Naive};

} // namespace

class TestSearchPattern : public QObject {
    Q_OBJECT

private slots:
    void hexAccepted();
    void rejected_data();
    void rejected();
    void textIgnoreCase();
    void utf16();
    void foldMatchesOnlyLetters();
    void matcherAgainstReference_data();
    void matcherAgainstReference();
    void unsupportedStrategyFallsBack();
};

void TestSearchPattern::hexAccepted()
{
    auto p = SearchPattern::fromHex("DE AD ?? ef");
    QVERIFY2(p.ok(), p.message().c_str());
    QCOMPARE(p->size(), std::size_t{4});
    QVERIFY(!p->isExact());
    QVERIFY(std::ranges::equal(p->values(), bytes({0xDE, 0xAD, 0x00, 0xEF})));
    QVERIFY(std::ranges::equal(p->masks(), bytes({0xFF, 0xFF, 0x00, 0xFF})));
    QCOMPARE(p->describe(), std::string("DE AD ?? EF"));
    QVERIFY(SearchPattern::fromHex("0xDEAD")->isExact());
}

void TestSearchPattern::rejected_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("kind"); // 0 hex, 1 UTF-8 text, 2 UTF-16 text
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("contextHas");
    const int parse = static_cast<int>(Errc::ParseError);
    const int invalid = static_cast<int>(Errc::InvalidArgument);
    QTest::newRow("hex empty") << QByteArray("") << 0 << parse << QString();
    QTest::newRow("hex bad digit") << QByteArray("DE AX") << 0 << parse << "position 4";
    QTest::newRow("hex odd digits") << QByteArray("DEA") << 0 << parse << "\"DEA\"";
    QTest::newRow("hex half wildcard") << QByteArray("DE ?A") << 0 << parse << "position 3";
    QTest::newRow("hex only wildcards") << QByteArray("?? ??") << 0 << invalid << "wildcards only";
    QTest::newRow("hex too long") << QByteArray(65537 * 2, 'a') << 0 << invalid << "more than 65536 bytes";
    QTest::newRow("text empty") << QByteArray("") << 1 << parse << "empty";
    QTest::newRow("utf16 empty") << QByteArray("") << 2 << parse << "empty";
    QTest::newRow("utf16 bad lead") << QByteArray("ab\xFF") << 2 << parse << "byte 2";
    QTest::newRow("utf16 truncated") << QByteArray("a\xC3") << 2 << parse << "truncated";
    QTest::newRow("utf16 overlong") << QByteArray("\xE0\x80\x80") << 2 << parse << "overlong";
    QTest::newRow("utf16 surrogate") << QByteArray("\xED\xA0\x80") << 2 << parse << "code point";
    QTest::newRow("utf16 no continuation") << QByteArray("\xC3(") << 2 << parse << "continuation";
    QTest::newRow("utf16 too long") << QByteArray(40000, 'a') << 2 << invalid << "limit of 65536";
}

void TestSearchPattern::rejected()
{
    QFETCH(QByteArray, text);
    QFETCH(int, kind);
    QFETCH(int, code);
    QFETCH(QString, contextHas);
    auto p = kind == 0 ? SearchPattern::fromHex(view(text))
                       : SearchPattern::fromText(view(text), kind == 1 ? TextEncoding::Utf8 : TextEncoding::Utf16Le, false);
    QVERIFY(!p.ok());
    QCOMPARE(p.code(), make_error_code(static_cast<Errc>(code)));
    QVERIFY2(QString::fromStdString(p.error().context).contains(contextHas), p.message().c_str());
}

void TestSearchPattern::textIgnoreCase()
{
    auto p = SearchPattern::fromText("a1Z", TextEncoding::Utf8, true);
    QVERIFY(p.ok());
    QVERIFY(std::ranges::equal(p->values(), bytes({'A', '1', 'Z'})));
    QVERIFY(std::ranges::equal(p->masks(), bytes({0xDF, 0xFF, 0xDF})));
    QCOMPARE(p->describe(), std::string("41/61 31 5A/7A"));
    const auto exact = SearchPattern::fromText("a1Z", TextEncoding::Utf8, false);
    QVERIFY(exact->isExact());
    QVERIFY(std::ranges::equal(exact->values(), bytes({'a', '1', 'Z'})));
}

void TestSearchPattern::utf16()
{
    // "A", U+00E9, U+20AC, U+1F600 (surrogate pair D83D DE00).
    auto p = SearchPattern::fromText("A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80", TextEncoding::Utf16Le, true);
    QVERIFY2(p.ok(), p.message().c_str());
    QVERIFY(std::ranges::equal(p->values(), bytes({'A', 0, 0xE9, 0, 0xAC, 0x20, 0x3D, 0xD8, 0x00, 0xDE})));
    QVERIFY(std::ranges::equal(p->masks(), bytes({0xDF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF})));
    // U+0141 has 0x41 as its low byte but is no ASCII letter: exact.
    auto l = SearchPattern::fromText("\xC5\x81", TextEncoding::Utf16Le, true);
    QVERIFY(l->isExact());
}

void TestSearchPattern::foldMatchesOnlyLetters()
{
    auto p = SearchPattern::fromText("A", TextEncoding::Utf8, true);
    for (int b = 0; b < 256; ++b) {
        const std::byte one[] = {static_cast<std::byte>(b)};
        QCOMPARE(p->matchesAt(one), b == 'a' || b == 'A');
    }
}

void TestSearchPattern::matcherAgainstReference_data()
{
    QTest::addColumn<QByteArray>("hexOrText");
    QTest::addColumn<int>("kind"); // 0 hex, 1 text ignore-case, 2 text UTF-16LE
    QTest::newRow("1 byte") << QByteArray("61") << 0;
    QTest::newRow("1 byte zero") << QByteArray("00") << 0;
    QTest::newRow("overlapping") << QByteArray("61 61 61") << 0;
    QTest::newRow("wildcard middle") << QByteArray("61 ?? 62") << 0;
    QTest::newRow("wildcards at ends") << QByteArray("?? 41 ??") << 0;
    QTest::newRow("one exact among wildcards") << QByteArray("?? ?? FF ?? ??") << 0;
    QTest::newRow("long exact") << QByteArray("61 62 41 42 00 FF 61 62 61 62 41 42 00 FF 61 62 61 62 41 42 00") << 0;
    QTest::newRow("ignore case") << QByteArray("aBa") << 1;
    QTest::newRow("ignore case 1") << QByteArray("b") << 1;
    QTest::newRow("utf16") << QByteArray("ab") << 2;
}

void TestSearchPattern::matcherAgainstReference()
{
    QFETCH(QByteArray, hexOrText);
    QFETCH(int, kind);
    RefPattern ref;
    Result<SearchPattern> pattern = SearchPattern::fromHex(view(hexOrText));
    if (kind == 0) {
        for (const QByteArray &tok : hexOrText.split(' '))
            ref.pos.push_back(tok == "??" ? RefPos{RefPos::Any, 0} : RefPos{RefPos::Exact, static_cast<std::uint8_t>(tok.toUInt(nullptr, 16))});
    } else {
        ref = textRef(hexOrText.constData(), kind == 1, kind == 2);
        pattern = SearchPattern::fromText(view(hexOrText), kind == 2 ? TextEncoding::Utf16Le : TextEncoding::Utf8, kind == 1);
    }
    QVERIFY2(pattern.ok(), pattern.message().c_str());
    QCOMPARE(pattern->size(), ref.pos.size());
    // Every haystack size around the SIMD block sizes, matches planted at both ends and at random.
    for (std::size_t size = 0; size <= 200; ++size) {
        std::vector<std::uint64_t> plants{0, size >= ref.pos.size() ? size - ref.pos.size() : 0, size / 2, size / 3 + 1};
        const auto data = makeData(size, ref, plants, size * 7919 + static_cast<std::size_t>(kind));
        const auto expected = ref.matches(data, 0, data.size());
        const std::span<const std::byte> hay(data);
        for (auto strategy : kStrategies) {
            const SearchMatcher m(*pattern, strategy);
            const QByteArray where = QByteArray("size ") + QByteArray::number(qulonglong(size)) + " strategy "
                + SearchMatcher::name(m.strategy());
            std::vector<std::uint64_t> all;
            m.findAll(hay, 1000, all, SIZE_MAX);
            for (auto &o : all)
                o -= 1000;
            QVERIFY2(all == expected, where.constData());
            QCOMPARE(m.findFirst(hay), expected.empty() ? SearchMatcher::npos : std::size_t(expected.front()));
            QCOMPARE(m.findLast(hay), expected.empty() ? SearchMatcher::npos : std::size_t(expected.back()));
            std::vector<std::uint64_t> two;
            QCOMPARE(m.findAll(hay, 0, two, 2), std::min<std::size_t>(2, expected.size()));
        }
    }
    // One large haystack to run the SIMD main loops over many blocks.
    const std::vector<std::uint64_t> plants{0, 63, 64, 65, 127, 4095, 4096, 9999 - ref.pos.size()};
    const auto data = makeData(10000, ref, plants, 42);
    const auto expected = ref.matches(data, 0, data.size());
    for (auto strategy : kStrategies) {
        std::vector<std::uint64_t> all;
        SearchMatcher(*pattern, strategy).findAll(data, 0, all, SIZE_MAX);
        QVERIFY(all == expected);
    }
}

void TestSearchPattern::unsupportedStrategyFallsBack()
{
    auto p = SearchPattern::fromHex("61 ?? 62");
    QCOMPARE(SearchMatcher(*p, SearchMatcher::Strategy::Memmem).strategy(), SearchMatcher::Strategy::Simd);
    QCOMPARE(SearchMatcher(*p, SearchMatcher::Strategy::MemchrAnchor).strategy(), SearchMatcher::Strategy::MemchrAnchor);
    auto fold = SearchPattern::fromText("ab", TextEncoding::Utf8, true);
    QCOMPARE(SearchMatcher(*fold, SearchMatcher::Strategy::MemchrAnchor).strategy(), SearchMatcher::Strategy::Simd);
    QCOMPARE(SearchMatcher(*SearchPattern::fromHex("61")).strategy(), SearchMatcher::Strategy::MemchrAnchor);
    QCOMPARE(SearchMatcher(*SearchPattern::fromHex("61 62")).strategy(), SearchMatcher::Strategy::Simd);
    QCOMPARE(SearchMatcher(*SearchPattern::fromText("a", TextEncoding::Utf8, true)).strategy(),
             SearchMatcher::Strategy::Simd);
}

QTEST_GUILESS_MAIN(TestSearchPattern)
#include "tst_searchpattern.moc"
