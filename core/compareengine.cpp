#include "core/compareengine.h"

#include "core/alignedbuffer.h"
#include "core/comparekernel.h"
#include "core/compareplanner.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace hexmap {
namespace {

constexpr unsigned kMaxThreads = 64;
constexpr auto kPoll = std::chrono::milliseconds(20); // waits re-check the cancel flag at least this often

// A finished unit waiting for the units before it.
struct Finished {
    bool ready = false;
    std::uint64_t index = 0;
    std::uint64_t length = 0;
    std::vector<CompareRun> runs;
};

// The state of one run(), shared by its threads under `m_mutex`.
class Pass {
public:
    Pass(const DocumentSource &a, const DocumentSource &b, const CompareOptions &options, std::uint64_t length,
         ScanProgress &progress, CompareRunFeed *feed)
        : m_a(a), m_b(b), m_options(options), m_progress(progress), m_feed(feed),
          m_planner(a, options.offsetA, b, options.offsetB, length, options.chunkSize)
    {
        const unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
        m_threads = std::min(threads, kMaxThreads);
        m_window.resize(4 * static_cast<std::size_t>(m_threads) + 4);
        // A unit stops after maxRuns + 2 runs of its own: with the one it may share with the unit before, that
        // still proves more than maxRuns runs, so the first maxRuns are exact.
        m_unitLimit = options.maxRuns > SIZE_MAX - 2 ? SIZE_MAX : static_cast<std::size_t>(options.maxRuns + 2);
    }

    Status execute();
    std::vector<CompareRun> takeRuns() { return std::move(m_runs); }
    bool capped() const { return m_capped; }

private:
    void worker();
    Status compareUnit(const CompareUnit &unit, AlignedBuffer &bufA, AlignedBuffer &bufB,
                       std::vector<CompareRun> &runs);
    void mergeFinishedLocked();
    void publishLocked(); // hands the runs that became final to m_feed
    void failLocked(Error error)
    {
        if (!m_error)
            m_error = std::move(error);
        m_stop = true;
        m_cv.notify_all();
    }
    Error cancelled() const
    {
        return Error{make_error_code(Errc::Cancelled), "compare of " + m_a.path() + " and " + m_b.path()};
    }

    const DocumentSource &m_a;
    const DocumentSource &m_b;
    const CompareOptions &m_options;
    ScanProgress &m_progress;
    CompareRunFeed *m_feed;
    std::size_t m_published = 0; // m_runs[0, m_published) went to m_feed
    unsigned m_threads = 1;
    std::size_t m_unitLimit = SIZE_MAX;

    std::mutex m_mutex;
    std::condition_variable m_cv;
    ComparePlanner m_planner;
    std::vector<Finished> m_window; // unit i waits in m_window[i % size] until every unit before it is merged
    std::uint64_t m_merged = 0;     // units [0, m_merged) are merged into m_runs
    std::vector<CompareRun> m_runs;
    bool m_capped = false;
    bool m_stop = false;
    std::optional<Error> m_error;
};

Status Pass::compareUnit(const CompareUnit &unit, AlignedBuffer &bufA, AlignedBuffer &bufB,
                         std::vector<CompareRun> &runs)
{
    if (unit.bothHoles())
        return {}; // zeros on both sides (holes, fills of zeros): equal without reading
    const std::size_t n = static_cast<std::size_t>(unit.length);
    bufA.reserve(n);
    bufB.reserve(n);
    const struct {
        const DocumentSource &source;
        std::uint64_t offset;
        bool hole;
        AlignedBuffer &buffer;
    } sides[] = {{m_a, m_options.offsetA, unit.holeA, bufA}, {m_b, m_options.offsetB, unit.holeB, bufB}};
    for (const auto &side : sides) {
        if (side.hole) {
            std::memset(side.buffer.data(), 0, n);
        } else {
            const std::span buffer(side.buffer.data(), n);
            if (auto status = side.source.read(side.offset + unit.pos, buffer); !status)
                return status;
            m_progress.addRead(n);
        }
    }
    if (!comparekernel::appendRuns(bufA.data(), bufB.data(), n, m_options.offsetA + unit.pos, m_options.mergeGap,
                                   m_unitLimit, runs))
        runs.push_back({UINT64_MAX, 0}); // marks "cut": more runs follow in this unit
    return {};
}

void Pass::mergeFinishedLocked()
{
    for (;;) {
        Finished &f = m_window[m_merged % m_window.size()];
        if (!f.ready || f.index != m_merged || m_capped)
            return;
        for (const CompareRun &r : f.runs) {
            if (r.offset == UINT64_MAX) { // the unit was cut: it alone had more runs than the cap
                m_capped = true;
                break;
            }
            if (!m_runs.empty() && r.offset - m_runs.back().end() <= m_options.mergeGap)
                m_runs.back().length = std::max(m_runs.back().end(), r.end()) - m_runs.back().offset;
            else
                m_runs.push_back(r);
        }
        if (m_runs.size() > m_options.maxRuns)
            m_capped = true;
        f.ready = false;
        f.runs.clear();
        m_progress.addDone(f.length);
        ++m_merged;
        publishLocked();
        m_cv.notify_all();
    }
}

void Pass::publishLocked()
{
    if (!m_feed || m_runs.size() < 2)
        return;
    // Every run but the last is final: the next unit may still extend only the last one (mergeGap).
    const std::size_t final = static_cast<std::size_t>(
        std::min<std::uint64_t>(m_runs.size() - 1, m_options.maxRuns));
    if (final > m_published) {
        m_feed->push(std::span(m_runs.data() + m_published, final - m_published));
        m_published = final;
    }
}

void Pass::worker()
{
    AlignedBuffer bufA; // page-aligned: the kernel copies into them 3.5x faster than into malloc blocks
    AlignedBuffer bufB;
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (m_stop)
            return;
        if (m_progress.isCancelRequested())
            return failLocked(cancelled());
        std::optional<CompareUnit> unit;
        if (!m_capped)
            unit = m_planner.next();
        if (!unit && m_planner.error())
            return failLocked(*m_planner.error());
        if (!unit)
            return;
        // Once capped, no unit is merged any more: a unit waiting for its slot is not needed, so stop waiting.
        while (!m_stop && !m_capped && unit->index >= m_merged + m_window.size()) {
            if (m_progress.isCancelRequested())
                return failLocked(cancelled());
            m_cv.wait_for(lock, kPoll);
        }
        if (m_stop || m_capped)
            return;
        lock.unlock();
        std::vector<CompareRun> runs;
        Status status = compareUnit(*unit, bufA, bufB, runs);
        lock.lock();
        if (m_capped)
            return; // the first maxRuns runs are known; this unit's are not needed (and its slot may be taken)
        if (!status)
            return failLocked(status.error());
        Finished &f = m_window[unit->index % m_window.size()];
        f.ready = true;
        f.index = unit->index;
        f.length = unit->length;
        f.runs = std::move(runs);
        mergeFinishedLocked();
    }
}

Status Pass::execute()
{
    std::vector<std::thread> threads;
    for (unsigned i = 1; i < m_threads; ++i) {
        try {
            threads.emplace_back([this] { worker(); });
        } catch (const std::system_error &) {
            break; // fewer readers: the work still gets done
        }
    }
    worker();
    for (auto &t : threads)
        t.join();
    if (m_error)
        return *m_error;
    if (m_capped) {
        m_runs.resize(static_cast<std::size_t>(std::min<std::uint64_t>(m_runs.size(), m_options.maxRuns)));
        return {}; // the rest was not read: a cut there does not change the runs found
    }
    for (const auto *side : {&m_a, &m_b}) {
        const std::uint64_t offset = side == &m_a ? m_options.offsetA : m_options.offsetB;
        // a cut inside a hole reads no byte: the size tells
        if (auto status = side->checkFileLength({offset, m_planner.length()}, "compare"); !status)
            return status;
    }
    return {};
}

Error outOfBounds(const DocumentSource &side, std::uint64_t offset, std::uint64_t length, bool lengthGiven)
{
    std::string what = side.path() + ": offset " + std::to_string(offset);
    if (lengthGiven)
        what += " + length " + std::to_string(length);
    return Error{make_error_code(Errc::OutOfBounds), what + " (the " + (side.document() ? "edited document" : "file") +
                                                         " has " + std::to_string(side.size()) + " bytes)"};
}

bool sameFile(const ScanSource &a, const ScanSource &b)
{
    std::error_code ec;
    return std::filesystem::equivalent(a.path(), b.path(), ec) && !ec;
}

} // namespace

Result<CompareResult> CompareEngine::run(const ScanSource &fileA, const ScanSource &fileB,
                                         const CompareOptions &options, ScanProgress &progress, CompareRunFeed *feed)
{
    const DocumentSource a(fileA, options.documentA);
    const DocumentSource b(fileB, options.documentB);
    const auto refuse = [&](Error error) -> Result<CompareResult> { // bad arguments end the run too, once
        progress.start(0);
        progress.finish();
        return error;
    };
    if (!fileA.isValid() || !fileB.isValid())
        return refuse(Error{make_error_code(Errc::InvalidArgument), "compare: no file"});
    if (options.maxRuns == 0)
        return refuse(Error{make_error_code(Errc::InvalidArgument), "compare: at most 0 runs (the cap must be 1 or more)"});
    if (options.chunkSize == 0)
        return refuse(Error{make_error_code(Errc::InvalidArgument), "compare: chunk size 0"});
    CompareResult result;
    result.sizeA = a.size();
    result.sizeB = b.size();
    result.offsetA = options.offsetA;
    result.offsetB = options.offsetB;
    result.lengthGiven = options.length.has_value();
    const std::uint64_t length = options.length.value_or(0);
    for (const auto &[side, offset] : {std::pair{&a, options.offsetA}, std::pair{&b, options.offsetB}}) {
        if (offset > side->size() || (result.lengthGiven && length > side->size() - offset))
            return refuse(outOfBounds(*side, offset, length, result.lengthGiven));
    }
    result.length = result.lengthGiven ? length : std::min(result.restA(), result.restB());
    progress.start(result.length);
    if (progress.isCancelRequested()) {
        progress.finish();
        return Error{make_error_code(Errc::Cancelled), "compare of " + a.path() + " and " + b.path()};
    }
    for (const DocumentSource *side : {&a, &b}) {
        if (side->document() && side->file().size() < side->document()->originalSize()) {
            progress.finish();
            return Error{make_error_code(Errc::FileTruncated),
                         side->path() + ": the file ends at offset " + std::to_string(side->file().size()) +
                             " (it was cut after the document was opened with " +
                             std::to_string(side->document()->originalSize()) + " bytes)"};
        }
    }
    if (options.offsetA == options.offsetB && !a.document() && !b.document() && sameFile(fileA, fileB)) {
        result.sameFile = true;
        progress.addDone(result.length);
        progress.finish();
        return result;
    }
    if (!a.document())
        fileA.adviseSequential({options.offsetA, result.length});
    if (!b.document())
        fileB.adviseSequential({options.offsetB, result.length});
    CompareOptions resolved = options;
    resolved.length = result.length;
    Pass pass(a, b, resolved, result.length, progress, feed);
    Status status = pass.execute();
    progress.finish();
    if (!status)
        return status.error();
    result.runs = pass.takeRuns();
    result.capped = pass.capped();
    return result;
}

} // namespace hexmap
