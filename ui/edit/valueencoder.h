#pragma once

#include "ui/edit/valuedecoder.h"

#include <QCoreApplication>
#include <QString>

#include <cstddef>
#include <optional>
#include <vector>

namespace hexmap {

// ValueEncoder: the inverse of ValueDecoder for the data inspector's editable rows: parses the text the user typed
// for a value of a type and returns the bytes to write (size(type) bytes in the chosen byte order; Character: its
// UTF-8 bytes). Refusals name the text and the type: "300 does not fit in uint8 (0 to 255)". No widgets, no state.
// Thread: any (static functions only; the messages are translated through QCoreApplication).
class ValueEncoder
{
    Q_DECLARE_TR_FUNCTIONS(hexmap::ValueEncoder) // lupdate and QCoreApplication::translate agree on the context
public:
    using Type = ValueDecoder::Type;
    using Endian = ValueDecoder::Endian;

    // Integers: decimal with an optional sign, or 0x hex (the bit pattern, e.g. 0xFF for int8 -1); out of range
    // is refused. Floats: decimal or scientific, "nan", "inf", "-inf"; a finite value too large for the type (or
    // a non-zero one so small it would become 0) is refused. Binary: up to 8 binary digits, optional 0b, spaces
    // ignored. Character: exactly one character (a single space is one). Spaces around numbers are ignored.
    // On failure returns nullopt and sets *error (if given) to a sentence saying why.
    static std::optional<std::vector<std::byte>> encode(Type type, const QString &text, Endian endian,
                                                        QString *error = nullptr);
};

} // namespace hexmap
