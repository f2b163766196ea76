#include "core/overlaysaver.h"

#include "core/editoverlay.h"
#include "core/mappedfile.h"

#include <algorithm>
#include <string>

namespace hexmap {

std::string SaveReport::summary() const
{
    if (failures.empty())
        return {};
    return std::to_string(failures.size()) + (failures.size() == 1 ? " range" : " ranges")
        + " failed: " + failures.front().error.message();
}

SaveReport saveOverlay(MappedFile &file, const EditOverlay &overlay, const SaveFaultHook &hook)
{
    SaveReport report;
    const std::uint64_t page = MappedFile::pageSize();
    const std::uint64_t size = file.size();
    std::vector<ByteRange> spans; // page-aligned, sorted, merged sync spans of the written runs

    // A running job owns its range (the file's allocator reservation): writing edits there would race with its
    // workers. Then nothing is written at all, so a save is never half done because of a job.
    overlay.forEachRun([&](std::uint64_t offset, std::span<const std::byte> bytes) {
        const ByteRange range{offset, bytes.size()};
        if (file.isReserved(range))
            report.failures.push_back({range, Error{make_error_code(Errc::RangeBusy), file.path()}});
    });
    if (!report.failures.empty())
        return report;

    overlay.forEachRun([&](std::uint64_t offset, std::span<const std::byte> bytes) {
        const ByteRange range{offset, bytes.size()};
        Status status = hook ? hook(SaveStage::Write, range) : Status{};
        if (status)
            status = file.writeAllAt(offset, bytes);
        if (!status) {
            report.failures.push_back({range, status.error()});
            return;
        }
        report.bytesWritten += bytes.size();
        ++report.runsWritten;
        const std::uint64_t begin = offset / page * page;
        const std::uint64_t end = std::min(size, (range.end() + page - 1) / page * page);
        if (!spans.empty() && begin <= spans.back().end() + kSaveSyncMergeGap)
            spans.back() = ByteRange::fromBounds(spans.back().offset, std::max(end, spans.back().end()));
        else
            spans.push_back(ByteRange::fromBounds(begin, end));
    });

    for (const ByteRange &span : spans) {
        Status status = hook ? hook(SaveStage::Sync, span) : Status{};
        if (status) {
            status = file.syncRange(span);
            ++report.syncCalls;
        }
        if (!status)
            report.failures.push_back({span, status.error()});
    }
    return report;
}

} // namespace hexmap
