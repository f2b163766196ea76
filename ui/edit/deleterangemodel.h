#pragma once

#include "core/byterange.h"
#include "core/result.h"
#include "core/savelayout.h"

#include <QCoreApplication>
#include <QString>

#include <cstdint>

namespace hexmap {

// The plain (no QObject, no widget) state of Edit > Delete Range…: an offset (parseOffset: "0x1000", "-16") and a
// length (parseSize: "16", "0x1000", "4K"), by default the selection or else the byte at the cursor (setDefault).
// It validates, names the value at fault (offset past the end, zero length, range past the end), and builds the core
// SaveLayout (core/shiftlayouts.h). Thread: plain value; any thread.
class DeleteRangeModel {
    Q_DECLARE_TR_FUNCTIONS(hexmap::DeleteRangeModel)
public:
    void setFileSize(std::uint64_t size) { m_fileSize = size; }
    std::uint64_t fileSize() const { return m_fileSize; }
    // The selection when it is not empty, else the cursor byte (nothing when the file is empty): fills both texts.
    void setDefault(ByteRange selection, std::uint64_t cursor);
    void setOffsetText(const QString &text) { m_offsetText = text; }
    QString offsetText() const { return m_offsetText; }
    void setLengthText(const QString &text) { m_lengthText = text; }
    QString lengthText() const { return m_lengthText; }

    // Fails with the parsers' errors; InvalidArgument for a zero length; OutOfBounds past the end.
    Result<ByteRange> range() const;
    Result<SaveLayout> layout() const;
    bool isValid() const { return range().ok(); }
    // "" when valid, else one translated sentence naming the value.
    QString errorText() const;

private:
    std::uint64_t m_fileSize = 0;
    QString m_offsetText, m_lengthText;
};

} // namespace hexmap
