#include "core/searchconsumer.h"

#include <algorithm>

namespace hexmap {

SearchConsumer::SearchConsumer(SearchMatcher matcher, Mode mode, std::uint64_t maxMatches)
    : m_matcher(std::move(matcher)), m_mode(mode), m_max(std::max<std::uint64_t>(maxMatches, 1))
{
    const std::vector<std::byte> zeros(m_matcher.pattern().size(), std::byte{0});
    m_zerosMatch = !m_matcher.pattern().isEmpty() && m_matcher.pattern().matchesAt(zeros);
}

void SearchConsumer::addMatches(std::uint64_t offset, std::vector<std::uint64_t> found)
{
    if (found.empty())
        return;
    const std::uint64_t seen = m_seen.fetch_add(found.size(), std::memory_order_relaxed) + found.size();
    {
        std::lock_guard lock(m_mutex);
        m_found.emplace(offset, std::move(found));
    }
    // First: the lowest match is in this unit or an earlier one, all of which were handed out already (the
    // engine hands units out in order and delivers every one handed out). All: more than the cap are known.
    // Last: a later unit may hold a later match; it never stops early.
    if (m_mode == Mode::First || (m_mode == Mode::All && seen > m_max))
        m_done.store(true, std::memory_order_relaxed);
}

void SearchConsumer::consume(std::uint64_t offset, std::span<const std::byte> bytes, std::size_t owned)
{
    const std::size_t len = m_matcher.pattern().size();
    if (len == 0 || bytes.size() < len)
        return;
    // Starts [0, owned) whose window lies in bytes: the hay is the owned part plus its look-ahead.
    const auto hay = bytes.first(std::min(bytes.size(), owned + len - 1));
    std::vector<std::uint64_t> found;
    if (m_mode != Mode::All) {
        const std::size_t s = m_mode == Mode::First ? m_matcher.findFirst(hay) : m_matcher.findLast(hay);
        if (s != SearchMatcher::npos)
            found.push_back(offset + s);
    } else {
        const auto limit = static_cast<std::size_t>(std::min<std::uint64_t>(m_max + 1, SIZE_MAX));
        m_matcher.findAll(hay, offset, found, limit);
    }
    addMatches(offset, std::move(found));
}

void SearchConsumer::consumeZeros(std::uint64_t offset, std::uint64_t owned, std::uint64_t zeroBytes)
{
    const std::uint64_t len = m_matcher.pattern().size();
    if (!m_zerosMatch || zeroBytes < len)
        return;
    const std::uint64_t starts = std::min(owned, zeroBytes - len + 1); // windows wholly in the zeros
    std::vector<std::uint64_t> found;
    if (m_mode == Mode::Last) {
        found.push_back(offset + starts - 1);
    } else {
        const std::uint64_t n = m_mode == Mode::First ? 1 : std::min(starts, m_max + 1);
        found.reserve(static_cast<std::size_t>(n));
        for (std::uint64_t i = 0; i < n; ++i)
            found.push_back(offset + i);
    }
    addMatches(offset, std::move(found));
}

std::optional<std::uint64_t> SearchConsumer::first() const
{
    std::lock_guard lock(m_mutex);
    if (m_found.empty())
        return std::nullopt;
    return m_found.begin()->second.front();
}

std::optional<std::uint64_t> SearchConsumer::last() const
{
    std::lock_guard lock(m_mutex);
    if (m_found.empty())
        return std::nullopt;
    return m_found.rbegin()->second.back();
}

std::vector<std::uint64_t> SearchConsumer::takeAll()
{
    std::lock_guard lock(m_mutex);
    std::vector<std::uint64_t> all;
    for (auto &[offset, list] : m_found) {
        if (all.size() > m_max)
            break;
        all.insert(all.end(), list.begin(), list.end());
    }
    m_found.clear();
    if (all.size() > m_max) {
        m_capped = true;
        all.resize(static_cast<std::size_t>(m_max));
    }
    return all;
}

} // namespace hexmap
