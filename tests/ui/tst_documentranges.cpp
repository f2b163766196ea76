// DocumentRanges: job ranges and worker tracks (file offsets) moved to the document's offsets for the overview map
// while inserts and deletes are unsaved; unchanged without a map.
#include "core/originaltodocument.h"
#include "core/piecetable.h"
#include "ui/pane/documentranges.h"

#include <QTest>

#include <vector>

using namespace hexmap;

namespace {

// The original's 100 bytes after inserting 10 bytes at 30 and deleting the document's [70, 80) (the file's
// [60, 70)): file [0, 30) is at [0, 30), file [30, 60) at [40, 70), file [70, 100) at [70, 100).
PieceTable editedTable()
{
    PieceTable table(100);
    const std::vector<std::byte> ten(10, std::byte{0x41});
    if (!table.insert(30, ten).ok() || !table.erase(70, 10).ok())
        qFatal("cannot edit the table");
    return table;
}

JobCenter::WorkerTrack track(ByteRange range, std::uint64_t done)
{
    JobCenter::WorkerTrack t;
    t.range = range;
    t.done = done;
    t.colorIndex = 3;
    return t;
}

} // namespace

class TestDocumentRanges : public QObject {
    Q_OBJECT
private slots:
    void withoutAMapNothingMoves()
    {
        const std::vector<ByteRange> ranges{{0, 10}, {50, 5}};
        QCOMPARE(DocumentRanges::ranges(nullptr, ranges), ranges);
        const auto tracks = DocumentRanges::tracks(nullptr, {track({20, 60}, 30)});
        QCOMPARE(tracks.size(), std::size_t(1));
        QCOMPARE(tracks[0].range, ByteRange(20, 60));
        QCOMPARE(tracks[0].done, 30u);
    }

    void rangesMoveAndDeletedBytesDrop()
    {
        const PieceTable table = editedTable();
        const OriginalToDocument map(table.current());
        QCOMPARE(DocumentRanges::ranges(&map, {{0, 100}}),
                 (std::vector<ByteRange>{{0, 30}, {40, 30}, {70, 30}}));
        QCOMPARE(DocumentRanges::ranges(&map, {{60, 10}}), std::vector<ByteRange>{}); // all deleted
        QCOMPARE(DocumentRanges::ranges(&map, {{35, 2}, {95, 5}}), (std::vector<ByteRange>{{45, 2}, {95, 5}}));
    }

    void aTrackSplitsAndItsWrittenPrefixStaysAPrefix()
    {
        const PieceTable table = editedTable();
        const OriginalToDocument map(table.current());
        // File [20, 80), its first 30 bytes written (file [20, 50)).
        const auto tracks = DocumentRanges::tracks(&map, {track({20, 60}, 30)});
        QCOMPARE(tracks.size(), std::size_t(3));
        QCOMPARE(tracks[0].range, ByteRange(20, 10)); // file [20, 30)
        QCOMPARE(tracks[0].done, 10u);
        QCOMPARE(tracks[1].range, ByteRange(40, 30)); // file [30, 60)
        QCOMPARE(tracks[1].done, 20u);                // file [30, 50) written
        QCOMPARE(tracks[2].range, ByteRange(70, 10)); // file [70, 80)
        QCOMPARE(tracks[2].done, 0u);
        for (const auto &t : tracks)
            QCOMPARE(t.colorIndex, 3);
    }
};

QTEST_GUILESS_MAIN(TestDocumentRanges)
#include "tst_documentranges.moc"
