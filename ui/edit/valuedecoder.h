#pragma once

#include <QString>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace hexmap {

// ValueDecoder: turns the bytes at a cursor into the values the data inspector shows (integers, floats, the
// byte in binary, a character) and parses edited text back into bytes. No widgets, no state.
// Thread: any (static functions only).
class ValueDecoder
{
public:
    enum class Type { Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float32, Float64, Binary, Character };
    static constexpr int kTypeCount = 12;
    enum class Endian { Little, Big };

    static QString name(Type type);       // "int16", "float32", "binary", "character"...
    static std::size_t size(Type type);   // bytes the value needs (Character: 1, UTF-8 may use up to 4)
    static bool isEditable(Type type) { (void)type; return true; }

    // The value of `type` in the first bytes of `bytes` (the bytes from the cursor to at most 8 further; fewer at
    // the end of the file). nullopt when the value runs past the end of `bytes` (shown as unavailable).
    // Character: printable ASCII as itself, controls as "U+000A", valid UTF-8 as "é (U+00E9)", other bytes as
    // "invalid UTF-8"; a UTF-8 sequence cut by the end of the file is unavailable.
    static std::optional<QString> decode(Type type, std::span<const std::byte> bytes, Endian endian);

    // Parses `text` as a value of `type` and returns its bytes (size(type) bytes; Character: its UTF-8 bytes).
    // Integers: decimal (a leading '-' for signed types) or 0x hex (the bit pattern); out of range is refused.
    // Floats: decimal or scientific, "nan", "inf". Binary: up to 8 binary digits, optional 0b, spaces ignored.
    // Character: exactly one character. On failure returns nullopt and sets *error (if given) to why.
    static std::optional<std::vector<std::byte>> encode(Type type, const QString &text, Endian endian,
                                                        QString *error = nullptr);

    // "0x0000002A (42)": the cursor offset as hex and decimal.
    static QString offsetText(std::uint64_t offset);
};

} // namespace hexmap
