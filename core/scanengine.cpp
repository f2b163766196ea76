#include "core/scanengine.h"

#include "core/alignedbuffer.h"
#include "core/scanplanner.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace hexmap {
namespace {

constexpr unsigned kMaxThreads = 64;
constexpr std::size_t kZeroPiece = 1u << 20;
constexpr std::size_t kMaxChunk = std::size_t{1} << 30; // a unit's buffer is allocated whole, per reader thread
constexpr std::uint64_t kMaxZeroUnitOrdered = 64u << 20; // progress granularity while hashes eat a hole
alignas(64) const std::byte kZeros[kZeroPiece] = {};
constexpr auto kPoll = std::chrono::milliseconds(20); // waits re-check the cancel flag at least this often

struct Slot {
    std::uint64_t allowed = 0; // the unit index that may fill this slot next
    bool ready = false;        // holds `unit` for the ordered consumers
    unsigned pending = 0;      // ordered consumers still to take it
    ScanUnit unit;
    AlignedBuffer buffer; // page-aligned: the kernel copies into it 3.5x faster than into a malloc block
};

// The state of one run(), shared by its threads under `mutex`.
class Pass {
public:
    Pass(const DocumentSource &source, ByteRange range, const ScanOptions &options, ScanProgress &progress,
         std::span<ScanConsumer *const> consumers)
        : m_source(source), m_range(range), m_progress(progress), m_consumers(consumers)
    {
        for (ScanConsumer *c : consumers) {
            if (c->ordered())
                m_ordered.push_back(c);
            else {
                m_unordered.push_back(c);
                m_overlap = std::max(m_overlap, c->overlap());
            }
        }
        unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
        m_threads = std::min(threads, kMaxThreads);
        const std::size_t slots = m_ordered.empty() ? m_threads : std::max<std::size_t>(4, 2 * m_threads + 2);
        m_slots.resize(slots);
        for (std::size_t i = 0; i < slots; ++i)
            m_slots[i].allowed = i;
        m_chunk = options.chunkSize;
        // Hole units are capped only for ordered consumers that eat zeros byte by byte (progress must move).
        const bool cheap = std::all_of(m_ordered.begin(), m_ordered.end(), [](auto *c) { return c->cheapZeros(); });
        m_planner.emplace(source, range, m_chunk, m_overlap, cheap ? UINT64_MAX : kMaxZeroUnitOrdered);
    }

    Status execute();

private:
    void worker();
    void orderedLoop(ScanConsumer &consumer);
    Status read(const ScanUnit &unit, Slot &slot);
    bool feedOrdered(ScanConsumer &consumer, const ScanUnit &unit, const Slot &slot);
    bool allDone() const;
    void failLocked(Error error)
    {
        if (!m_error)
            m_error = std::move(error);
        m_stop = true;
        m_cv.notify_all();
    }
    template <typename Pred>
    bool waitFor(std::unique_lock<std::mutex> &lock, Pred pred) // false when stopped or cancelled
    {
        while (!m_stop && !pred()) {
            if (m_progress.isCancelRequested()) {
                failLocked(Error{make_error_code(Errc::Cancelled), "scan of " + m_source.path()});
                return false;
            }
            m_cv.wait_for(lock, kPoll);
        }
        return !m_stop;
    }

    const DocumentSource &m_source;
    ByteRange m_range;
    ScanProgress &m_progress;
    std::span<ScanConsumer *const> m_consumers;
    std::vector<ScanConsumer *> m_ordered;
    std::vector<ScanConsumer *> m_unordered;
    std::size_t m_overlap = 0;
    std::size_t m_chunk = 0;
    unsigned m_threads = 1;

    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::optional<ScanPlanner> m_planner;
    std::vector<Slot> m_slots;
    bool m_claimingDone = false;
    bool m_stop = false;
    std::optional<Error> m_error;
};

bool Pass::allDone() const
{
    return std::all_of(m_consumers.begin(), m_consumers.end(), [](const ScanConsumer *c) { return c->isDone(); });
}

Status Pass::read(const ScanUnit &unit, Slot &slot)
{
    if (unit.zeros) {
        for (ScanConsumer *c : m_unordered)
            c->consumeZeros(unit.offset, unit.owned, unit.zeroBytes);
        return {};
    }
    const std::size_t length = static_cast<std::size_t>(std::min<std::uint64_t>(unit.owned + m_overlap,
                                                                                m_range.end() - unit.offset));
    const std::span<std::byte> bytes = slot.buffer.reserve(m_chunk + m_overlap).first(length);
    if (auto status = m_source.read(unit.offset, bytes); !status)
        return status;
    m_progress.addRead(unit.owned);
    for (ScanConsumer *c : m_unordered)
        c->consume(unit.offset, bytes, static_cast<std::size_t>(unit.owned));
    return {};
}

void Pass::worker()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (m_stop)
            return;
        if (m_progress.isCancelRequested())
            return failLocked(Error{make_error_code(Errc::Cancelled), "scan of " + m_source.path()});
        std::optional<ScanUnit> unit;
        if (!allDone())
            unit = m_planner->next();
        if (!unit && m_planner->error())
            return failLocked(*m_planner->error());
        if (!unit) {
            m_claimingDone = true;
            m_cv.notify_all();
            return;
        }
        Slot &slot = m_slots[unit->index % m_slots.size()];
        if (!waitFor(lock, [&] { return slot.allowed == unit->index; }))
            return;
        lock.unlock();
        Status status = read(*unit, slot);
        lock.lock();
        if (!status)
            return failLocked(status.error());
        if (m_ordered.empty()) {
            slot.allowed = unit->index + m_slots.size();
            m_progress.addDone(unit->owned);
        } else {
            slot.unit = *unit;
            slot.ready = true;
            slot.pending = static_cast<unsigned>(m_ordered.size());
        }
        m_cv.notify_all();
    }
}

bool Pass::feedOrdered(ScanConsumer &consumer, const ScanUnit &unit, const Slot &slot)
{
    if (!unit.zeros) {
        consumer.consume(unit.offset, std::span<const std::byte>(slot.buffer.data(), unit.owned),
                         static_cast<std::size_t>(unit.owned));
        return true;
    }
    if (consumer.cheapZeros()) {
        consumer.consumeZeros(unit.offset, unit.owned, unit.owned);
        return true;
    }
    for (std::uint64_t done = 0; done < unit.owned;) {
        if (m_progress.isCancelRequested())
            return false;
        const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(kZeroPiece, unit.owned - done));
        consumer.consume(unit.offset + done, std::span<const std::byte>(kZeros, n), n);
        done += n;
    }
    return true;
}

void Pass::orderedLoop(ScanConsumer &consumer)
{
    std::unique_lock lock(m_mutex);
    for (std::uint64_t k = 0;; ++k) {
        Slot &slot = m_slots[k % m_slots.size()];
        const auto has = [&] { return slot.ready && slot.unit.index == k; };
        if (!waitFor(lock, [&] { return has() || (m_claimingDone && k >= m_planner->unitsHandedOut()); }))
            return;
        if (!has())
            return; // every unit handed out was consumed
        const ScanUnit unit = slot.unit;
        lock.unlock();
        const bool fed = feedOrdered(consumer, unit, slot);
        lock.lock();
        if (!fed)
            return failLocked(Error{make_error_code(Errc::Cancelled), "scan of " + m_source.path()});
        if (--slot.pending == 0) {
            slot.ready = false;
            slot.allowed = k + m_slots.size();
            m_progress.addDone(unit.owned);
            m_cv.notify_all();
        }
    }
}

Status Pass::execute()
{
    std::vector<std::thread> threads;
    const auto join = [&] {
        for (auto &t : threads)
            t.join();
    };
    for (ScanConsumer *c : m_ordered) {
        try {
            threads.emplace_back([this, c] { orderedLoop(*c); });
        } catch (const std::system_error &e) {
            {
                std::lock_guard lock(m_mutex);
                failLocked(Error{e.code(), "scan of " + m_source.path() + ": no thread for a hash"});
            }
            join();
            return *m_error;
        }
    }
    for (unsigned i = 1; i < m_threads; ++i) {
        try {
            threads.emplace_back([this] { worker(); });
        } catch (const std::system_error &) {
            break; // fewer readers: the work still gets done
        }
    }
    worker();
    join();
    if (m_error)
        return *m_error;
    return m_source.checkFileLength(m_range, "scan"); // a cut inside a hole reads no byte: the size tells
}

} // namespace

Status ScanEngine::run(const ScanSource &source, std::span<ScanConsumer *const> consumers, const ScanOptions &options,
                       ScanProgress &progress)
{
    if (!source.isValid())
        return Error{make_error_code(Errc::InvalidArgument), "scan: no file"};
    if (consumers.empty() || std::any_of(consumers.begin(), consumers.end(), [](auto *c) { return !c; }))
        return Error{make_error_code(Errc::InvalidArgument), "scan of " + source.path() + ": no consumer"};
    if (options.chunkSize == 0 || options.chunkSize > kMaxChunk)
        return Error{make_error_code(Errc::InvalidArgument), "scan of " + source.path() + ": chunk size " +
                                                                 std::to_string(options.chunkSize) +
                                                                 " (expected 1 byte to 1 GiB)"};
    const DocumentSource document(source, options.document);
    const std::uint64_t size = document.size();
    const ByteRange range = options.range.value_or(ByteRange{0, size});
    if (range.offset > size || range.size > size - range.offset)
        return Error{make_error_code(Errc::OutOfBounds), "scan range " + std::to_string(range.offset) + "+" +
                                                             std::to_string(range.size) + " of " + source.path() +
                                                             (document.document() ? " (as edited)" : "")};
    if (!options.progressStarted)
        progress.start(range.size);
    const auto finish = [&] {
        if (!options.progressStarted)
            progress.finish();
    };
    if (progress.isCancelRequested()) {
        finish();
        return Error{make_error_code(Errc::Cancelled), "scan of " + source.path()};
    }
    if (document.document() && source.size() < options.document->originalSize()) {
        finish();
        return Error{make_error_code(Errc::FileTruncated),
                     source.path() + ": the file ends at offset " + std::to_string(source.size()) +
                         " (it was cut after the document was opened with " +
                         std::to_string(options.document->originalSize()) + " bytes)"};
    }
    source.adviseSequential(document.document() ? ByteRange{0, source.size()} : range); // file offsets
    Pass pass(document, range, options, progress, consumers);
    Status status = pass.execute();
    finish();
    return status;
}

} // namespace hexmap
