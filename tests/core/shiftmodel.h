#pragma once
// A tiny document model for the shift-save tests: pieces over an original byte string, edited by random inserts and
// deletes, turned into a SaveLayout and into the bytes it must produce. Header-only; test thread only.

#include "core/savelayout.h"

#include <cstdint>
#include <memory>
#include <random>
#include <vector>

namespace shifttest {

using hexmap::SaveLayout;
using hexmap::SavePiece;

struct Model {
    std::vector<SavePiece> pieces; // dst is filled in by layout()
    std::uint64_t size() const
    {
        std::uint64_t n = 0;
        for (const SavePiece &p : pieces)
            n += p.length;
        return n;
    }
    // Splits so that a piece boundary lies at `pos`; returns the index of the piece starting there.
    std::size_t splitAt(std::uint64_t pos)
    {
        std::uint64_t at = 0;
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            if (at == pos)
                return i;
            if (pos < at + pieces[i].length) {
                SavePiece right = pieces[i];
                const std::uint64_t cut = pos - at;
                pieces[i].length = cut;
                right.length -= cut;
                right.src += cut; // Original: file offset; Memory: buffer offset; Fill: pattern index
                pieces.insert(pieces.begin() + std::ptrdiff_t(i) + 1, right);
                return i + 1;
            }
            at += pieces[i].length;
        }
        return pieces.size();
    }
    void insert(std::uint64_t pos, SavePiece piece)
    {
        const std::size_t i = splitAt(pos);
        pieces.insert(pieces.begin() + std::ptrdiff_t(i), std::move(piece));
    }
    void remove(std::uint64_t pos, std::uint64_t length)
    {
        const std::size_t a = splitAt(pos);
        const std::size_t b = splitAt(pos + length);
        pieces.erase(pieces.begin() + std::ptrdiff_t(a), pieces.begin() + std::ptrdiff_t(b));
    }
    SaveLayout layout() const
    {
        SaveLayout out;
        std::uint64_t dst = 0;
        for (SavePiece p : pieces) {
            p.dst = dst;
            dst += p.length;
            out.push_back(std::move(p));
        }
        return out;
    }
};

inline Model originalModel(std::uint64_t size)
{
    Model m;
    if (size > 0)
        m.pieces.push_back({SavePiece::Kind::Original, 0, size, 0, nullptr});
    return m;
}

// The bytes `layout` must produce from `original`.
inline std::vector<std::byte> materialize(const SaveLayout &layout, const std::vector<std::byte> &original)
{
    std::vector<std::byte> out;
    for (const SavePiece &p : layout) {
        for (std::uint64_t i = 0; i < p.length; ++i) {
            switch (p.kind) {
            case SavePiece::Kind::Original: out.push_back(original[p.src + i]); break;
            case SavePiece::Kind::Memory: out.push_back((*p.bytes)[p.src + i]); break;
            case SavePiece::Kind::Fill: out.push_back((*p.bytes)[(p.src + i) % p.bytes->size()]); break;
            }
        }
    }
    return out;
}

inline std::vector<std::byte> randomBytes(std::mt19937_64 &rng, std::size_t n)
{
    std::vector<std::byte> v(n);
    for (auto &b : v)
        b = std::byte(rng() & 0xFF);
    return v;
}

// 1..ops random inserts (Memory or Fill, of up to maxInsert bytes) and deletes (of up to maxDelete bytes).
inline Model randomEdits(std::mt19937_64 &rng, std::uint64_t originalSize, int ops, std::uint64_t maxInsert,
                         std::uint64_t maxDelete)
{
    Model m = originalModel(originalSize);
    for (int i = 0; i < ops; ++i) {
        const std::uint64_t size = m.size();
        if (size > 0 && rng() % 2 == 0) {
            const std::uint64_t pos = rng() % size;
            const std::uint64_t len = 1 + rng() % std::min(maxDelete, size - pos);
            m.remove(pos, len);
        } else {
            const std::uint64_t pos = size == 0 ? 0 : rng() % (size + 1);
            const std::uint64_t len = 1 + rng() % maxInsert;
            SavePiece p;
            p.length = len;
            if (rng() % 3 == 0) {
                p.kind = SavePiece::Kind::Fill;
                p.bytes = std::make_shared<std::vector<std::byte>>(randomBytes(rng, 1 + rng() % 5));
                p.src = rng() % 7;
            } else {
                p.kind = SavePiece::Kind::Memory;
                const std::uint64_t pad = rng() % 4;
                p.bytes = std::make_shared<std::vector<std::byte>>(randomBytes(rng, std::size_t(len + pad)));
                p.src = pad;
                p.length = len;
            }
            m.insert(pos, std::move(p));
        }
    }
    return m;
}

} // namespace shifttest
