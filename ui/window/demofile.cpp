#include "ui/window/demofile.h"

#include "core/mappedfile.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <span>
#include <string_view>
#include <vector>

namespace hexmap {
namespace {

constexpr std::uint64_t KiB = 1024;
constexpr std::uint64_t MiB = 1024 * KiB;

constexpr std::string_view Paragraphs =
    "Hexmap opens files of any size instantly: the bytes come straight from a memory mapping, so a 1 TiB sparse "
    "image scrolls as smoothly as this demo. Press Ctrl+G to jump to an offset such as 0x400000, +16 or end-16.\n"
    "Each 16 MiB section of this file repeats the same layout, so you can recognise where you are: text, a run of "
    "zeros, the DE AD BE EF pattern, a counting sequence, 32-bit counters and random bytes.\n"
    "The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs. 0123456789\n\n";

std::span<const std::byte> asBytes(std::string_view text)
{
    return std::as_bytes(std::span<const char>(text.data(), text.size()));
}

std::string sectionHeader(std::uint64_t index, std::uint64_t offset, std::uint64_t size)
{
    std::string text;
    if (index == 0) {
        text += DemoFileMagic; // appended piece by piece: GCC 12 reports a false -Warray-bounds on string + literal
        text += " v1\n";
        text += "Size " + std::to_string(size) + " bytes, made of 16 MiB sections. Section layout (offsets within a "
                "section):\n"
                "  0x000000  this ASCII header\n"
                "  0x001000  text paragraphs\n"
                "  0x100000  zeros\n"
                "  0x400000  DE AD BE EF repeated\n"
                "  0x600000  bytes counting 00 01 02 .. FF\n"
                "  0x800000  32-bit little-endian counters (file offset / 4)\n"
                "  0xA00000  pseudo-random bytes\n"
                "  0xB00000  zeros to the end of the section\n";
    }
    char line[96];
    std::snprintf(line, sizeof line, "== SECTION %llu at offset 0x%llX ==\n", static_cast<unsigned long long>(index),
                  static_cast<unsigned long long>(offset));
    return text + line;
}

// Writes `block` repeatedly over [from, to) of the file (clamped by writeAt at the end of the file).
void repeat(MappedFile &file, std::uint64_t from, std::uint64_t to, std::span<const std::byte> block)
{
    for (std::uint64_t at = from; at < to && at < file.size(); at += block.size()) {
        const auto length = static_cast<std::size_t>(std::min<std::uint64_t>(block.size(), to - at));
        file.writeAt(at, block.first(length));
    }
}

} // namespace

Status writeDemoFile(const std::string &path, std::uint64_t size)
{
    auto created = MappedFile::create(path, size);
    if (!created)
        return created.error();
    MappedFile file = std::move(*created);

    std::vector<std::byte> block(1 * MiB);
    std::vector<std::byte> text(1 * MiB - 4 * KiB);
    for (std::size_t i = 0; i < text.size(); ++i)
        text[i] = static_cast<std::byte>(Paragraphs[i % Paragraphs.size()]);
    std::vector<std::byte> deadbeef(1 * MiB);
    for (std::size_t i = 0; i < deadbeef.size(); ++i)
        deadbeef[i] = static_cast<std::byte>(std::array<unsigned char, 4>{0xDE, 0xAD, 0xBE, 0xEF}[i % 4]);
    std::vector<std::byte> counting(1 * MiB);
    for (std::size_t i = 0; i < counting.size(); ++i)
        counting[i] = static_cast<std::byte>(i & 0xFF);

    std::uint64_t seed = 0x9E3779B97F4A7C15ull;
    for (std::uint64_t section = 0; section * DemoSectionSize < size; ++section) {
        const std::uint64_t base = section * DemoSectionSize;
        const std::string header = sectionHeader(section, base, size);
        file.writeAt(base, asBytes(header));
        repeat(file, base + 4 * KiB, base + 1 * MiB, text);
        // [1 MiB, 4 MiB) stays zero: a freshly created file reads as zeros.
        repeat(file, base + 4 * MiB, base + 6 * MiB, deadbeef);
        repeat(file, base + 6 * MiB, base + 8 * MiB, counting);
        for (std::uint64_t at = base + 8 * MiB; at < base + 10 * MiB && at < size; at += block.size()) {
            for (std::size_t i = 0; i < block.size(); i += 4) {
                const auto value = static_cast<std::uint32_t>((at + i) / 4);
                std::memcpy(block.data() + i, &value, 4); // little-endian on every supported target
            }
            repeat(file, at, at + block.size(), block);
        }
        for (std::size_t i = 0; i < block.size(); i += 8) { // xorshift64
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            std::memcpy(block.data() + i, &seed, 8);
        }
        repeat(file, base + 10 * MiB, base + 11 * MiB, block);
    }
    return {};
}

bool isDemoFile(const std::string &path, std::uint64_t size)
{
    auto file = MappedFile::openReadOnly(path);
    if (!file || file->size() != size)
        return false;
    const std::string_view magic(DemoFileMagic);
    const auto head = file->readSlice(0, magic.size());
    return head.size() == magic.size() && std::memcmp(head.data(), magic.data(), magic.size()) == 0;
}

} // namespace hexmap
