#include "core/rangeset.h"

#include <QRandomGenerator>
#include <QTest>

#include <cstdint>
#include <vector>

using namespace hexmap;

Q_DECLARE_METATYPE(std::vector<hexmap::ByteRange>)

namespace {
using Ranges = std::vector<ByteRange>;
constexpr std::uint64_t kMax = UINT64_MAX;
} // namespace

class TestRangeSet : public QObject
{
    Q_OBJECT
private slots:
    void addCoalesces_data()
    {
        QTest::addColumn<Ranges>("adds");
        QTest::addColumn<Ranges>("expected");
        QTest::addColumn<quint64>("total");
        QTest::newRow("empty range ignored") << Ranges{{5, 0}} << Ranges{} << quint64(0);
        QTest::newRow("single byte") << Ranges{{0, 1}} << Ranges{{0, 1}} << quint64(1);
        QTest::newRow("adjacent merge") << Ranges{{0, 4096}, {4096, 4096}} << Ranges{{0, 8192}} << quint64(8192);
        QTest::newRow("adjacent reversed") << Ranges{{4096, 4096}, {0, 4096}} << Ranges{{0, 8192}} << quint64(8192);
        QTest::newRow("gap of one stays") << Ranges{{0, 10}, {11, 5}} << Ranges{{0, 10}, {11, 5}} << quint64(15);
        QTest::newRow("overlap") << Ranges{{0, 10}, {5, 10}} << Ranges{{0, 15}} << quint64(15);
        QTest::newRow("contained") << Ranges{{0, 100}, {10, 5}} << Ranges{{0, 100}} << quint64(100);
        QTest::newRow("bridge three") << Ranges{{0, 10}, {20, 10}, {40, 10}, {5, 40}} << Ranges{{0, 50}}
                                      << quint64(50);
        QTest::newRow("same twice") << Ranges{{7, 3}, {7, 3}} << Ranges{{7, 3}} << quint64(3);
        QTest::newRow("1 TiB prefixes grow") << Ranges{{0, 1ull << 30}, {0, 1ull << 39}, {0, 1ull << 40}}
                                             << Ranges{{0, 1ull << 40}} << (quint64(1) << 40);
        QTest::newRow("near 2^64") << Ranges{{kMax - 10, 10}, {kMax - 20, 10}} << Ranges{{kMax - 20, 20}}
                                   << quint64(20);
        QTest::newRow("2^63-1 file") << Ranges{{0, (1ull << 63) - 1}} << Ranges{{0, (1ull << 63) - 1}}
                                     << quint64((1ull << 63) - 1);
    }
    void addCoalesces()
    {
        QFETCH(Ranges, adds);
        QFETCH(Ranges, expected);
        QFETCH(quint64, total);
        RangeSet set;
        for (const ByteRange &r : adds)
            set.add(r);
        QCOMPARE(set.ranges(), expected);
        QCOMPARE(set.total(), total);
        QCOMPARE(set.isEmpty(), expected.empty());
    }

    void removeSplits_data()
    {
        QTest::addColumn<Ranges>("adds");
        QTest::addColumn<Ranges>("removes");
        QTest::addColumn<Ranges>("expected");
        QTest::newRow("middle split") << Ranges{{0, 100}} << Ranges{{40, 20}} << Ranges{{0, 40}, {60, 40}};
        QTest::newRow("head") << Ranges{{0, 100}} << Ranges{{0, 1}} << Ranges{{1, 99}};
        QTest::newRow("tail") << Ranges{{0, 100}} << Ranges{{99, 1}} << Ranges{{0, 99}};
        QTest::newRow("all") << Ranges{{0, 100}} << Ranges{{0, 100}} << Ranges{};
        QTest::newRow("superset") << Ranges{{10, 10}, {30, 10}} << Ranges{{0, 100}} << Ranges{};
        QTest::newRow("across two") << Ranges{{0, 10}, {20, 10}} << Ranges{{5, 20}} << Ranges{{0, 5}, {25, 5}};
        QTest::newRow("outside") << Ranges{{10, 10}} << Ranges{{0, 10}, {20, 5}} << Ranges{{10, 10}};
        QTest::newRow("empty ignored") << Ranges{{10, 10}} << Ranges{{15, 0}} << Ranges{{10, 10}};
        QTest::newRow("sync chunks") << Ranges{{0, 256ull << 20}}
                                     << Ranges{{0, 64ull << 20}, {64ull << 20, 64ull << 20}}
                                     << Ranges{{128ull << 20, 128ull << 20}};
    }
    void removeSplits()
    {
        QFETCH(Ranges, adds);
        QFETCH(Ranges, removes);
        QFETCH(Ranges, expected);
        RangeSet set;
        for (const ByteRange &r : adds)
            set.add(r);
        for (const ByteRange &r : removes)
            set.remove(r);
        QCOMPARE(set.ranges(), expected);
        std::uint64_t sum = 0;
        for (const ByteRange &r : expected)
            sum += r.size;
        QCOMPARE(set.total(), sum);
    }

    void queries()
    {
        RangeSet set;
        set.add({10, 10});
        set.add({30, 10});
        QVERIFY(!set.contains(std::uint64_t(9)));
        QVERIFY(set.contains(std::uint64_t(10)));
        QVERIFY(set.contains(std::uint64_t(19)));
        QVERIFY(!set.contains(std::uint64_t(20)));
        QVERIFY(set.contains(ByteRange{10, 10}));
        QVERIFY(!set.contains(ByteRange{10, 11}));
        QVERIFY(!set.contains(ByteRange{15, 20}));
        QVERIFY(!set.contains(ByteRange{12, 0}));
        QVERIFY(set.intersects(ByteRange{0, 11}));
        QVERIFY(!set.intersects(ByteRange{0, 10}));
        QVERIFY(!set.intersects(ByteRange{20, 10}));
        QVERIFY(set.intersects(ByteRange{39, 100}));
        QCOMPARE(set.intersection({15, 20}), (Ranges{{15, 5}, {30, 5}}));
        QCOMPARE(set.intersection({0, 100}), (Ranges{{10, 10}, {30, 10}}));
        QCOMPARE(set.intersection({20, 10}), Ranges{});
        QCOMPARE(set.intervalCount(), std::size_t(2));
    }

    // Random adds and removes against a std::vector<bool> reference model.
    void randomAgainstModel()
    {
        constexpr std::uint64_t kSize = 512;
        QRandomGenerator rng(1234);
        for (int round = 0; round < 50; ++round) {
            RangeSet set;
            std::vector<bool> model(kSize, false);
            for (int op = 0; op < 60; ++op) {
                const std::uint64_t a = rng.bounded(quint32(kSize));
                const std::uint64_t len = rng.bounded(quint32(kSize - a + 1));
                const bool adding = rng.bounded(3) != 0;
                adding ? set.add({a, len}) : set.remove({a, len});
                for (std::uint64_t i = a; i < a + len; ++i)
                    model[i] = adding;
                std::uint64_t total = 0;
                Ranges expected;
                for (std::uint64_t i = 0; i < kSize; ++i) {
                    total += model[i];
                    if (model[i] && (expected.empty() || expected.back().end() != i))
                        expected.push_back({i, 0});
                    if (model[i])
                        ++expected.back().size;
                }
                QCOMPARE(set.total(), total);
                QCOMPARE(set.ranges(), expected);
                const std::uint64_t probe = rng.bounded(quint32(kSize));
                QCOMPARE(set.contains(probe), bool(model[probe]));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestRangeSet)
#include "tst_rangeset.moc"
