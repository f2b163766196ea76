#include "core/editoverlay.h"

#include <algorithm>
#include <cstring>
#include <iterator>

namespace hexmap {

namespace {

std::uint64_t runEnd(std::uint64_t offset, const std::vector<std::byte> &bytes) { return offset + bytes.size(); }

} // namespace

EditOverlay::Map::const_iterator EditOverlay::firstEndingAfter(std::uint64_t offset) const
{
    auto it = m_runs.upper_bound(offset);
    if (it != m_runs.begin()) {
        const auto prev = std::prev(it);
        if (runEnd(prev->first, prev->second) > offset)
            return prev;
    }
    return it;
}

EditOverlay::Map::iterator EditOverlay::firstEndingAfter(std::uint64_t offset)
{
    auto it = m_runs.upper_bound(offset);
    if (it != m_runs.begin()) {
        const auto prev = std::prev(it);
        if (runEnd(prev->first, prev->second) > offset)
            return prev;
    }
    return it;
}

bool EditOverlay::set(std::uint64_t offset, std::span<const std::byte> bytes)
{
    if (bytes.empty())
        return true;
    if (bytes.size() > UINT64_MAX - offset)
        return false;
    const std::uint64_t b = offset;
    const std::uint64_t e = offset + bytes.size();

    // The first run that overlaps or touches [b, e] (a run ending exactly at b is merged too).
    auto first = m_runs.upper_bound(b);
    if (first != m_runs.begin()) {
        const auto prev = std::prev(first);
        if (runEnd(prev->first, prev->second) >= b)
            first = prev;
    }
    if (first == m_runs.end() || first->first > e) {
        m_runs.emplace_hint(first, b, std::vector<std::byte>(bytes.begin(), bytes.end()));
        m_byteCount += bytes.size();
        return true;
    }
    auto stop = first;
    std::uint64_t mergedEnd = e;
    std::uint64_t removed = 0;
    for (; stop != m_runs.end() && stop->first <= e; ++stop) {
        mergedEnd = std::max(mergedEnd, runEnd(stop->first, stop->second));
        removed += stop->second.size();
    }
    const std::uint64_t mergedBegin = std::min(b, first->first);

    if (first->first <= b) {
        // Grow the first run in place (the common case: typing appends to the run just before the cursor).
        std::vector<std::byte> &dst = first->second;
        const std::uint64_t base = first->first;
        dst.resize(mergedEnd - base);
        for (auto r = std::next(first); r != stop; ++r)
            std::memcpy(dst.data() + (r->first - base), r->second.data(), r->second.size());
        std::memcpy(dst.data() + (b - base), bytes.data(), bytes.size());
        m_runs.erase(std::next(first), stop);
    } else {
        std::vector<std::byte> merged(mergedEnd - b);
        for (auto r = first; r != stop; ++r)
            std::memcpy(merged.data() + (r->first - b), r->second.data(), r->second.size());
        std::memcpy(merged.data(), bytes.data(), bytes.size());
        const auto hint = m_runs.erase(first, stop);
        m_runs.emplace_hint(hint, b, std::move(merged));
    }
    m_byteCount = m_byteCount - removed + (mergedEnd - mergedBegin);
    return true;
}

void EditOverlay::erase(ByteRange range)
{
    if (range.isEmpty())
        return;
    const std::uint64_t b = range.offset;
    const std::uint64_t e = range.end();
    auto it = firstEndingAfter(b);
    while (it != m_runs.end() && it->first < e) {
        const std::uint64_t rb = it->first;
        const std::uint64_t re = runEnd(rb, it->second);
        if (rb < b && re > e) { // range strictly inside the run: split it
            std::vector<std::byte> right(it->second.begin() + std::ptrdiff_t(e - rb), it->second.end());
            it->second.resize(b - rb);
            m_runs.emplace_hint(std::next(it), e, std::move(right));
            m_byteCount -= e - b;
            return;
        }
        if (rb < b) { // cut the tail
            m_byteCount -= re - b;
            it->second.resize(b - rb);
            ++it;
            continue;
        }
        if (re > e) { // cut the head: the run now starts at e
            auto node = m_runs.extract(it);
            node.key() = e;
            node.mapped().erase(node.mapped().begin(), node.mapped().begin() + std::ptrdiff_t(e - rb));
            m_byteCount -= e - rb;
            m_runs.insert(std::move(node));
            return;
        }
        m_byteCount -= re - rb;
        it = m_runs.erase(it);
    }
}

std::optional<std::byte> EditOverlay::get(std::uint64_t offset) const
{
    const auto it = firstEndingAfter(offset);
    if (it == m_runs.end() || it->first > offset)
        return std::nullopt;
    return it->second[offset - it->first];
}

std::size_t EditOverlay::apply(std::uint64_t offset, std::span<std::byte> buffer) const
{
    std::size_t patched = 0;
    forEachEditedSpan(ByteRange{offset, buffer.size()}, [&](std::uint64_t at, std::uint64_t length) {
        const auto run = std::prev(m_runs.upper_bound(at));
        std::memcpy(buffer.data() + (at - offset), run->second.data() + (at - run->first), length);
        patched += length;
    });
    return patched;
}

bool EditOverlay::overlaps(ByteRange range) const
{
    if (range.isEmpty())
        return false;
    const auto it = firstEndingAfter(range.offset);
    return it != m_runs.end() && it->first < range.end();
}

std::vector<ByteRange> EditOverlay::ranges() const
{
    std::vector<ByteRange> out;
    out.reserve(m_runs.size());
    for (const auto &[offset, bytes] : m_runs)
        out.push_back({offset, bytes.size()});
    return out;
}

std::vector<EditOverlay::Run> EditOverlay::runs() const
{
    std::vector<Run> out;
    out.reserve(m_runs.size());
    for (const auto &[offset, bytes] : m_runs)
        out.push_back({offset, bytes});
    return out;
}

EditOverlay::Slice EditOverlay::extract(ByteRange range) const
{
    Slice slice{range, {}};
    forEachEditedSpan(range, [&](std::uint64_t at, std::uint64_t length) {
        const auto run = std::prev(m_runs.upper_bound(at));
        const auto begin = run->second.begin() + std::ptrdiff_t(at - run->first);
        slice.runs.push_back({at, std::vector<std::byte>(begin, begin + std::ptrdiff_t(length))});
    });
    return slice;
}

void EditOverlay::restore(const Slice &slice)
{
    erase(slice.range);
    for (const Run &run : slice.runs) {
        const ByteRange part = run.range().intersected(slice.range);
        if (part.isEmpty())
            continue;
        set(part.offset, std::span<const std::byte>(run.bytes).subspan(part.offset - run.offset, part.size));
    }
}

} // namespace hexmap
