#include "core/shiftrecovery.h"

#include "core/platform/recoveryhelpers.h"

#include "core/journallocation.h"
#include "core/shiftexecutor.h"
#include "core/shiftjournalformat.h"
#include "core/shiftjournalreader.h"
#include "core/shiftplan.h"
#include "core/writelock.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hexmap {
namespace sf = shiftformat;

namespace {

using recovery::parentOf;
using Fd = recovery::FdCloser;

JournalRecovery outcome(JournalRecovery r, JournalOutcome o, std::string reason)
{
    return recovery::withOutcome(std::move(r), o, std::move(reason));
}

} // namespace

JournalRecovery recoverShiftJournal(JournalRecovery r, const std::string &path, int journalFd)
{
    r.insertDelete = true;
    auto contents = readShiftJournal(journalFd, r.journalPath);
    if (!contents)
        return outcome(r, JournalOutcome::Failed, contents.error().code.message());
    const ShiftJournalContents &c = *contents;
    if (!c.committed) {
        if (::unlink(r.journalPath.c_str()) != 0 && errno != ENOENT)
            return outcome(r, JournalOutcome::Failed,
                           "cannot delete the unfinished journal: " + std::string(std::strerror(errno)));
        (void)syncDirectory(parentOf(r.journalPath));
        return outcome(r, JournalOutcome::Discarded, c.problem);
    }
    r.oldSize = c.oldSize;
    r.newSize = c.newSize;
    struct stat target {};
    if (::stat(path.c_str(), &target) != 0)
        return outcome(r, JournalOutcome::Failed, "cannot stat the file: " + std::string(std::strerror(errno)));
    if (c.device != static_cast<std::uint64_t>(target.st_dev) || c.inode != static_cast<std::uint64_t>(target.st_ino))
        return outcome(r, JournalOutcome::Refused, "it names another file");
    if (c.path != canonicalFilePath(path))
        return outcome(r, JournalOutcome::Refused, "it was written for " + c.path);
    auto plan = ShiftPlan::create(c.layout, c.oldSize, c.chunkSize, c.directShiftMin, false);
    if (!plan)
        return outcome(r, JournalOutcome::Refused, "its plan is invalid: " + plan.error().context);
    const bool finished = c.slotKind == sf::SlotFinished;
    if ((c.slotKind == sf::SlotDone || c.slotKind == sf::SlotPreImage) && c.slotStep >= plan->stepCount())
        return outcome(r, JournalOutcome::Refused, "its progress record names step " + std::to_string(c.slotStep)
                                                       + " of " + std::to_string(plan->stepCount()));
    const auto size = static_cast<std::uint64_t>(target.st_size);
    // The sizes a save stopped by a crash can leave: the old size before the grow (then no progress record exists
    // yet), ShiftPlan::workingSize() after it, the new size after the final truncate. Any other size (the grown size
    // too: a step's write regrows a file cut under it to exactly that) means another program cut or extended it:
    // completing the save would move zeros in place of the lost bytes.
    const bool beforeGrow = size == c.oldSize && c.slotKind == 0;
    if (!beforeGrow && size != plan->workingSize() && !(finished && size == c.newSize))
        return outcome(r, JournalOutcome::Refused,
                       "the file is " + std::to_string(size) + " bytes now; the save was from "
                           + std::to_string(c.oldSize) + " to " + std::to_string(c.newSize) + " bytes");

    Fd file{::open(path.c_str(), O_RDWR | O_CLOEXEC)};
    if (file.fd < 0)
        return outcome(r, JournalOutcome::Failed,
                       "cannot open the file for writing: " + std::string(std::strerror(errno)));
    struct stat opened {};
    if (::fstat(file.fd, &opened) != 0 || opened.st_dev != target.st_dev || opened.st_ino != target.st_ino
        || opened.st_size != target.st_size)
        return outcome(r, JournalOutcome::Refused, "the file changed while it was checked");
    // Another Hexmap process writing this file (a job, an editor window) must not see it change size under it.
    auto lock = WriteLock::acquire(file.fd, path);
    if (!lock && lock.code() == Errc::WriteLocked)
        return outcome(r, JournalOutcome::Busy, "the file is being written: " + lock.error().context);
    if (!finished && size < plan->workingSize() && ::ftruncate(file.fd, static_cast<off_t>(plan->workingSize())) != 0)
        return outcome(r, JournalOutcome::Failed, "cannot grow the file to " + std::to_string(plan->workingSize())
                                                      + " bytes: " + std::strerror(errno));

    std::vector<std::byte> preImage;
    std::size_t next = 0;
    if (c.slotKind == sf::SlotDone)
        next = static_cast<std::size_t>(c.slotStep) + 1;
    if (c.slotKind == sf::SlotPreImage) {
        next = static_cast<std::size_t>(c.slotStep);
        preImage.resize(static_cast<std::size_t>(c.preImageLength));
        for (std::size_t done = 0; done < preImage.size();) {
            const ssize_t n = ::pread(journalFd, preImage.data() + done, preImage.size() - done,
                                      static_cast<off_t>(c.preImagePosition + done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return outcome(r, JournalOutcome::Failed,
                               "cannot read the journal: " + std::string(std::strerror(n < 0 ? errno : EIO)));
            done += static_cast<std::size_t>(n);
        }
    }
    ShiftCounters counters;
    ShiftExecution x;
    x.fd = file.fd;
    x.path = path;
    x.plan = &*plan;
    x.records = ShiftSlots(journalFd, r.journalPath, sf::slotBase(c.planLength), sf::slotStride(c.chunkSize),
                         c.planCrc, c.durable);
    const std::vector<std::uint64_t> &positions = c.memoryPositions;
    const std::string journalPath = r.journalPath;
    x.memory = [journalFd, &positions, &journalPath](std::size_t piece, std::uint64_t offset,
                                                     std::span<std::byte> out) -> Status {
        for (std::size_t done = 0; done < out.size();) {
            const ssize_t n = ::pread(journalFd, out.data() + done, out.size() - done,
                                      static_cast<off_t>(positions[piece] + offset + done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return Error::fromErrno(n < 0 ? errno : EIO, journalPath);
            done += static_cast<std::size_t>(n);
        }
        return {};
    };
    x.counters = &counters;
    x.durable = c.durable;
    if (auto s = runShift(x, next, preImage, finished); !s)
        return outcome(r, JournalOutcome::Failed, s.message());
    r.outcome = JournalOutcome::Replayed;
    r.ranges = plan->stepCount() - std::min<std::uint64_t>(next, plan->stepCount());
    r.bytes = counters.bytesDone.load();
    if (::unlink(r.journalPath.c_str()) == 0)
        (void)syncDirectory(parentOf(r.journalPath)); // if it comes back: Finished is its last record, harmless
    return r;
}

} // namespace hexmap
