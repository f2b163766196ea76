#pragma once

#include "core/byterange.h"
#include "core/jobspec.h"
#include "core/result.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace hexmap {

// The plain (no QObject, no widget) state of the Fill / Zero / Pattern dialog: it validates what the user typed
// and builds the JobSpec. Range: the selection, the whole file, or an offset and a length typed in any notation
// numberparser accepts ("0x1000", "-4K", "256 MiB"). Fill byte: parseByte ("0xFF", "255", "0b1111"). Pattern:
// hex ("DE AD BE EF", parseHexBytes) or text (UTF-8). A range that overlaps unsaved edits or a running job is
// refused with a message saying what to do. Thread: plain value; any thread (GUI thread in practice).
class JobDialogModel {
public:
    enum class RangeSource { Selection, WholeFile, Custom };
    enum class PatternFormat { Hex, Text };

    void setOperation(JobOperation op) { m_op = op; }
    JobOperation operation() const { return m_op; }
    void setFileSize(std::uint64_t size) { m_fileSize = size; }
    void setSelection(ByteRange selection) { m_selection = selection; }
    ByteRange selection() const { return m_selection; }
    void setRangeSource(RangeSource source) { m_source = source; }
    RangeSource rangeSource() const { return m_source; }
    void setOffsetText(const QString &text) { m_offsetText = text; }
    void setLengthText(const QString &text) { m_lengthText = text; }
    void setByteText(const QString &text) { m_byteText = text; }
    void setPattern(const QString &text, PatternFormat format) { m_patternText = text; m_format = format; }
    void setThreads(unsigned threads) { m_threads = threads; }
    void setChunkSizeText(const QString &text) { m_chunkText = text; } // empty: the engine's default
    void setReleaseSpace(bool release) { m_release = release; }
    void setSyncWhenDone(bool sync) { m_sync = sync; }
    void setUnsavedEdits(std::vector<ByteRange> ranges) { m_edits = std::move(ranges); }
    void setBusyRanges(std::vector<ByteRange> ranges) { m_busy = std::move(ranges); }

    // The range to write. Fails with the parser's error (ParseError / OutOfBounds / InvalidArgument), or
    // InvalidArgument when the selection is empty.
    Result<ByteRange> range() const;
    // The bytes written per period: {fill byte}, {0}, or the pattern. Fails with the parser's error.
    Result<std::vector<std::byte>> bytes() const;
    // The complete spec. Fails as range() and bytes(), with Errc::RangeBusy when the range overlaps unsaved
    // edits or a running job, Errc::InvalidArgument for 0 threads or a bad chunk size.
    Result<JobSpec> spec() const;
    bool overlapsUnsavedEdits() const;

    // True while the operation's value (Fill's byte, Pattern's pattern) has not been typed yet: the dialog then shows
    // hintText() instead of an error, and OK stays disabled.
    bool needsInput() const;
    // What to type next ("Type the byte to write."), "" when nothing is missing.
    QString hintText() const;
    // "" when valid or when needsInput(), else one translated sentence for the user naming the field at fault and
    // the text typed there.
    QString errorText() const;
    // What will happen: bytes overwritten (human and exact), where, and that it cannot be undone.
    QString summary() const;
    // The first `count` bytes the range will hold, as hex ("DE AD BE EF DE AD …"); "" when invalid.
    QString preview(int count = 16) const;

    static QString operationName(JobOperation op); // "Fill", "Zero", "Pattern", "Flush", "Sync" (translated)
    static QString rangeText(ByteRange range);     // "0x0 – 0xFFFFFFF (256.00 MiB)"

private:
    JobOperation m_op = JobOperation::Fill;
    std::uint64_t m_fileSize = 0;
    ByteRange m_selection;
    RangeSource m_source = RangeSource::WholeFile;
    QString m_offsetText, m_lengthText, m_byteText, m_patternText, m_chunkText;
    PatternFormat m_format = PatternFormat::Hex;
    unsigned m_threads = 4;
    bool m_release = false;
    bool m_sync = false;
    std::vector<ByteRange> m_edits;
    std::vector<ByteRange> m_busy;
};

} // namespace hexmap
