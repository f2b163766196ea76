#include "ui/edit/shiftcost.h"

#include "core/numberparser.h"

namespace hexmap {

// The rate an estimate assumes: 256 MiB/s moved in place. Measured: tests/bench/insert_vs_dd.sh build /var/tmp 1024 2
// (hexmap-cli insert/delete of 1 byte at 4096 of a 1 GiB file in the page cache, ext4, the 2-vCPU VM at load 3.75):
// insert 1.10 s, delete 1.00 s, i.e. ~0.95 GiB/s including the final fdatasync (dd of the same file: 3.7 s).
// Taken 4x lower, since single figures on this VM move by up to 4x (DESIGN §8) and a file that is not in the page
// cache must also be read from disk: the estimate should rather be too long than too short.
const std::uint64_t ShiftCost::kBytesPerSecond = std::uint64_t(256) << 20;

std::uint64_t ShiftCost::seconds(std::uint64_t bytes)
{
    return (bytes + kBytesPerSecond - 1) / kBytesPerSecond;
}

QString ShiftCost::durationText(std::uint64_t seconds)
{
    if (seconds <= 1)
        return tr("about a second");
    if (seconds < 90)
        return tr("about %1 seconds").arg(seconds);
    if (seconds < 90 * 60)
        return tr("about %1 minutes").arg((seconds + 30) / 60);
    return tr("about %1 hours").arg((seconds + 1800) / 3600);
}

ShiftCost::SaveCost ShiftCost::saveCost(const SaveLayout &layout)
{
    SaveCost cost;
    bool changed = false;
    for (const SavePiece &piece : layout) {
        const bool inPlace = piece.kind == SavePiece::Kind::Original && piece.src == piece.dst;
        if (inPlace)
            continue;
        if (!changed) {
            cost.from = piece.dst;
            changed = true;
        }
        (piece.kind == SavePiece::Kind::Original ? cost.movedBytes : cost.writtenBytes) += piece.length;
    }
    return cost;
}

QString ShiftCost::saveText(const SaveCost &cost)
{
    return tr("Save moves %1 from offset %2 in place and writes %3; %4. Save As… writes a new file instead.")
        .arg(QString::fromStdString(formatSize(cost.movedBytes)), offsetText(cost.from),
             QString::fromStdString(formatSize(cost.writtenBytes)),
             durationText(seconds(cost.movedBytes + cost.writtenBytes)));
}

QString ShiftCost::offsetText(std::uint64_t offset)
{
    return QStringLiteral("0x") + QString::number(offset, 16).toUpper();
}

} // namespace hexmap
