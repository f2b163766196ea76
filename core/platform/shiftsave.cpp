#include "core/shiftsave.h"

#include "core/shiftjournal.h"
#include "core/shiftplan.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace hexmap {
namespace {

Error changeError(FileChange change, const std::string &path)
{
    Errc code = Errc::FileChanged;
    if (change == FileChange::Deleted || change == FileChange::Replaced)
        code = Errc::FileReplaced;
    else if (change == FileChange::Shrunk)
        code = Errc::FileTruncated;
    return Error{make_error_code(code), path + " " + describeFileChange(change) + " since it was opened"};
}

} // namespace

ShiftSave::ShiftSave(int fd, std::string path, FileIdentity opened, SaveLayout layout, ShiftSaveOptions options)
    : m_fd(fd), m_path(std::move(path)), m_opened(opened), m_layout(std::move(layout)), m_options(std::move(options))
{
}

ShiftProgress ShiftSave::progress() const
{
    return {m_counters.bytesDone.load(), m_total.load(), m_counters.stepsDone.load(), m_stepCount.load()};
}

Status ShiftSave::grow(std::uint64_t from, std::uint64_t to, std::uint64_t firstWrite)
{
    // Reserve every block the save will write (holes inside the file too), growing the file to `to`.
    if (to > firstWrite) {
        int rc;
        do
            rc = ::fallocate(m_fd, 0, static_cast<off_t>(firstWrite), static_cast<off_t>(to - firstWrite));
        while (rc != 0 && errno == EINTR);
        if (rc == 0)
            return {};
        const int err = errno;
        if (err != EOPNOTSUPP && err != ENOSYS) {
            if (to > from)
                (void)!::ftruncate(m_fd, static_cast<off_t>(from)); // give back what was reserved past the end
            return Error::fromErrno(err, m_path + ": reserving " + std::to_string(to - firstWrite)
                                             + " bytes from offset " + std::to_string(firstWrite));
        }
    }
    if (to > from && ::ftruncate(m_fd, static_cast<off_t>(to)) != 0) { // no fallocate here: grow without reserving
        const int err = errno;
        (void)!::ftruncate(m_fd, static_cast<off_t>(from));
        return Error::fromErrno(err, m_path + ": growing from " + std::to_string(from) + " to " + std::to_string(to)
                                         + " bytes");
    }
    return {};
}

Status ShiftSave::run()
{
    m_outcome = ShiftOutcome::Unchanged;
    auto change = compareFileIdentity(m_opened, m_fd, m_path);
    if (!change)
        return change.error();
    if (*change != FileChange::None)
        return changeError(*change, m_path);
    auto created = ShiftPlan::create(m_layout, m_opened.size, m_options.chunkSize, m_options.directShiftMin);
    if (!created)
        return created.error();
    const ShiftPlan &plan = *created;
    m_newSize = plan.newSize();
    m_total.store(plan.bytesToMove() + plan.bytesToWrite());
    m_stepCount.store(plan.stepCount());
    if (plan.isNoop()) {
        m_outcome = ShiftOutcome::Saved;
        return {};
    }
    if (m_counters.cancel.load())
        return Error{make_error_code(Errc::Cancelled), m_path + ": cancelled before anything was written"};

    std::optional<ShiftJournal> journal;
    if (m_options.journal) {
        auto begun = ShiftJournal::begin(m_opened, m_path);
        if (!begun)
            return begun.error();
        journal.emplace(std::move(*begun));
        m_journalPath = journal->path();
        if (auto s = journal->writePlan(plan, m_opened, m_path, m_options.durable); !s) {
            (void)journal->remove();
            return s;
        }
    }
    // Committing the journal took a sync: check again that nobody cut, extended or replaced the file meanwhile,
    // because growing it would hide a cut (fallocate and ftruncate fill it back up with zeros).
    if (auto again = compareFileIdentity(m_opened, m_fd, m_path); !again || *again != FileChange::None) {
        if (journal)
            (void)journal->remove();
        return again ? changeError(*again, m_path) : again.error();
    }
    if (auto s = grow(plan.oldSize(), plan.workingSize(), plan.firstWrite()); !s) {
        if (journal)
            (void)journal->remove();
        return s;
    }

    ShiftExecution x;
    x.fd = m_fd;
    x.path = m_path;
    x.plan = &plan;
    if (journal)
        x.records = journal->progressSlots(m_options.durable);
    x.memory = [&plan](std::size_t piece, std::uint64_t offset, std::span<std::byte> out) -> Status {
        const SavePiece &p = plan.layout()[piece];
        std::memcpy(out.data(), p.bytes->data() + p.src + offset, out.size());
        return {};
    };
    x.hook = m_options.hook;
    x.durable = m_options.durable;
    x.counters = &m_counters;
    Status status = runShift(x, 0, {}, false);
    if (x.crashed) {
        m_outcome = ShiftOutcome::Pending; // as if the process died here: no clean-up at all
        return status;
    }
    if (!status) {
        const bool untouched = m_counters.bytesDone.load() == 0 && x.cancelled;
        if (untouched) { // cancelled before the first step: give back the growth and forget the plan
            (void)!::ftruncate(m_fd, static_cast<off_t>(plan.oldSize()));
            if (journal)
                (void)journal->remove();
            return Error{make_error_code(Errc::Cancelled), m_path + ": cancelled before any byte moved; unchanged"};
        }
        if (!journal) { // benchmarks and tests only: nothing can complete it
            m_outcome = m_counters.bytesDone.load() == 0 ? ShiftOutcome::Unchanged : ShiftOutcome::Pending;
            return status;
        }
        m_outcome = ShiftOutcome::Pending;
        if (status.code() == Errc::FileTruncated || status.code() == Errc::FileChanged)
            return Error{status.code(), status.error().context + "; the save stopped part-way: the file mixes old and "
                                            "new bytes, and its journal " + m_journalPath + " cannot complete it at "
                                            "this size (hexmap-cli recover FILE says what it finds)"};
        return Error{status.code(), status.error().context + "; the save is part-way: the next open of the file "
                                        "completes it from its journal " + m_journalPath};
    }
    m_outcome = ShiftOutcome::Saved;
    if (journal)
        if (auto s = journal->remove(); !s)
            return s; // saved and synced; a journal that stays is finished: the next open only deletes it
    return checkAfterSave();
}

Status ShiftSave::checkAfterSave()
{
    // Saved into the open file; tell the caller when the user will not see it: another program renamed a file over
    // the path, deleted it, or changed its size during the save (its last step, or after the final truncate).
    struct stat held {};
    struct stat named {};
    if (::fstat(m_fd, &held) != 0)
        return Error::fromErrno(errno, m_path + ": checking it after the save");
    const bool replaced = ::stat(m_path.c_str(), &named) != 0 || named.st_dev != held.st_dev
        || named.st_ino != held.st_ino || held.st_nlink == 0;
    const auto size = static_cast<std::uint64_t>(held.st_size);
    if (!replaced && size == m_newSize)
        return {};
    m_outcome = ShiftOutcome::Disturbed;
    if (replaced)
        return Error{make_error_code(Errc::FileReplaced),
                     m_path + ": the save went into the file that was open, but another program replaced or deleted "
                              "it during the save: the path does not name the saved file any more"};
    return Error{make_error_code(size < m_newSize ? Errc::FileTruncated : Errc::FileChanged),
                 m_path + ": saved, but another program changed its size during the save: it is " + std::to_string(size)
                     + " bytes, the save made it " + std::to_string(m_newSize)};
}

} // namespace hexmap
