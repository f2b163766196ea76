#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace hexmap {

// One reader of a scan (ScanEngine): a hash, the statistics, a search. The engine owns no consumer; it calls them
// while ScanEngine::run() runs, and the caller reads their results after it returned.
//
// The range is cut into units; each unit "owns" the positions [offset, offset + owned). A data unit comes with
// its bytes (the document's bytes: unsaved edits applied) plus up to overlap() bytes of look-ahead past its owned
// end, clipped at the end of the range, so a pattern across two units is seen whole exactly once. A hole of the
// file comes as consumeZeros: its owned positions, and how many zero bytes follow `offset` (owned plus
// look-ahead, clipped), so a consumer handles it in O(1) or O(pattern) instead of reading it.
//
// Thread: an ordered consumer (ordered() true: hashes) is called by one thread at a time, in file order, each
// byte once, never with look-ahead, and sees holes as consume() calls on zero bytes. An unordered consumer
// (statistics, search) is called concurrently from every worker, units in any order: it must be thread-safe.
class ScanConsumer {
public:
    virtual ~ScanConsumer() = default;

    virtual bool ordered() const = 0;
    // Look-ahead bytes wanted past each unit (a pattern's length - 1). Unordered consumers only.
    virtual std::size_t overlap() const { return 0; }
    // bytes.size() >= owned; bytes[owned..] is look-ahead.
    virtual void consume(std::uint64_t offset, std::span<const std::byte> bytes, std::size_t owned) = 0;
    // Positions [offset, offset + owned) of a hole; zeroBytes (>= owned when the hole does not reach the end of
    // the range) zero bytes start at offset. Unordered consumers, and ordered ones whose cheapZeros() is true.
    virtual void consumeZeros(std::uint64_t offset, std::uint64_t owned, std::uint64_t zeroBytes) = 0;
    // Ordered consumers: true when a hole costs O(log n) (CRC-32, Adler-32 combine): the engine then calls
    // consumeZeros(offset, owned, owned) for it, in order, instead of feeding its zero bytes.
    virtual bool cheapZeros() const { return false; }
    // True once no later unit can change the result (a first match was found): when every consumer is done the
    // engine stops handing out units; units already handed out are still delivered. Any thread.
    virtual bool isDone() const { return false; }
};

} // namespace hexmap
