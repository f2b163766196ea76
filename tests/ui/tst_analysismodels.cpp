// The analysis feature's plain models: checksum verification text (case, spacing, separators, tool lines), the
// Information summary words, the entropy pyramid's levels, sampling and memory bound, highest / lowest block.
#include "core/hashalgorithm.h"
#include "ui/analysis/checksumsmodel.h"
#include "ui/analysis/entropypyramid.h"
#include "ui/analysis/informationmodel.h"

#include <QtTest>

#include <cmath>

using namespace hexmap;

namespace {
const QString kSha256Abc = QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

// A model whose results hold SHA-256("abc") and CRC-32("abc"), as collect() would leave them.
ChecksumsModel abcModel()
{
    ChecksumsModel m;
    for (HashAlgorithm a : allHashAlgorithms())
        m.setChosen(a, a == HashAlgorithm::Sha256 || a == HashAlgorithm::Crc32);
    auto consumers = m.makeConsumers();
    const std::byte abc[] = {std::byte('a'), std::byte('b'), std::byte('c')};
    for (auto &c : consumers)
        c->consume(0, abc, 3);
    m.collect(consumers, {0, 3});
    return m;
}

EntropyPyramid pyramidOf(const std::vector<ByteClass> &classes, const std::vector<double> &entropy,
                         std::uint64_t blockSize = 4096)
{
    return EntropyPyramid({0, classes.size() * blockSize}, blockSize, entropy, classes);
}
} // namespace

class TestAnalysisModels : public QObject {
    Q_OBJECT
private slots:
    void checksumResults();
    void verifyMatchIgnoresCaseAndSpacing();
    void verifyMismatchAndBadInput();
    void pyramidLevels();
    void pyramidSamplesEveryZoom();
    void pyramidMemoryBoundForOneTebibyte();
    void highestAndLowest();
    void summaryWords();
};

void TestAnalysisModels::checksumResults()
{
    const ChecksumsModel m = abcModel();
    QCOMPARE(m.results().size(), std::size_t(2));
    QCOMPARE(m.results()[0].first, HashAlgorithm::Crc32); // allHashAlgorithms() order
    QCOMPARE(m.results()[0].second, QStringLiteral("352441c2"));
    QCOMPARE(m.results()[1].second, kSha256Abc);
    QCOMPARE(ChecksumsModel::displayName(HashAlgorithm::Blake2b512), QStringLiteral("BLAKE2b-512"));
    // Every algorithm of the core is offered.
    ChecksumsModel all;
    for (HashAlgorithm a : allHashAlgorithms())
        all.setChosen(a, true);
    QCOMPARE(all.makeConsumers().size(), allHashAlgorithms().size());
}

void TestAnalysisModels::verifyMatchIgnoresCaseAndSpacing()
{
    const ChecksumsModel m = abcModel();
    const QString spaced = kSha256Abc.toUpper().replace(QRegularExpression(QStringLiteral("(.{8})")), QStringLiteral("\\1 "));
    const QStringList forms = {kSha256Abc, kSha256Abc.toUpper(), QStringLiteral("  ") + spaced + QStringLiteral("\n"),
                               kSha256Abc + QStringLiteral("  some file.bin"), QStringLiteral("0x") + kSha256Abc};
    for (const QString &form : forms) {
        const auto v = m.verify(form);
        QVERIFY2(v.state == ChecksumsModel::Verification::State::Match, qPrintable(form));
        QCOMPARE(v.algorithm, std::optional<HashAlgorithm>(HashAlgorithm::Sha256));
        QVERIFY2(v.text.contains(QStringLiteral("Match")) && v.text.contains(QStringLiteral("SHA-256")), qPrintable(v.text));
    }
    const auto crc = m.verify(QStringLiteral("35:24:41:C2"));
    QCOMPARE(crc.state, ChecksumsModel::Verification::State::Match);
    QCOMPARE(crc.algorithm, std::optional<HashAlgorithm>(HashAlgorithm::Crc32));
}

void TestAnalysisModels::verifyMismatchAndBadInput()
{
    const ChecksumsModel m = abcModel();
    QString wrong = kSha256Abc;
    wrong[10] = QLatin1Char(wrong[10] == QLatin1Char('0') ? '1' : '0');
    const auto v = m.verify(wrong);
    QCOMPARE(v.state, ChecksumsModel::Verification::State::Mismatch);
    QVERIFY(!v.algorithm);
    QVERIFY2(v.text.contains(QStringLiteral("Mismatch")) && v.text.contains(QStringLiteral("SHA-256")), qPrintable(v.text));
    QCOMPARE(m.verify(QStringLiteral("deadbeefcafe")).state, ChecksumsModel::Verification::State::Mismatch);
    QCOMPARE(m.verify(QStringLiteral("xyz not hex")).state, ChecksumsModel::Verification::State::NotHex);
    QCOMPARE(m.verify(QStringLiteral("   ")).state, ChecksumsModel::Verification::State::Empty);
    QCOMPARE(ChecksumsModel().verify(kSha256Abc).state, ChecksumsModel::Verification::State::NoResults);
}

void TestAnalysisModels::pyramidLevels()
{
    const std::vector<ByteClass> classes(5, ByteClass::Text);
    const EntropyPyramid p = pyramidOf(classes, {1, 2, 3, 4, 5});
    QCOMPARE(p.levelCount(), std::size_t(4)); // 5, 3, 2, 1 cells
    QCOMPARE(p.cellCount(0), std::size_t(5));
    QCOMPARE(p.cellCount(1), std::size_t(3));
    QCOMPARE(p.cellCount(2), std::size_t(2));
    QCOMPARE(p.cellCount(3), std::size_t(1));
    // Mismatched input gives an empty pyramid, not a crash.
    QVERIFY(EntropyPyramid({0, 4096}, 4096, {1.0, 2.0}, {ByteClass::Text}).isEmpty());
    QVERIFY(!EntropyPyramid().sample({0, 10}).valid);
}

void TestAnalysisModels::pyramidSamplesEveryZoom()
{
    // 8 blocks: zeros, zeros, text, text, random x4.
    const EntropyPyramid p = pyramidOf({ByteClass::Zero, ByteClass::Zero, ByteClass::Text, ByteClass::Text,
                                        ByteClass::HighEntropy, ByteClass::HighEntropy, ByteClass::HighEntropy,
                                        ByteClass::HighEntropy},
                                       {0, 0, 4.5, 4.5, 8, 8, 8, 8});
    // Below a block: the block holding it.
    auto s = p.sample({2 * 4096 + 100, 1});
    QVERIFY(s.valid);
    QCOMPARE(s.byteClass, ByteClass::Text);
    QCOMPARE(s.entropy, 4.5);
    // Two blocks: the level-1 cell.
    s = p.sample({0, 2 * 4096});
    QCOMPARE(s.byteClass, ByteClass::Zero);
    QCOMPARE(s.entropy, 0.0);
    // The whole range: mean entropy 5.125, most cells high entropy.
    s = p.sample({0, 8 * 4096});
    QCOMPARE(s.entropy, 5.125);
    // A span past the end is clipped; one wholly outside is invalid.
    QVERIFY(p.sample({7 * 4096, 1u << 30}).valid);
    QVERIFY(!p.sample({8 * 4096, 10}).valid);
}

void TestAnalysisModels::pyramidMemoryBoundForOneTebibyte()
{
    const std::uint64_t tib = std::uint64_t(1) << 40;
    const std::uint64_t block = EntropyPyramid::baseBlockSize(tib);
    QCOMPARE(block, std::uint64_t(256) << 10);
    const std::uint64_t cells = (tib + block - 1) / block;
    QVERIFY(cells <= EntropyPyramid::kMaxBaseCells);
    QCOMPARE(EntropyPyramid::baseBlockSize(1000), EntropyPyramid::kMinBlockSize);
    QCOMPARE(EntropyPyramid::baseBlockSize(std::uint64_t(1) << 30), std::uint64_t(4096));
    // Build the real thing at that size and measure it.
    const EntropyPyramid p({0, tib}, block, std::vector<double>(cells, 7.9), std::vector<ByteClass>(cells, ByteClass::HighEntropy));
    QVERIFY(!p.isEmpty());
    QCOMPARE(p.levelCount(), std::size_t(23)); // 4 Mi cells: 2^22 .. 1
    QVERIFY2(p.memoryBytes() <= (std::size_t(32) << 20), qPrintable(QString::number(p.memoryBytes())));
    QCOMPARE(p.sample({tib / 2, 1}).byteClass, ByteClass::HighEntropy);
}

void TestAnalysisModels::highestAndLowest()
{
    const EntropyPyramid p = pyramidOf({ByteClass::Other, ByteClass::Zero, ByteClass::HighEntropy, ByteClass::Other},
                                       {3.0, 0.0, 7.99, 7.99});
    QCOMPARE(p.highest()->offset, std::uint64_t(2 * 4096)); // the first of equals
    QCOMPARE(p.lowest()->offset, std::uint64_t(4096));
    QVERIFY(std::abs(p.highest()->entropy - 7.99) < 1e-3);
    QVERIFY(!EntropyPyramid().highest());
}

void TestAnalysisModels::summaryWords()
{
    InformationModel m;
    QVERIFY(m.summary().isEmpty());
    std::array<std::uint64_t, 256> histogram{};
    histogram.fill(1);
    // 82 of 100 blocks high entropy.
    std::vector<ByteClass> classes(100, ByteClass::HighEntropy);
    std::fill(classes.begin(), classes.begin() + 18, ByteClass::Zero);
    m.set(histogram, pyramidOf(classes, std::vector<double>(100, 7.9)));
    QCOMPARE(m.summary(), QString::fromUtf8("82 % high entropy \u2014 likely compressed or encrypted"));
    QVERIFY(m.breakdown().contains(QStringLiteral("zero bytes: 18 %")));
    QCOMPARE(m.totalEntropy(), 8.0);
    // Mostly zeros, mostly text, mixed.
    m.set(histogram, pyramidOf(std::vector<ByteClass>(4, ByteClass::Zero), std::vector<double>(4, 0)));
    QVERIFY(m.summary().startsWith(QStringLiteral("100 % zero bytes")));
    m.set(histogram, pyramidOf({ByteClass::Text, ByteClass::Text, ByteClass::Text, ByteClass::Other}, {4, 4, 4, 5}));
    QCOMPARE(m.summary(), QString::fromUtf8("75 % text \u2014 mostly readable text"));
    m.set(histogram, pyramidOf({ByteClass::Text, ByteClass::Zero, ByteClass::HighEntropy, ByteClass::Other,
                                ByteClass::Text},
                               {4, 0, 8, 5, 4}));
    QCOMPARE(m.summary(), QStringLiteral("Mixed content: 40 % text, 20 % zero bytes"));
}

QTEST_MAIN(TestAnalysisModels)
#include "tst_analysismodels.moc"
