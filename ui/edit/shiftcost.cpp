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

QString ShiftCost::movesText(std::uint64_t movedBytes, std::uint64_t after)
{
    if (movedBytes == 0)
        return tr("Nothing after it moves; about a second. It cannot be undone.");
    return tr("This moves %1 (everything after %2) in place; %3. It cannot be undone.")
        .arg(QString::fromStdString(formatSize(movedBytes)), offsetText(after), durationText(seconds(movedBytes)));
}

QString ShiftCost::offsetText(std::uint64_t offset)
{
    return QStringLiteral("0x") + QString::number(offset, 16).toUpper();
}

} // namespace hexmap
