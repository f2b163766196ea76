#include "core/searchscan.h"

#include "core/scanengine.h"
#include "core/searchconsumer.h"

#include <algorithm>
#include <string>

namespace hexmap {
namespace {

// Match start positions [first, end).
struct Starts {
    std::uint64_t first = 0;
    std::uint64_t end = 0;
    bool isEmpty() const { return end <= first; }
};

// One findNext / findAll call: its passes over the scan engine share `progress` (started once by the caller).
class Search {
public:
    Search(const ScanSource &source, const SearchMatcher &matcher, const SearchScanOptions &options,
           ScanProgress &progress, ByteRange range)
        : m_source(source), m_matcher(matcher), m_options(options), m_progress(progress), m_range(range),
          m_len(matcher.pattern().size())
    {
    }

    // Every start whose match lies wholly inside the range.
    Starts all() const
    {
        return {m_range.offset, m_range.size >= m_len ? m_range.end() - m_len + 1 : m_range.offset};
    }
    // The bytes a search of `starts` reads: the starts plus the pattern's tail after the last one.
    ByteRange bytesOf(Starts s) const
    {
        return s.isEmpty() ? ByteRange{s.first, 0} : ByteRange::fromBounds(s.first, s.end + m_len - 1);
    }

    Status pass(ByteRange bytes, SearchConsumer &consumer) const
    {
        ScanOptions o;
        o.range = bytes;
        o.threads = m_options.threads;
        o.chunkSize = m_options.chunkSize;
        o.document = m_options.document;
        o.progressStarted = true;
        ScanConsumer *consumers[] = {&consumer};
        return ScanEngine::run(m_source, consumers, o, m_progress);
    }

    Result<std::optional<std::uint64_t>> first(Starts s) const
    {
        if (s.isEmpty())
            return std::optional<std::uint64_t>();
        SearchConsumer consumer(m_matcher, SearchConsumer::Mode::First);
        if (auto status = pass(bytesOf(s), consumer); !status)
            return status.error();
        return consumer.first();
    }

    // Windows of starts before s.end, nearest first, each twice the previous one (up to maxWindow).
    Result<std::optional<std::uint64_t>> last(Starts s) const
    {
        std::uint64_t window = m_options.firstWindow;
        for (std::uint64_t end = s.end; end > s.first;) {
            const Starts w{end - std::min(window, end - s.first), end};
            SearchConsumer consumer(m_matcher, SearchConsumer::Mode::Last);
            if (auto status = pass(bytesOf(w), consumer); !status)
                return status.error();
            if (auto hit = consumer.last())
                return hit;
            end = w.first;
            window = std::min(window > UINT64_MAX / 2 ? UINT64_MAX : window * 2, m_options.maxWindow);
        }
        return std::optional<std::uint64_t>();
    }

private:
    const ScanSource &m_source;
    const SearchMatcher &m_matcher;
    const SearchScanOptions &m_options;
    ScanProgress &m_progress;
    ByteRange m_range;
    std::uint64_t m_len;
};

Result<ByteRange> validate(const ScanSource &source, const SearchMatcher &matcher, const SearchScanOptions &options)
{
    if (!source.isValid())
        return Error{make_error_code(Errc::InvalidArgument), "search: no file"};
    const std::string what = "search of " + source.path();
    if (matcher.pattern().isEmpty())
        return Error{make_error_code(Errc::InvalidArgument), what + ": empty pattern"};
    if (options.chunkSize == 0 || options.maxMatches == 0 || options.firstWindow == 0 || options.maxWindow == 0)
        return Error{make_error_code(Errc::InvalidArgument), what + ": chunk size, match limit or window 0"};
    const std::uint64_t size = options.document ? options.document->size() : source.size();
    const ByteRange range = options.range.value_or(ByteRange{0, size});
    if (range.offset > size || range.size > size - range.offset)
        return Error{make_error_code(Errc::OutOfBounds), "search range " + std::to_string(range.offset) + "+" +
                                                             std::to_string(range.size) + " of " + source.path()};
    return range;
}

// Calls progress.finish() when the search returns, whichever way.
class FinishOnExit {
public:
    explicit FinishOnExit(ScanProgress &progress) : m_progress(progress) {}
    ~FinishOnExit() { m_progress.finish(); }
    FinishOnExit(const FinishOnExit &) = delete;
    FinishOnExit &operator=(const FinishOnExit &) = delete;

private:
    ScanProgress &m_progress;
};

Error cancelled(const ScanSource &source)
{
    return Error{make_error_code(Errc::Cancelled), "search of " + source.path()};
}

} // namespace

Result<SearchHit> SearchScan::findNext(const ScanSource &source, const SearchMatcher &matcher, std::uint64_t from,
                                       SearchDirection direction, bool wrap, const SearchScanOptions &options,
                                       ScanProgress &progress)
{
    auto range = validate(source, matcher, options);
    if (!range)
        return range.error();
    const Search search(source, matcher, options, progress, *range);
    const Starts all = search.all();
    const bool backward = direction == SearchDirection::Backward;
    const std::uint64_t cut = backward ? (from >= all.end ? all.end : from + 1) : from;
    const std::uint64_t at = std::clamp(cut, all.first, std::max(all.first, all.end));
    const Starts before{all.first, at};
    const Starts after{at, all.end};
    const Starts &near = backward ? before : after;
    const Starts &far = backward ? after : before;
    progress.start(search.bytesOf(near).size + (wrap ? search.bytesOf(far).size : 0));
    const FinishOnExit finish(progress);
    if (progress.isCancelRequested())
        return cancelled(source);
    auto hit = backward ? search.last(near) : search.first(near);
    if (!hit)
        return hit.error();
    if (*hit || !wrap)
        return SearchHit{*hit, false};
    hit = backward ? search.last(far) : search.first(far);
    if (!hit)
        return hit.error();
    return SearchHit{*hit, hit->has_value()};
}

Result<SearchMatches> SearchScan::findAll(const ScanSource &source, const SearchMatcher &matcher,
                                          const SearchScanOptions &options, ScanProgress &progress)
{
    auto range = validate(source, matcher, options);
    if (!range)
        return range.error();
    const Search search(source, matcher, options, progress, *range);
    progress.start(range->size);
    const FinishOnExit finish(progress);
    if (progress.isCancelRequested())
        return cancelled(source);
    SearchConsumer consumer(matcher, SearchConsumer::Mode::All, options.maxMatches);
    if (auto status = search.pass(*range, consumer); !status)
        return status.error();
    SearchMatches result;
    result.offsets = consumer.takeAll();
    result.capped = consumer.capped();
    return result;
}

} // namespace hexmap
