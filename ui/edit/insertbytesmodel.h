#pragma once

#include "core/result.h"
#include "core/savelayout.h"

#include <QCoreApplication>
#include <QString>

#include <cstdint>

namespace hexmap {

// The plain (no QObject, no widget) state of Edit > Insert Bytes…: where (an offset in any notation numberparser
// accepts: "0x1000", "-16", "4K"; 0 to the file size, which appends) and what: hex bytes ("DE AD BE EF", up to
// kMaxHexBytes, held in memory and journalled), or a fill byte ("0xFF", "255", "0b1111") or a hex pattern repeated
// to a count ("16M", "0x1000"). It validates, names the value at fault, and builds the core SavePiece / SaveLayout
// (core/shiftlayouts.h). The dialog keeps one model per window, so what was typed is
// remembered between uses (the offset is set to the cursor each time). Thread: plain value; any thread.
class InsertBytesModel {
    Q_DECLARE_TR_FUNCTIONS(hexmap::InsertBytesModel)
public:
    enum class Source { Hex, FillByte, Pattern };
    static constexpr std::size_t kMaxHexBytes = std::size_t(16) << 20;

    void setFileSize(std::uint64_t size) { m_fileSize = size; }
    std::uint64_t fileSize() const { return m_fileSize; }
    void setOffsetText(const QString &text) { m_offsetText = text; }
    QString offsetText() const { return m_offsetText; }
    void setSource(Source source) { m_source = source; }
    Source source() const { return m_source; }
    void setHexText(const QString &text) { m_hexText = text; }
    QString hexText() const { return m_hexText; }
    void setFillByteText(const QString &text) { m_fillText = text; }
    QString fillByteText() const { return m_fillText; }
    void setPatternText(const QString &text) { m_patternText = text; }
    QString patternText() const { return m_patternText; }
    void setCountText(const QString &text) { m_countText = text; }
    QString countText() const { return m_countText; }

    // Fails with parseOffset's error (ParseError, OutOfBounds past the end).
    Result<std::uint64_t> offset() const;
    // The bytes to insert (dst not set). Fails with the parser's error, InvalidArgument for a zero count or an
    // insert that would pass 2^64 bytes.
    Result<SavePiece> piece() const;
    // The whole new file. Fails as offset() and piece().
    Result<SaveLayout> layout() const;
    bool isValid() const { return layout().ok(); }
    // "" when valid, else one translated sentence naming the field and the text typed there.
    QString errorText() const;

private:
    QString countLabel() const;

    std::uint64_t m_fileSize = 0;
    QString m_offsetText;
    Source m_source = Source::Hex;
    QString m_hexText, m_fillText = QStringLiteral("0x00"), m_patternText, m_countText = QStringLiteral("16");
};

// "1 byte" / "4 bytes" (exact count, translated). Any thread.
QString byteCountText(std::uint64_t count);

} // namespace hexmap
