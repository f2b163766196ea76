#include "core/searchengine.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <system_error>
#include <thread>

namespace hexmap {

// Match start positions [first, end).
struct SearchEngine::Segment {
    std::uint64_t first = 0;
    std::uint64_t end = 0;
    std::uint64_t size() const { return end > first ? end - first : 0; }
};

namespace {

constexpr unsigned kMaxThreads = 64;

// Advises the range sequential for the lifetime of a forward scan.
class SequentialAdvice {
public:
    SequentialAdvice(const MappedFile &file, ByteRange range, bool enabled) : m_file(file), m_range(range)
    {
        m_enabled = enabled && m_file.advise(Advice::Sequential, m_range).ok();
    }
    ~SequentialAdvice()
    {
        if (m_enabled)
            (void)m_file.advise(Advice::Normal, m_range);
    }
    SequentialAdvice(const SequentialAdvice &) = delete;
    SequentialAdvice &operator=(const SequentialAdvice &) = delete;

private:
    MappedFile m_file;
    ByteRange m_range;
    bool m_enabled = false;
};

} // namespace

SearchEngine::SearchEngine(MappedFile file, SearchMatcher matcher, SearchOptions options, ByteRange range)
    : m_file(std::move(file)), m_matcher(std::move(matcher)), m_options(std::move(options)), m_range(range)
{
}

Result<SearchEngine> SearchEngine::create(MappedFile file, SearchPattern pattern, SearchOptions options)
{
    if (!file.isValid())
        return Error{make_error_code(Errc::InvalidArgument), "search: no file"};
    if (pattern.isEmpty())
        return Error{make_error_code(Errc::InvalidArgument), "search: empty pattern"};
    if (options.sliceSize == 0)
        return Error{make_error_code(Errc::InvalidArgument), "search: slice size 0"};
    if (options.maxMatches == 0)
        return Error{make_error_code(Errc::InvalidArgument), "search: match limit 0"};
    const ByteRange range = options.range.value_or(ByteRange{0, file.size()});
    if (range.offset > file.size() || range.size > file.size() - range.offset)
        return Error{make_error_code(Errc::OutOfBounds),
                     "search range " + std::to_string(range.offset) + "+" + std::to_string(range.size)};
    if (options.threads == 0)
        options.threads = std::max(1u, std::thread::hardware_concurrency());
    options.threads = std::min(options.threads, kMaxThreads);
    SearchMatcher matcher(std::move(pattern), options.strategy);
    return SearchEngine(std::move(file), std::move(matcher), std::move(options), range);
}

Status SearchEngine::forEachSlice(const Segment &seg, bool backward, SearchProgress &progress,
                                  const SliceFn &fn) const
{
    if (progress.isCancelRequested())
        return Errc::Cancelled;
    const std::uint64_t slice = m_options.sliceSize;
    const std::uint64_t count = seg.size() / slice + (seg.size() % slice ? 1 : 0);
    if (count == 0)
        return {};
    const std::uint64_t overlap = m_matcher.pattern().size() - 1;
    std::atomic<std::uint64_t> next{0};
    std::atomic<bool> stop{false};
    std::mutex errorMutex;
    std::optional<Error> error;
    const auto fail = [&](Errc code) {
        std::lock_guard lock(errorMutex);
        if (!error)
            error = Error{make_error_code(code), "search of " + m_file.path()};
        stop.store(true, std::memory_order_relaxed);
    };
    const auto worker = [&] {
        while (!stop.load(std::memory_order_relaxed)) {
            if (progress.isCancelRequested())
                return fail(Errc::Cancelled);
            const std::uint64_t k = next.fetch_add(1, std::memory_order_relaxed);
            if (k >= count)
                return;
            // Once claimed, a slice is always finished (see forEachSlice's contract).
            std::uint64_t lo = seg.first + k * slice;
            std::uint64_t hi = lo + std::min(slice, seg.end - lo);
            if (backward) {
                hi = seg.end - k * slice;
                lo = hi - std::min(slice, hi - seg.first);
            }
            const auto bytes = m_file.readSlice(lo, hi - lo + overlap);
            std::uint64_t matches = 0;
            const bool more = fn(k, lo, bytes, matches);
            progress.addSlice(hi - lo, matches);
            if (m_file.wasTruncatedOnDisk())
                fail(Errc::FileTruncated);
            if (m_options.onSliceDone)
                m_options.onSliceDone(progress.snapshot());
            if (!more)
                stop.store(true, std::memory_order_relaxed);
        }
    };
    const auto threads = static_cast<unsigned>(std::min<std::uint64_t>(m_options.threads, count));
    std::vector<std::thread> helpers;
    helpers.reserve(threads - 1);
    for (unsigned i = 1; i < threads; ++i) {
        try {
            helpers.emplace_back(worker);
        } catch (const std::system_error &) {
            break; // fewer threads: the work still gets done
        }
    }
    worker();
    for (auto &t : helpers)
        t.join();
    if (error)
        return *error;
    return {};
}

Result<std::optional<std::uint64_t>> SearchEngine::findIn(const Segment &seg, bool backward,
                                                          SearchProgress &progress) const
{
    std::mutex mutex;
    std::atomic<std::uint64_t> bestIndex{UINT64_MAX};
    std::optional<std::uint64_t> best;
    const SliceFn fn = [&](std::uint64_t k, std::uint64_t lo, std::span<const std::byte> bytes,
                           std::uint64_t &matches) {
        if (k > bestIndex.load(std::memory_order_relaxed))
            return false;
        const std::size_t s = backward ? m_matcher.findLast(bytes) : m_matcher.findFirst(bytes);
        if (s == SearchMatcher::npos)
            return true;
        matches = 1;
        std::lock_guard lock(mutex);
        if (k < bestIndex.load(std::memory_order_relaxed)) {
            bestIndex.store(k, std::memory_order_relaxed);
            best = lo + s;
        }
        return false;
    };
    SequentialAdvice advice(m_file, m_range, !backward);
    if (auto status = forEachSlice(seg, backward, progress, fn); !status)
        return status.error();
    return best;
}

Result<SearchHit> SearchEngine::findNext(std::uint64_t from, SearchDirection direction, bool wrap,
                                         SearchProgress *progress) const
{
    SearchProgress local;
    SearchProgress &p = progress ? *progress : local;
    const std::uint64_t len = m_matcher.pattern().size();
    const Segment all{m_range.offset, m_range.size >= len ? m_range.end() - len + 1 : m_range.offset};
    const bool backward = direction == SearchDirection::Backward;
    const std::uint64_t cut = backward ? (from >= all.end ? all.end : from + 1) : from;
    const std::uint64_t at = std::clamp(cut, all.first, std::max(all.first, all.end));
    const Segment before{all.first, at};
    const Segment after{at, all.end};
    const Segment &first = backward ? before : after;
    const Segment &second = backward ? after : before;
    p.reset(first.size() + (wrap ? second.size() : 0));
    auto hit = findIn(first, backward, p);
    if (!hit)
        return hit.error();
    if (*hit || !wrap)
        return SearchHit{*hit, false};
    hit = findIn(second, backward, p);
    if (!hit)
        return hit.error();
    return SearchHit{*hit, hit->has_value()};
}

Result<SearchMatches> SearchEngine::findAll(SearchProgress *progress) const
{
    SearchProgress local;
    SearchProgress &p = progress ? *progress : local;
    const std::uint64_t len = m_matcher.pattern().size();
    const Segment all{m_range.offset, m_range.size >= len ? m_range.end() - len + 1 : m_range.offset};
    const std::uint64_t cap = m_options.maxMatches;
    const std::size_t perSliceLimit = static_cast<std::size_t>(std::min<std::uint64_t>(cap, SIZE_MAX - 1) + 1);
    std::mutex mutex;
    std::map<std::uint64_t, std::vector<std::uint64_t>> perSlice;
    std::atomic<std::uint64_t> total{0};
    const SliceFn fn = [&](std::uint64_t k, std::uint64_t lo, std::span<const std::byte> bytes,
                           std::uint64_t &matches) {
        std::vector<std::uint64_t> found;
        m_matcher.findAll(bytes, lo, found, perSliceLimit);
        matches = found.size();
        if (!found.empty()) {
            std::lock_guard lock(mutex);
            perSlice.emplace(k, std::move(found));
        }
        return total.fetch_add(matches, std::memory_order_relaxed) + matches <= cap;
    };
    p.reset(all.size());
    SequentialAdvice advice(m_file, m_range, true);
    if (auto status = forEachSlice(all, false, p, fn); !status)
        return status.error();
    SearchMatches result;
    for (auto &[k, offsets] : perSlice) {
        if (result.offsets.size() > cap)
            break;
        result.offsets.insert(result.offsets.end(), offsets.begin(), offsets.end());
    }
    if (result.offsets.size() > cap) {
        result.capped = true;
        result.offsets.resize(static_cast<std::size_t>(cap));
    }
    return result;
}

} // namespace hexmap
