// Partition type names (MBR type bytes, GPT type GUIDs, as fdisk names them), GUID text and UTF-16LE names.
#include "core/partitionparsing.h"

#include <array>
#include <string_view>

namespace hexmap::partitions {

namespace {

struct MbrType {
    std::uint8_t id;
    const char *name;
};

constexpr MbrType kMbrTypes[] = {
    {0x01, "FAT12"}, {0x04, "FAT16 <32M"}, {0x05, "Extended"}, {0x06, "FAT16"}, {0x07, "HPFS/NTFS/exFAT"},
    {0x0b, "W95 FAT32"}, {0x0c, "W95 FAT32 (LBA)"}, {0x0e, "W95 FAT16 (LBA)"}, {0x0f, "W95 Ext'd (LBA)"},
    {0x27, "Hidden NTFS WinRE"}, {0x82, "Linux swap / Solaris"}, {0x83, "Linux"}, {0x85, "Linux extended"},
    {0x8e, "Linux LVM"}, {0xa5, "FreeBSD"}, {0xa6, "OpenBSD"}, {0xa8, "Darwin UFS"}, {0xa9, "NetBSD"},
    {0xaf, "HFS / HFS+"}, {0xee, "GPT"}, {0xef, "EFI (FAT-12/16/32)"}, {0xfd, "Linux raid autodetect"},
};

struct GptType {
    std::string_view guid;
    const char *name;
};

constexpr GptType kGptTypes[] = {
    {"C12A7328-F81F-11D2-BA4B-00A0C93EC93B", "EFI System"},
    {"21686148-6449-6E6F-744E-656564454649", "BIOS boot"},
    {"0FC63DAF-8483-4772-8E79-3D69D8477DE4", "Linux filesystem"},
    {"0657FD6D-A4AB-43C4-84E5-0933C84B4F4F", "Linux swap"},
    {"E6D6D379-F507-44C2-A23C-238F2A3DF928", "Linux LVM"},
    {"A19D880F-05FC-4D3B-A006-743F0F84911E", "Linux RAID"},
    {"4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709", "Linux root (x86-64)"},
    {"B921B045-1DF0-41C3-AF44-4C6F280D3FAE", "Linux root (ARM-64)"},
    {"933AC7E1-2EB4-4F13-B844-0E14E2AEF915", "Linux home"},
    {"BC13C2FF-59E6-4262-A352-B275FD6F7172", "Linux extended boot"},
    {"CA7D7CCB-63ED-4C53-861C-1742536059CC", "Linux LUKS"},
    {"EBD0A0A2-B9E5-4433-87C0-68B6B72699C7", "Microsoft basic data"},
    {"E3C9E316-0B5C-4DB8-817D-F92DF00215AE", "Microsoft reserved"},
    {"DE94BBA4-06D1-4D40-A16A-BFD50179D6AC", "Windows recovery environment"},
    {"48465300-0000-11AA-AA11-00306543ECAC", "Apple HFS/HFS+"},
    {"7C3457EF-0000-11AA-AA11-00306543ECAC", "Apple APFS"},
    {"516E7CB6-6ECF-11D6-8FF8-00022D09712B", "FreeBSD UFS"},
    {"6A898CC3-1DD2-11B2-99A6-080020736631", "Solaris /usr & Apple ZFS"},
};

void appendUtf8(std::string &out, char32_t c)
{
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xc0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xe0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (c & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (c & 0x3f));
    }
}

} // namespace

std::string mbrTypeName(std::uint8_t type)
{
    for (const MbrType &t : kMbrTypes) {
        if (t.id == type)
            return t.name;
    }
    return "unknown";
}

std::string gptTypeName(const std::string &guid)
{
    for (const GptType &t : kGptTypes) {
        if (t.guid == guid)
            return t.name;
    }
    return "unknown";
}

std::string guidText(std::span<const std::byte> b)
{
    static const char digits[] = "0123456789ABCDEF";
    // The first three fields are little-endian, the last two are bytes in order.
    static constexpr std::array<int, 16> order = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};
    std::string out;
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out += '-';
        const unsigned v = std::to_integer<unsigned>(b[static_cast<std::size_t>(order[i])]);
        out += digits[v >> 4];
        out += digits[v & 0xf];
    }
    return out;
}

std::string utf16leToUtf8(std::span<const std::byte> bytes)
{
    std::string out;
    const std::size_t units = bytes.size() / 2;
    for (std::size_t i = 0; i < units; ++i) {
        const char32_t u = le16(bytes, i * 2);
        if (u == 0)
            break;
        if (u >= 0xd800 && u < 0xdc00 && i + 1 < units) {
            const char32_t low = le16(bytes, (i + 1) * 2);
            if (low >= 0xdc00 && low < 0xe000) {
                appendUtf8(out, 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00));
                ++i;
                continue;
            }
        }
        appendUtf8(out, u >= 0xd800 && u < 0xe000 ? char32_t(0xfffd) : u);
    }
    return out;
}

} // namespace hexmap::partitions
