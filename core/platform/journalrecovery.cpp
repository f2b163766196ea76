#include "core/journalrecovery.h"

#include "core/platform/recoveryhelpers.h"

#include "core/blockdevice.h"
#include "core/journallocation.h"
#include "core/numberparser.h"
#include "core/platform/deviceops.h"
#include "core/savejournalreader.h"
#include "core/shiftjournalreader.h"
#include "core/shiftrecovery.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hexmap {
namespace {

using recovery::FdCloser;
using recovery::parentOf;

JournalRecovery failed(JournalRecovery r, JournalOutcome outcome, std::string reason)
{
    return recovery::withOutcome(std::move(r), outcome, std::move(reason));
}

} // namespace

std::string JournalRecovery::message() const
{
    const std::string file = filePath;
    const std::string save = insertDelete ? "insert/delete save" : "save";
    if (insertDelete && outcome == JournalOutcome::Replayed)
        return "Completed an interrupted insert/delete save of " + file + ": it is now " + std::to_string(newSize)
            + " bytes (was " + std::to_string(oldSize) + "); " + formatSize(bytes) + " moved or written from its journal";
    if (insertDelete && outcome == JournalOutcome::Discarded)
        return "Discarded the journal of an insert/delete save of " + file + " that was never committed (" + reason
            + "): the file keeps its old bytes";
    if (insertDelete && outcome == JournalOutcome::Failed)
        return "Could not complete an interrupted insert/delete save of " + file + " from its journal " + journalPath
            + " (" + reason + "); the file is part-way until the journal is applied on a later open";
    switch (outcome) {
    case JournalOutcome::None: return {};
    case JournalOutcome::Replayed:
        return "Completed an interrupted save of " + file + " from its journal (" + std::to_string(ranges)
            + (ranges == 1 ? " range, " : " ranges, ") + formatSize(bytes) + ")";
    case JournalOutcome::Discarded:
        return "Discarded the journal of an interrupted save of " + file + " that was never completed (" + reason
            + "): the file keeps its old bytes";
    case JournalOutcome::Refused:
        return "Did not apply the journal of an interrupted " + save + " of " + file + " (" + reason
            + "); it is kept at " + journalPath + ": delete it if the file is as it should be";
    case JournalOutcome::Busy:
        return "Another Hexmap process is saving " + file + " right now (journal " + journalPath + ")";
    case JournalOutcome::Failed:
        return "Could not complete an interrupted save of " + file + " from its journal " + journalPath + " ("
            + reason + "); the file may hold a mix of old and new bytes until the journal is applied on a later open";
    }
    return {};
}

namespace {

Result<std::uint64_t> deviceSizeOf(const std::string &path)
{
    FdCloser fd{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
    if (fd.fd < 0)
        return Error::fromErrno(errno, path);
    return deviceops::size(fd.fd, path);
}

} // namespace

JournalRecovery recoverSaveJournal(const std::string &path)
{
    JournalRecovery r;
    r.filePath = path;
    struct stat target {};
    if (::stat(path.c_str(), &target) != 0 || (!S_ISREG(target.st_mode) && !S_ISBLK(target.st_mode)))
        return r;
    const bool device = S_ISBLK(target.st_mode);
    const std::string journalPath =
        saveJournalPath(static_cast<std::uint64_t>(target.st_dev), static_cast<std::uint64_t>(target.st_ino));
    if (journalPath.empty())
        return r;
    FdCloser journal{::open(journalPath.c_str(), O_RDWR | O_CLOEXEC | O_NOFOLLOW)};
    if (journal.fd < 0 && (errno == ENOENT || errno == ENOTDIR))
        return r;
    // A journal folder this user cannot even search (another user's HOME, e.g. a program run as nobody with
    // HOME=/root) cannot hold a journal this user wrote: nothing to recover here, and nothing to say.
    if (journal.fd < 0 && errno == EACCES && ::access(parentOf(journalPath).c_str(), X_OK) != 0)
        return r;
    r.journalPath = journalPath;
    if (journal.fd < 0)
        return failed(r, JournalOutcome::Failed, "cannot open the journal: " + std::string(std::strerror(errno)));
    struct flock lock {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    if (::fcntl(journal.fd, F_OFD_SETLK, &lock) != 0) {
        if (errno == EAGAIN || errno == EACCES)
            return failed(r, JournalOutcome::Busy, "a save is in progress");
        return failed(r, JournalOutcome::Failed, "cannot lock the journal: " + std::string(std::strerror(errno)));
    }
    struct stat js {};
    if (::fstat(journal.fd, &js) != 0 || js.st_nlink == 0)
        return JournalRecovery{JournalOutcome::None, path, {}, 0, 0, {}}; // its writer finished and removed it
    if (isShiftJournal(journal.fd))
        return recoverShiftJournal(r, path, journal.fd);

    auto contents = readSaveJournal(journal.fd, journalPath);
    if (!contents)
        return failed(r, JournalOutcome::Failed, contents.error().code.message());
    if (!contents->committed) {
        if (::unlink(journalPath.c_str()) != 0 && errno != ENOENT)
            return failed(r, JournalOutcome::Failed,
                          "cannot delete the unfinished journal: " + std::string(std::strerror(errno)));
        (void)syncDirectory(parentOf(journalPath)); // best effort: a journal that comes back is discarded again
        return failed(r, JournalOutcome::Discarded, contents->problem);
    }
    const std::string canonical = canonicalFilePath(path);
    if (contents->device != static_cast<std::uint64_t>(target.st_dev)
        || contents->inode != static_cast<std::uint64_t>(target.st_ino))
        return failed(r, JournalOutcome::Refused, "it names another file");
    // A device's size is BLKGETSIZE64 (st_size is 0), and a device that is mounted or held now is never written.
    std::uint64_t targetSize = static_cast<std::uint64_t>(target.st_size);
    if (device) {
        auto size = deviceSizeOf(path);
        if (!size)
            return failed(r, JournalOutcome::Failed, "cannot ask the device's size: " + size.message());
        targetSize = *size;
        const auto info = describeBlockDevice(path);
        if (!info)
            return failed(r, JournalOutcome::Failed, "cannot tell whether the device is in use: " + info.message());
        if (const auto uses = mountsAndHolders(*info); !uses.empty())
            return failed(r, JournalOutcome::Refused, "the device is in use (" + uses.front() + ")");
    }
    if (contents->size != targetSize)
        return failed(r, JournalOutcome::Refused,
                      "the file is " + std::to_string(targetSize) + " bytes now, the journal was written for "
                          + std::to_string(contents->size) + " bytes");
    if (contents->path != canonical)
        return failed(r, JournalOutcome::Refused, "it was written for " + contents->path);

    FdCloser file{::open(path.c_str(), O_WRONLY | O_CLOEXEC)};
    if (file.fd < 0)
        return failed(r, JournalOutcome::Failed, "cannot open the file for writing: " + std::string(std::strerror(errno)));
    struct stat opened {};
    if (::fstat(file.fd, &opened) != 0 || opened.st_dev != target.st_dev || opened.st_ino != target.st_ino
        || opened.st_size != target.st_size)
        return failed(r, JournalOutcome::Refused, "the file changed while it was checked");
    if (auto s = replaySaveJournal(journal.fd, journalPath, *contents, file.fd, path); !s)
        return failed(r, JournalOutcome::Failed, s.error().code.message());
    r.outcome = JournalOutcome::Replayed;
    r.ranges = contents->records.size();
    r.bytes = contents->byteCount();
    if (::unlink(journalPath.c_str()) == 0)
        (void)syncDirectory(parentOf(journalPath)); // if it comes back, replaying it again writes the same bytes
    return r;
}

} // namespace hexmap
