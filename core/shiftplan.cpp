#include "core/shiftplan.h"

#include <algorithm>
#include <string>

namespace hexmap {
namespace {

const char *kindName(SavePiece::Kind kind)
{
    switch (kind) {
    case SavePiece::Kind::Original: return "Original";
    case SavePiece::Kind::Memory: return "Memory";
    case SavePiece::Kind::Fill: return "Fill";
    }
    return "?";
}

Error invalid(std::size_t index, const SavePiece &p, const std::string &what)
{
    return Error{make_error_code(Errc::InvalidArgument),
                 "save layout piece " + std::to_string(index) + " (" + kindName(p.kind) + ", dst "
                     + std::to_string(p.dst) + ", length " + std::to_string(p.length) + "): " + what};
}

} // namespace

Result<ShiftPlan> ShiftPlan::create(const SaveLayout &layout, std::uint64_t oldSize, std::uint64_t chunkSize,
                                    std::uint64_t directShiftMin, bool checkBytes)
{
    if (chunkSize == 0 || directShiftMin == 0)
        return Error{make_error_code(Errc::InvalidArgument),
                     "shift chunk size " + std::to_string(chunkSize) + ", direct shift minimum "
                         + std::to_string(directShiftMin) + " (both must be above 0)"};
    ShiftPlan plan;
    plan.m_layout = layout;
    plan.m_oldSize = oldSize;
    plan.m_chunkSize = chunkSize;
    plan.m_directShiftMin = directShiftMin;
    std::uint64_t expectDst = 0;
    std::uint64_t originalEnd = 0; // end of the previous Original piece's source
    bool anyOriginal = false;
    std::vector<Move> left, right;
    std::uint64_t firstWrite = UINT64_MAX;
    for (std::size_t i = 0; i < layout.size(); ++i) {
        const SavePiece &p = layout[i];
        if (p.length == 0)
            return invalid(i, p, "empty piece");
        if (p.dst != expectDst)
            return invalid(i, p, "dst should be " + std::to_string(expectDst) + " (where the previous piece ends)");
        if (p.length > UINT64_MAX - p.dst)
            return invalid(i, p, "the piece ends past 2^64");
        expectDst = p.dst + p.length;
        switch (p.kind) {
        case SavePiece::Kind::Original: {
            if (anyOriginal && p.src < originalEnd)
                return invalid(i, p, "src " + std::to_string(p.src) + " is not after the previous Original piece "
                                         "(which ends at " + std::to_string(originalEnd) + ")");
            if (p.src > oldSize || p.length > oldSize - p.src)
                return invalid(i, p, "src " + std::to_string(p.src) + " + length passes the end of the "
                                         + std::to_string(oldSize) + "-byte file");
            anyOriginal = true;
            originalEnd = p.src + p.length;
            if (p.dst == p.src)
                break;
            const bool isRight = p.dst > p.src;
            const std::uint64_t distance = isRight ? p.dst - p.src : p.src - p.dst;
            const std::uint64_t chunk = distance >= directShiftMin ? std::min(chunkSize, distance) : chunkSize;
            const std::size_t steps = static_cast<std::size_t>((p.length + chunk - 1) / chunk);
            (isRight ? right : left).push_back({p.src, p.dst, p.length, chunk, 0, steps, isRight});
            plan.m_bytesToMove += p.length;
            firstWrite = std::min(firstWrite, p.dst);
            break;
        }
        case SavePiece::Kind::Memory:
            if (checkBytes && (!p.bytes || p.src > p.bytes->size() || p.length > p.bytes->size() - p.src))
                return invalid(i, p, "its bytes [" + std::to_string(p.src) + ", +" + std::to_string(p.length)
                                         + ") pass the end of its " + std::to_string(p.bytes ? p.bytes->size() : 0)
                                         + "-byte buffer");
            plan.m_bytesToWrite += p.length;
            firstWrite = std::min(firstWrite, p.dst);
            break;
        case SavePiece::Kind::Fill:
            if (checkBytes && (!p.bytes || p.bytes->empty()))
                return invalid(i, p, "a Fill piece needs a pattern of 1 byte or more");
            plan.m_bytesToWrite += p.length;
            firstWrite = std::min(firstWrite, p.dst);
            break;
        default:
            return invalid(i, p, "unknown piece kind " + std::to_string(static_cast<int>(p.kind)));
        }
    }
    plan.m_newSize = expectDst;
    plan.m_firstWrite = firstWrite == UINT64_MAX ? plan.grownSize() : firstWrite;
    if (plan.m_newSize > oldSize)
        plan.m_firstWrite = std::min(plan.m_firstWrite, oldSize);
    std::reverse(right.begin(), right.end()); // right-moving pieces: last first
    plan.m_moves = std::move(left);
    plan.m_moves.insert(plan.m_moves.end(), right.begin(), right.end());
    for (Move &m : plan.m_moves) {
        m.firstStep = plan.m_stepCount;
        plan.m_stepCount += m.steps;
    }
    return plan;
}

ShiftStep ShiftPlan::step(std::size_t index) const
{
    auto it = std::upper_bound(m_moves.begin(), m_moves.end(), index,
                               [](std::size_t i, const Move &m) { return i < m.firstStep; });
    const Move &m = *(it - 1);
    const std::uint64_t j = index - m.firstStep;
    std::uint64_t begin = j * m.chunk; // ascending: chunk j from the start
    std::uint64_t length = std::min(m.chunk, m.length - begin);
    if (m.right) { // descending: chunk j from the end
        const std::uint64_t end = m.length - j * m.chunk;
        begin = end > m.chunk ? end - m.chunk : 0;
        length = end - begin;
    }
    const std::uint64_t distance = m.right ? m.dst - m.src : m.src - m.dst;
    return ShiftStep{m.src + begin, m.dst + begin, length, distance < length};
}

} // namespace hexmap
