#pragma once

#include <QString>

#include <cstddef>
#include <span>

namespace hexmap {

// CopyFormatter renders bytes as clipboard text. The caller caps the size (HexView::CopyLimit); the text is
// built in one preallocated QString. Thread: any (pure functions).
class CopyFormatter
{
public:
    enum class Format {
        HexText, // "DE AD BE EF" (upper case, one space between bytes, no line breaks)
        CArray,  // "const unsigned char data[4] = {\n    0xDE, 0xAD, 0xBE, 0xEF\n};\n" (12 bytes per line)
        RawText, // the bytes decoded as UTF-8 (invalid sequences become U+FFFD)
    };
    static QString format(std::span<const std::byte> bytes, Format format);
    static QString hexText(std::span<const std::byte> bytes);
    static QString cArray(std::span<const std::byte> bytes);
};

} // namespace hexmap
