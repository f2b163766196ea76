#pragma once
// Helpers for the suites that read a document (a PieceSnapshot over a file) with the scan engine, CopyOut and the
// compare engine: a file on disk (dense, or sparse with real holes), a PieceTable over it edited by a seeded random
// sequence of insert / insertFill / erase / overwrite / overwriteFill, and the plain model of the same document
// (piecetest::Model: a std::vector of its bytes), against which every reader is checked byte for byte.

#include "core/piecetable.h"
#include "piecetesthelpers.h"

#include <QString>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <fcntl.h>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

namespace doctest {

// The pattern the search tests look for: planted in the file, in inserted bytes, in fills, and across piece borders.
inline const std::vector<std::byte> kMarker = {std::byte{0xDE}, std::byte{0xAD}, std::byte{0xBE}, std::byte{0xEF},
                                               std::byte{0x42}};

inline std::vector<std::byte> randomBytes(std::size_t n, std::mt19937_64 &rng)
{
    std::vector<std::byte> out(n);
    for (auto &b : out)
        b = std::byte(rng() & 0xFF);
    return out;
}

// Writes `bytes` to `path`, leaving every 4 KiB block of zeros a hole (pwrite of the others, then ftruncate).
inline bool writeSparse(const std::string &path, const std::vector<std::byte> &bytes)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return false;
    bool ok = ::ftruncate(fd, off_t(bytes.size())) == 0;
    constexpr std::size_t block = 4096;
    for (std::size_t at = 0; ok && at < bytes.size(); at += block) {
        const std::size_t n = std::min(block, bytes.size() - at);
        if (std::all_of(bytes.begin() + std::ptrdiff_t(at), bytes.begin() + std::ptrdiff_t(at + n),
                        [](std::byte b) { return b == std::byte{0}; }))
            continue;
        ok = ::pwrite(fd, bytes.data() + at, n, off_t(at)) == ssize_t(n);
    }
    return ::close(fd) == 0 && ok;
}

// A file's bytes: "dense" (random, markers planted, a few zero runs) or "sparse" (mostly holes, data islands with
// markers, one marker just before a hole and one just after).
inline std::vector<std::byte> fileBytes(const QString &kind, std::mt19937_64 &rng)
{
    const bool sparse = kind == QLatin1String("sparse");
    std::vector<std::byte> bytes = sparse ? std::vector<std::byte>(3u << 20) : randomBytes(700000 + rng() % 5000, rng);
    if (sparse) {
        for (std::size_t at : {std::size_t{0}, std::size_t{1} << 20, std::size_t{(2u << 20) + 12345}}) {
            const auto island = randomBytes(60000 + rng() % 9000, rng);
            std::copy(island.begin(), island.end(), bytes.begin() + std::ptrdiff_t(at));
        }
        std::copy(kMarker.begin(), kMarker.end(), bytes.begin() + (1 << 20) - 3); // runs from a hole into data
    } else {
        for (int i = 0; i < 4; ++i) { // zero runs (data blocks, not holes), a marker after each
            const std::size_t at = rng() % (bytes.size() - 70000);
            const std::size_t length = 1000 + rng() % 60000;
            std::fill_n(bytes.begin() + std::ptrdiff_t(at), length, std::byte{0});
            std::copy(kMarker.begin(), kMarker.end(), bytes.begin() + std::ptrdiff_t(at + length));
        }
    }
    for (int i = 0; i < 12; ++i) {
        const std::size_t at = rng() % (bytes.size() - kMarker.size());
        std::copy(kMarker.begin(), kMarker.end(), bytes.begin() + std::ptrdiff_t(at));
    }
    return bytes;
}

// Applies `steps` random edits to the table and the model alike; returns "" or what failed.
inline std::string randomEdits(hexmap::PieceTable &table, piecetest::Model &model, int steps, std::mt19937_64 &rng)
{
    const auto pick = [&](std::uint64_t bound) { return bound == 0 ? 0 : rng() % bound; };
    for (int i = 0; i < steps; ++i) {
        const std::uint64_t size = model.size();
        const std::uint64_t at = pick(size + 1);
        hexmap::Status s;
        switch (rng() % 8) {
        case 0: { // inserted bytes, sometimes with the marker in them
            auto bytes = randomBytes(1 + pick(3000), rng);
            if (rng() % 2 && bytes.size() > kMarker.size())
                std::copy(kMarker.begin(), kMarker.end(), bytes.begin() + std::ptrdiff_t(pick(bytes.size() - 4)));
            s = table.insert(at, bytes);
            model.insert(std::size_t(at), bytes);
            break;
        }
        case 1: { // the marker split over two pieces inserted one before the other: a match across their border
            const std::size_t k = 1 + pick(kMarker.size() - 1);
            const std::vector<std::byte> head(kMarker.begin(), kMarker.begin() + std::ptrdiff_t(k));
            const std::vector<std::byte> tail(kMarker.begin() + std::ptrdiff_t(k), kMarker.end());
            s = table.insert(at, tail);
            if (s)
                s = table.insert(at, head);
            model.insert(std::size_t(at), kMarker);
            break;
        }
        case 2: { // the head of a marker of the file overwritten by the same bytes: a match across Memory|Original
            const auto found = std::search(model.bytes.begin() + std::ptrdiff_t(at), model.bytes.end(), kMarker.begin(),
                                           kMarker.end());
            if (found == model.bytes.end())
                break;
            const std::size_t where = std::size_t(found - model.bytes.begin());
            const std::vector<std::byte> head(kMarker.begin(), kMarker.begin() + 1 + std::ptrdiff_t(pick(4)));
            s = table.overwrite(where, head);
            model.overwrite(where, head);
            break;
        }
        case 3: { // a fill of zeros: a hole for the scans
            const std::uint64_t length = 1 + pick(200000);
            const std::byte zero{0};
            s = table.insertFill(at, std::span(&zero, 1), length);
            model.insert(std::size_t(at), std::vector<std::byte>(length, zero));
            break;
        }
        case 4: { // a fill of a pattern (sometimes the marker itself)
            const auto pattern = rng() % 3 == 0 ? kMarker : randomBytes(1 + pick(7), rng);
            const std::uint64_t length = 1 + pick(100000);
            s = table.insertFill(at, pattern, length);
            model.insert(std::size_t(at), piecetest::repeat(pattern, std::size_t(length)));
            break;
        }
        case 5: { // an erase
            if (at == size)
                break;
            const std::uint64_t length = 1 + pick(std::min<std::uint64_t>(size - at, 100000));
            s = table.erase(at, length);
            model.erase(std::size_t(at), std::size_t(length));
            break;
        }
        case 6: { // overwritten bytes
            const auto bytes = randomBytes(1 + pick(2000), rng);
            s = table.overwrite(at, bytes);
            model.overwrite(std::size_t(at), bytes);
            break;
        }
        default: { // overwritten by a fill of zeros (over data: zeros to be found where the file has data)
            const std::uint64_t length = 1 + pick(50000);
            const std::byte zero{0};
            s = table.overwriteFill(at, std::span(&zero, 1), length);
            model.overwrite(std::size_t(at), std::vector<std::byte>(length, zero));
            break;
        }
        }
        if (!s)
            return "edit " + std::to_string(i) + " failed: " + s.message();
    }
    return {};
}

// A file and the document over it.
struct Document {
    std::string path;
    std::vector<std::byte> file;
    hexmap::PieceTable table;
    piecetest::Model model;

    hexmap::PieceSnapshot snapshot() const { return table.snapshot(); }
    const std::vector<std::byte> &bytes() const { return model.bytes; }
};

// Writes the file of `kind` at `path` and edits a document over it (seeded); "" or what failed in *error.
inline Document makeDocument(const std::string &path, const QString &kind, std::uint64_t seed, int steps,
                             std::string *error)
{
    std::mt19937_64 rng(seed);
    Document doc{path, fileBytes(kind, rng), hexmap::PieceTable(0), piecetest::Model()};
    if (!writeSparse(path, doc.file)) {
        *error = "cannot write " + path;
        return doc;
    }
    doc.table = hexmap::PieceTable(doc.file.size());
    doc.model = piecetest::Model(doc.file);
    *error = randomEdits(doc.table, doc.model, steps, rng);
    if (error->empty()) // the snapshot itself is the model (PieceSnapshot::read has its own suite): a sanity check
        *error = piecetest::compareRange(doc.table.snapshot(), doc.model, doc.file, 0, doc.model.size());
    return doc;
}

} // namespace doctest
