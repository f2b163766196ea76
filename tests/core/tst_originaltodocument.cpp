// OriginalToDocument: the document ranges of original ranges after inserts, deletes and overwrites, checked
// against PieceSnapshot::mapOriginal byte by byte, for fixed cases and random edit histories.
#include "core/originaltodocument.h"
#include "core/piecetable.h"

#include <QTest>

#include <random>
#include <vector>

using namespace hexmap;

namespace {

// The expected parts: the original bytes of `range` still in the document, joined where their document offsets
// continue each other, from mapOriginal per byte.
std::vector<ByteRange> byteByByte(const PieceSnapshot &snapshot, ByteRange range)
{
    std::vector<ByteRange> parts;
    for (std::uint64_t o = range.offset; o < range.end(); ++o) {
        const auto at = snapshot.mapOriginal(o);
        if (!at)
            continue;
        if (!parts.empty() && parts.back().end() == *at)
            ++parts.back().size;
        else
            parts.push_back({*at, 1});
    }
    return parts;
}

std::vector<ByteRange> mapped(const OriginalToDocument &map, ByteRange range,
                              const PieceSnapshot *snapshotOf = nullptr)
{
    std::vector<ByteRange> parts;
    map.forEach(range, [&](ByteRange part, std::uint64_t original) {
        if (snapshotOf && snapshotOf->mapOriginal(original) != part.offset)
            parts.push_back({~0ull, 0}); // the part's original offset disagrees: never equal to the expected
        if (!parts.empty() && parts.back().end() == part.offset)
            parts.back().size += part.size; // adjacent runs (a deleted-then-undone split) read as one
        else
            parts.push_back(part);
    });
    return parts;
}

const std::byte kBytes[8] = {};

} // namespace

class TestOriginalToDocument : public QObject {
    Q_OBJECT
private slots:
    void fixedEdits_data()
    {
        QTest::addColumn<QString>("edits"); // "i@at+n" insert n bytes at at, "d@at+n" delete, "o@at+n" overwrite
        QTest::addColumn<quint64>("from");
        QTest::addColumn<quint64>("length");
        QTest::addColumn<QList<quint64>>("expected"); // offset, size pairs
        QTest::newRow("unedited") << "" << quint64(10) << quint64(20) << QList<quint64>{10, 20};
        QTest::newRow("insert before moves up") << "i@0+5" << quint64(10) << quint64(20) << QList<quint64>{15, 20};
        QTest::newRow("insert inside splits") << "i@20+4" << quint64(10) << quint64(20)
                                              << QList<quint64>{10, 10, 24, 10};
        QTest::newRow("insert after leaves it") << "i@90+4" << quint64(10) << quint64(20) << QList<quint64>{10, 20};
        QTest::newRow("delete before moves down") << "d@0+5" << quint64(10) << quint64(20) << QList<quint64>{5, 20};
        QTest::newRow("delete inside shortens") << "d@15+5" << quint64(10) << quint64(20) << QList<quint64>{10, 15};
        QTest::newRow("delete all of it") << "d@5+40" << quint64(10) << quint64(20) << QList<quint64>{};
        QTest::newRow("overwrite keeps nothing there") << "o@10+5" << quint64(10) << quint64(20)
                                                       << QList<quint64>{15, 15};
        QTest::newRow("past the original's end") << "i@0+3" << quint64(95) << quint64(20) << QList<quint64>{98, 5};
    }
    void fixedEdits()
    {
        QFETCH(QString, edits);
        QFETCH(quint64, from);
        QFETCH(quint64, length);
        QFETCH(QList<quint64>, expected);
        PieceTable table(100);
        for (const QString &edit : edits.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const QStringList parts = edit.mid(2).split(QLatin1Char('+'));
            const std::uint64_t at = parts[0].toULongLong();
            const std::uint64_t n = parts[1].toULongLong();
            std::vector<std::byte> bytes(n, std::byte{0x41});
            if (edit[0] == QLatin1Char('i'))
                QVERIFY(table.insert(at, bytes).ok());
            else if (edit[0] == QLatin1Char('d'))
                QVERIFY(table.erase(at, n).ok());
            else
                QVERIFY(table.overwrite(at, bytes).ok());
        }
        const OriginalToDocument map(table.current());
        std::vector<ByteRange> want;
        for (qsizetype i = 0; i + 1 < expected.size(); i += 2)
            want.push_back({expected[i], expected[i + 1]});
        QCOMPARE(mapped(map, {from, length}), want);
        QCOMPARE(mapped(map, {from, length}, &table.current()), byteByByte(table.current(), {from, length}));
    }

    void randomHistoriesAgreeWithMapOriginal()
    {
        std::mt19937_64 random(20261207);
        for (int history = 0; history < 200; ++history) {
            PieceTable table(4096);
            const int edits = int(random() % 40);
            for (int e = 0; e < edits; ++e) {
                const std::uint64_t size = table.size();
                const std::uint64_t at = size ? random() % (size + 1) : 0;
                const std::uint64_t n = 1 + random() % 8;
                switch (random() % 4) {
                case 0: QVERIFY(table.insert(at, std::span(kBytes, std::size_t(n))).ok()); break;
                case 1:
                    if (at < size)
                        QVERIFY(table.erase(at, std::min(n * 16, size - at)).ok());
                    break;
                case 2:
                    if (at + n <= size)
                        QVERIFY(table.overwrite(at, std::span(kBytes, std::size_t(n))).ok());
                    break;
                default:
                    if (table.canUndo())
                        QVERIFY(table.undo().ok());
                }
            }
            const OriginalToDocument map(table.current());
            for (int q = 0; q < 20; ++q) {
                const std::uint64_t from = random() % 4200;
                const ByteRange range{from, random() % 600};
                QCOMPARE(mapped(map, range, &table.current()), byteByByte(table.current(), range));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestOriginalToDocument)
#include "tst_originaltodocument.moc"
