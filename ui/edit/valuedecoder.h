#pragma once

#include <QCoreApplication>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

namespace hexmap {

// ValueDecoder: turns the bytes at a cursor into the values the data inspector shows (integers, floats, the
// byte in binary, a character); ValueEncoder does the inverse for edited values. No widgets, no state.
// Thread: any (static functions only).
class ValueDecoder
{
    Q_DECLARE_TR_FUNCTIONS(hexmap::ValueDecoder) // lupdate and QCoreApplication::translate agree on the context
public:
    enum class Type { Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float32, Float64, Binary, Character };
    static constexpr int kTypeCount = 12;
    enum class Endian { Little, Big };

    static QString name(Type type);       // "int16", "float32", "binary", "character"...
    static std::size_t size(Type type);   // bytes the value needs (Character: 1, UTF-8 may use up to 4)

    // The value of `type` in the first bytes of `bytes` (the bytes from the cursor to at most 8 further; fewer at
    // the end of the file). nullopt when the value runs past the end of `bytes` (shown as unavailable).
    // Character: printable ASCII as itself, controls as "U+000A", valid UTF-8 as "é (U+00E9)", other bytes as
    // "invalid UTF-8"; a UTF-8 sequence cut by the end of the file is unavailable.
    static std::optional<QString> decode(Type type, std::span<const std::byte> bytes, Endian endian);

    // "0x0000002A (42)": the cursor offset as hex and decimal.
    static QString offsetText(std::uint64_t offset);
};

} // namespace hexmap
