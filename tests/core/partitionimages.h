#pragma once

// Builders of MBR and GPT disk images in memory, for tst_partitiontable and tst_partitionsdock. The CRCs are
// computed with zlib, independently of the parser's code. Thread: any (plain functions on a vector).
#include <zlib.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace partitiontest {

using Image = std::vector<std::byte>;

inline void putLe(Image &img, std::size_t at, std::uint64_t value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        img.at(at + static_cast<std::size_t>(i)) = static_cast<std::byte>((value >> (8 * i)) & 0xff);
}

inline std::uint32_t crcOf(const Image &img, std::size_t at, std::size_t size)
{
    return static_cast<std::uint32_t>(
        ::crc32(::crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef *>(img.data() + at), static_cast<uInt>(size)));
}

struct MbrEntry {
    std::uint8_t status = 0;
    std::uint8_t type = 0;
    std::uint32_t firstLba = 0;
    std::uint32_t sectors = 0;
};

// Writes entry `slot` (0-3) of the MBR or EBR at byte `sectorAt`, and the 55 AA signature.
inline void putMbrEntry(Image &img, std::size_t sectorAt, int slot, MbrEntry e)
{
    const std::size_t at = sectorAt + 446 + static_cast<std::size_t>(slot) * 16;
    img.at(at) = std::byte{e.status};
    img.at(at + 4) = std::byte{e.type};
    putLe(img, at + 8, e.firstLba, 4);
    putLe(img, at + 12, e.sectors, 4);
    img.at(sectorAt + 510) = std::byte{0x55};
    img.at(sectorAt + 511) = std::byte{0xaa};
}

// "C12A7328-F81F-11D2-BA4B-00A0C93EC93B" -> the 16 mixed-endian bytes of a GPT.
inline std::array<std::byte, 16> guidBytes(std::string_view text)
{
    std::array<std::byte, 16> raw{};
    std::size_t n = 0;
    for (std::size_t i = 0; i + 1 < text.size() && n < 16;) {
        if (text[i] == '-') {
            ++i;
            continue;
        }
        raw[n++] = static_cast<std::byte>(std::stoi(std::string(text.substr(i, 2)), nullptr, 16));
        i += 2;
    }
    static constexpr int order[16] = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};
    std::array<std::byte, 16> out{};
    for (int i = 0; i < 16; ++i)
        out[static_cast<std::size_t>(i)] = raw[static_cast<std::size_t>(order[i])];
    return out;
}

constexpr std::string_view kEfiSystem = "C12A7328-F81F-11D2-BA4B-00A0C93EC93B";
constexpr std::string_view kLinuxFs = "0FC63DAF-8483-4772-8E79-3D69D8477DE4";
constexpr std::string_view kLinuxSwap = "0657FD6D-A4AB-43C4-84E5-0933C84B4F4F";

struct GptEntry {
    std::string_view type;
    std::uint64_t firstLba = 0;
    std::uint64_t lastLba = 0; // inclusive, as on disk
    std::u16string name;
    std::uint64_t attributes = 0;
};

// Writes a protective MBR and a GPT (primary header at LBA 1 with its array at LBA 2; backup array and header
// at the end) of 128 entries of 128 bytes, with correct CRC32s. img.size() must be a multiple of sectorSize.
inline void putGpt(Image &img, std::uint32_t ss, const std::vector<GptEntry> &entries)
{
    const std::uint64_t sectors = img.size() / ss;
    const std::uint64_t arrayBytes = 128 * 128;
    const std::uint64_t arraySectors = (arrayBytes + ss - 1) / ss;
    putMbrEntry(img, 0, 0, MbrEntry{0, 0xee, 1, static_cast<std::uint32_t>(std::min<std::uint64_t>(sectors - 1, 0xffffffffu))});
    Image array(arrayBytes);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::size_t at = i * 128;
        const auto type = guidBytes(entries[i].type);
        std::copy(type.begin(), type.end(), array.begin() + static_cast<std::ptrdiff_t>(at));
        for (std::size_t k = 0; k < 16; ++k)
            array[at + 16 + k] = static_cast<std::byte>(0x10 + i + k); // unique GUID: any non-zero bytes
        putLe(array, at + 32, entries[i].firstLba, 8);
        putLe(array, at + 40, entries[i].lastLba, 8);
        putLe(array, at + 48, entries[i].attributes, 8);
        for (std::size_t c = 0; c < entries[i].name.size() && c < 36; ++c)
            putLe(array, at + 56 + c * 2, entries[i].name[c], 2);
    }
    const std::uint32_t arrayCrc = crcOf(array, 0, array.size());
    const auto writeHeader = [&](std::uint64_t myLba, std::uint64_t otherLba, std::uint64_t arrayLba) {
        const std::size_t at = static_cast<std::size_t>(myLba * ss);
        std::fill(img.begin() + static_cast<std::ptrdiff_t>(at), img.begin() + static_cast<std::ptrdiff_t>(at + ss),
                  std::byte{0});
        const char sig[] = "EFI PART";
        for (std::size_t k = 0; k < 8; ++k)
            img[at + k] = static_cast<std::byte>(sig[k]);
        putLe(img, at + 8, 0x00010000, 4);
        putLe(img, at + 12, 92, 4);
        putLe(img, at + 24, myLba, 8);
        putLe(img, at + 32, otherLba, 8);
        putLe(img, at + 40, 2 + arraySectors, 8);
        putLe(img, at + 48, sectors - 2 - arraySectors, 8);
        for (std::size_t k = 0; k < 16; ++k)
            img[at + 56 + k] = static_cast<std::byte>(0xa0 + k); // disk GUID
        putLe(img, at + 72, arrayLba, 8);
        putLe(img, at + 80, 128, 4);
        putLe(img, at + 84, 128, 4);
        putLe(img, at + 88, arrayCrc, 4);
        putLe(img, at + 16, crcOf(img, at, 92), 4);
        std::copy(array.begin(), array.end(), img.begin() + static_cast<std::ptrdiff_t>(arrayLba * ss));
    };
    writeHeader(1, sectors - 1, 2);
    writeHeader(sectors - 1, 1, sectors - 1 - arraySectors);
}

} // namespace partitiontest
