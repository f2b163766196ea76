#include "ui/document/savemessages.h"

#include "core/numberparser.h"

#include <algorithm>
#include <cerrno>
#include <climits>

namespace hexmap {
namespace {

// "4 bytes" below 1 KiB, "3.50 MiB" above.
QString sizeText(std::uint64_t bytes)
{
    if (bytes < 1024)
        return bytes == 1 ? SaveMessages::tr("1 byte") : SaveMessages::tr("%1 bytes").arg(bytes);
    return QString::fromStdString(formatSize(bytes));
}
QString hex(std::uint64_t offset) { return QStringLiteral("0x") + QString::number(offset, 16).toUpper(); }

} // namespace

QString SaveMessages::reason(const std::error_code &code)
{
    if (code == std::error_code(ENOSPC, std::system_category()))
        return tr("the disk is full");
    if (code == std::error_code(EDQUOT, std::system_category()))
        return tr("your disk quota is used up");
    if (code == std::error_code(EIO, std::system_category()))
        return tr("the disk reported an input/output error");
    if (code == std::error_code(EROFS, std::system_category()))
        return tr("the disk is read-only");
    if (code == std::error_code(EACCES, std::system_category()) || code == std::error_code(EPERM, std::system_category()))
        return tr("permission was denied");
    if (code == Errc::RangeBusy)
        return tr("a running job is writing these bytes (wait for it to finish, then save again)");
    if (code == Errc::NotWritable)
        return tr("the file is open read-only");
    if (code == Errc::FileTruncated)
        return tr("the file was truncated by another program");
    if (code == Errc::WriteLocked)
        return tr("another Hexmap process is saving this file");
    return QString::fromStdString(code.message());
}

QString SaveMessages::failure(const SaveReport &report, std::uint64_t unsavedBytes)
{
    if (report.ok())
        return {};
    const SaveReport::Failure &first = report.failures.front();
    const QString details = QString::fromStdString(first.error.message());
    QString why;
    switch (report.fileChange) {
    case FileChange::Deleted:
        why = tr("the file was deleted after you opened it. Nothing was written. Your edits stay unsaved in this "
                 "window: Copy takes the bytes with them.");
        break;
    case FileChange::Replaced:
        why = tr("the file was replaced by another file after you opened it (another program saved or moved a file "
                 "over it). Nothing was written, so that other file is untouched. Your edits stay unsaved: reload "
                 "to see the new file with them on top.");
        break;
    case FileChange::Shrunk:
        why = tr("another program truncated the file after you opened it. Nothing was written. Reload to see the "
                 "file as it is now (your edits are carried over where they still fit).");
        break;
    case FileChange::Grown:
    case FileChange::Modified:
        why = tr("another program changed the file after you opened it. Nothing was written, so its changes and "
                 "your edits are not mixed. Reload the file (your edits are carried over on top), then save.");
        break;
    case FileChange::None:
        break;
    }
    if (why.isEmpty()) {
        switch (report.stoppedAt) {
        case SaveStage::Journal:
            why = tr("the save journal could not be written: %1 (%2). Nothing was written to the file.")
                      .arg(reason(first.error.code), details);
            break;
        case SaveStage::Sync:
            why = tr("%1 while making the saved bytes durable (%2); they may not be on the disk.")
                      .arg(reason(first.error.code), details);
            break;
        case SaveStage::Check:
        case SaveStage::Reserve:
        case SaveStage::Write: {
            QString text = tr("%1: %2 at %3 were not saved (%4).")
                               .arg(reason(first.error.code), sizeText(first.range.size), hex(first.range.offset), details);
            if (report.failures.size() > 1)
                text += QLatin1Char(' ')
                    + (report.failures.size() == 2 ? tr("1 more range failed too.")
                                                   : tr("%1 more ranges failed too.").arg(report.failures.size() - 1));
            if (report.stoppedAt != SaveStage::Write)
                text += QLatin1Char(' ') + tr("Nothing was written.");
            why = text;
            break;
        }
        }
    }
    if (why.isEmpty())
        why = details;
    QString text = tr("Save failed, the edits are kept (%1): %2").arg(sizeText(unsavedBytes), why);
    if (report.journalKept)
        text += QLatin1Char(' ')
            + tr("Part of the save reached the file: save again to finish it; otherwise Hexmap completes it from its "
                 "journal the next time the file is opened.");
    return text;
}

QString SaveMessages::recovery(const JournalRecovery &r)
{
    const QString file = QString::fromStdString(r.filePath);
    const QString journal = QString::fromStdString(r.journalPath);
    const QString why = QString::fromStdString(r.reason);
    switch (r.outcome) {
    case JournalOutcome::None: return {};
    case JournalOutcome::Replayed:
        if (r.insertDelete)
            return tr("An interrupted insert/delete save of %1 was completed from its journal: the file is now %2 "
                      "(it was %3).")
                .arg(file, sizeText(r.newSize), sizeText(r.oldSize));
        return (r.ranges == 1 ? tr("An interrupted save of %1 was completed from its journal (%2 in 1 range).")
                              : tr("An interrupted save of %1 was completed from its journal (%2 in %3 ranges).")
                                    .arg(QStringLiteral("%1"), QStringLiteral("%2"), QString::number(r.ranges)))
            .arg(file, sizeText(r.bytes));
    case JournalOutcome::Discarded:
        return tr("An interrupted save of %1 had not begun writing (%2): the file keeps its old bytes.").arg(file, why);
    case JournalOutcome::Refused:
        return tr("The journal of an interrupted save of %1 does not match the file (%2) and was not applied; it is "
                  "kept at %3. Delete it if the file is as it should be.")
            .arg(file, why, journal);
    case JournalOutcome::Busy:
        return tr("Another Hexmap process is saving %1 right now.").arg(file);
    case JournalOutcome::Failed:
        return tr("An interrupted save of %1 could not be completed from its journal %2 (%3): the file may hold a mix "
                  "of old and new bytes until it is; Hexmap tries again the next time the file is opened.")
            .arg(file, journal, why);
    }
    return {};
}

} // namespace hexmap
