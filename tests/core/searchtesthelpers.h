#pragma once
// Shared by the search suites: an independent reference model of a search pattern (its own matching rules,
// written from the specification, not from SearchPattern's masks), random data and planted matches.
// Header-only; test thread only.

#include "core/searchpattern.h"

#include <QtTest>

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace searchtest {

// One pattern position: an exact byte, any byte, or an ASCII letter in either case.
struct RefPos {
    enum Kind { Exact, Any, Letter } kind = Exact;
    std::uint8_t value = 0;
};

struct RefPattern {
    std::vector<RefPos> pos;

    static RefPattern exact(std::initializer_list<int> bytes)
    {
        RefPattern p;
        for (int b : bytes)
            p.pos.push_back({b < 0 ? RefPos::Any : RefPos::Exact, static_cast<std::uint8_t>(b < 0 ? 0 : b)});
        return p;
    }

    bool matchesAt(const std::vector<std::byte> &data, std::uint64_t s) const
    {
        if (s + pos.size() > data.size())
            return false;
        for (std::size_t i = 0; i < pos.size(); ++i) {
            const auto b = static_cast<std::uint8_t>(data[static_cast<std::size_t>(s + i)]);
            const RefPos &p = pos[i];
            if (p.kind == RefPos::Exact && b != p.value)
                return false;
            if (p.kind == RefPos::Letter && std::tolower(b) != std::tolower(p.value))
                return false;
            if (p.kind == RefPos::Letter && !std::isalpha(b))
                return false;
        }
        return true;
    }

    // Every match start s with [s, s + size) inside [lo, hi).
    std::vector<std::uint64_t> matches(const std::vector<std::byte> &data, std::uint64_t lo, std::uint64_t hi) const
    {
        std::vector<std::uint64_t> out;
        for (std::uint64_t s = lo; s + pos.size() <= hi; ++s) {
            if (matchesAt(data, s))
                out.push_back(s);
        }
        return out;
    }

    // A random byte string the pattern matches.
    std::vector<std::byte> instance(std::mt19937_64 &rng) const
    {
        std::vector<std::byte> out;
        for (const RefPos &p : pos) {
            std::uint8_t b = p.value;
            if (p.kind == RefPos::Any)
                b = static_cast<std::uint8_t>(rng());
            else if (p.kind == RefPos::Letter)
                b = static_cast<std::uint8_t>((rng() & 1) ? std::toupper(b) : std::tolower(b));
            out.push_back(static_cast<std::byte>(b));
        }
        return out;
    }
};

// The reference of a text pattern (UTF-8 bytes as given, ASCII letters folded when ignoreCase).
inline RefPattern textRef(const char *text, bool ignoreCase, bool utf16)
{
    RefPattern p;
    for (const char *c = text; *c; ++c) {
        const auto b = static_cast<std::uint8_t>(*c);
        p.pos.push_back({ignoreCase && std::isalpha(b) && b < 0x80 ? RefPos::Letter : RefPos::Exact, b});
        if (utf16)
            p.pos.push_back({RefPos::Exact, 0}); // ASCII only in these tests
    }
    return p;
}

// Random bytes from a small alphabet (so that natural matches are frequent), with copies of `ref` planted at
// `plants` (later plants overwrite earlier ones: the reference is computed afterwards anyway).
inline std::vector<std::byte> makeData(std::size_t size, const RefPattern &ref, const std::vector<std::uint64_t> &plants,
                                       std::uint64_t seed)
{
    static constexpr std::uint8_t alphabet[] = {'a', 'b', 'A', 'B', 0x00, 0xFF, 0x61, 0x62};
    std::mt19937_64 rng(seed);
    std::vector<std::byte> data(size);
    for (auto &b : data)
        b = static_cast<std::byte>(alphabet[rng() % sizeof alphabet]);
    for (std::uint64_t at : plants) {
        if (at + ref.pos.size() > size)
            continue;
        const auto bytes = ref.instance(rng);
        std::copy(bytes.begin(), bytes.end(), data.begin() + static_cast<std::ptrdiff_t>(at));
    }
    return data;
}

} // namespace searchtest
