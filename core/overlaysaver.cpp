#include "core/overlaysaver.h"

#include "core/editoverlay.h"
#include "core/mappedfile.h"
#include "core/savejournal.h"

#include <algorithm>
#include <optional>
#include <span>
#include <string>

namespace hexmap {
namespace {

struct Run {
    std::uint64_t offset;
    std::span<const std::byte> bytes;
    ByteRange range() const { return {offset, bytes.size()}; }
};

Status injected(const SaveOptions &options, SaveStage stage, ByteRange range)
{
    return options.hook ? options.hook(stage, range) : Status{};
}

Error changeError(FileChange change, const std::string &path)
{
    Errc code = Errc::FileChanged;
    if (change == FileChange::Deleted || change == FileChange::Replaced)
        code = Errc::FileReplaced;
    else if (change == FileChange::Shrunk)
        code = Errc::FileTruncated;
    return Error{make_error_code(code), path + " " + describeFileChange(change) + " since it was opened"};
}

// Step 1: nothing is written when this returns false.
bool checkRuns(MappedFile &file, const std::vector<Run> &runs, SaveReport &report)
{
    report.stoppedAt = SaveStage::Check;
    if (!file.isWritable()) {
        for (const Run &run : runs)
            report.failures.push_back({run.range(), Error{make_error_code(Errc::NotWritable), file.path()}});
        return false;
    }
    const std::uint64_t size = file.size();
    for (const Run &run : runs) {
        if (run.offset >= size || run.bytes.size() > size - run.offset)
            report.failures.push_back({run.range(), Error{make_error_code(Errc::OutOfBounds), file.path()}});
        else if (file.isReserved(run.range())) // a running job owns it: writing would race with its workers
            report.failures.push_back({run.range(), Error{make_error_code(Errc::RangeBusy), file.path()}});
    }
    if (!report.failures.empty())
        return false;
    auto change = file.checkIdentity();
    if (change && *change == FileChange::None && file.wasTruncatedOnDisk())
        change = FileChange::Shrunk; // the SIGBUS guard saw a cut that was undone since
    if (!change || *change != FileChange::None) {
        const Error error = change ? changeError(*change, file.path()) : change.error();
        report.fileChange = change ? *change : FileChange::None;
        for (const Run &run : runs)
            report.failures.push_back({run.range(), error});
        return false;
    }
    return true;
}

ByteRange spanOf(const std::vector<Run> &runs)
{
    return ByteRange::fromBounds(runs.front().offset, runs.back().range().end());
}

} // namespace

std::string SaveReport::summary() const
{
    if (failures.empty())
        return {};
    return std::to_string(failures.size()) + (failures.size() == 1 ? " range" : " ranges")
        + " failed: " + failures.front().error.message();
}

SaveReport saveOverlay(MappedFile &file, const EditOverlay &overlay, const SaveOptions &options)
{
    SaveReport report;
    std::vector<Run> runs;
    runs.reserve(overlay.runCount());
    overlay.forEachRun([&](std::uint64_t offset, std::span<const std::byte> bytes) { runs.push_back({offset, bytes}); });
    if (runs.empty() || !checkRuns(file, runs, report))
        return report;

    report.stoppedAt = SaveStage::Reserve;
    for (const Run &run : runs) {
        Status status = injected(options, SaveStage::Reserve, run.range());
        if (status)
            status = file.reserve(run.range());
        if (!status) {
            report.failures.push_back({run.range(), status.error()});
            return report; // nothing written yet
        }
    }

    std::optional<SaveJournal> journal;
    if (options.journal) {
        report.stoppedAt = SaveStage::Journal;
        Status status = injected(options, SaveStage::Journal, spanOf(runs));
        if (status) {
            auto begun = SaveJournal::begin(file.identity(), file.path());
            if (begun) {
                journal.emplace(std::move(*begun));
                report.journalPath = journal->path();
                for (const Run &run : runs)
                    if (status = journal->add(run.offset, run.bytes); !status)
                        break;
                if (status)
                    status = journal->commit();
            } else {
                status = begun.error();
            }
        }
        if (!status) {
            if (journal)
                (void)journal->remove();
            report.failures.push_back({spanOf(runs), status.error()});
            return report; // nothing written to the file
        }
    }

    report.stoppedAt = SaveStage::Write;
    for (const Run &run : runs) {
        Status status = injected(options, SaveStage::Write, run.range());
        if (status)
            status = file.writeThrough(run.offset, run.bytes);
        if (!status) {
            report.failures.push_back({run.range(), status.error()});
            continue;
        }
        report.written.push_back(run.range());
        report.bytesWritten += run.bytes.size();
        ++report.runsWritten;
    }
    const bool failedWriting = !report.failures.empty();

    if (!report.written.empty()) {
        const std::uint64_t page = MappedFile::pageSize();
        const std::uint64_t begin = report.written.front().offset / page * page;
        const std::uint64_t end = std::min(file.size(), (report.written.back().end() + page - 1) / page * page);
        const ByteRange span = ByteRange::fromBounds(begin, end);
        Status status = injected(options, SaveStage::Sync, span);
        if (status) {
            status = file.syncRange(span);
            ++report.syncCalls;
        }
        if (!status) {
            if (!failedWriting)
                report.stoppedAt = SaveStage::Sync;
            report.failures.push_back({span, status.error()});
        }
        (void)file.refreshIdentity(); // our own write changed the mtime; an error here shows at the next check
    }

    if (journal) {
        if (report.ok() || report.written.empty())
            (void)journal->remove(); // done, or nothing reached the file: all-old and no journal
        else
            report.journalKept = true; // the next open completes the Save from it
    }
    return report;
}

} // namespace hexmap
