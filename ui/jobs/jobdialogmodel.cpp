#include "ui/jobs/jobdialogmodel.h"

#include "core/hexbytes.h"
#include "core/numberparser.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace hexmap {
namespace {

std::optional<std::string> optionalText(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    return t.toStdString();
}

bool overlapsAny(ByteRange range, const std::vector<ByteRange> &ranges)
{
    return std::any_of(ranges.begin(), ranges.end(), [range](const ByteRange &r) { return r.overlaps(range); });
}

QString hex(std::uint64_t v) { return QStringLiteral("0x") + QString::number(v, 16).toUpper(); }
QString tr(const char *text) { return QCoreApplication::translate("hexmap::JobDialogModel", text); }

} // namespace

Result<ByteRange> JobDialogModel::range() const
{
    if (m_fileSize == 0)
        return Error{make_error_code(Errc::InvalidArgument), "no file"};
    switch (m_source) {
    case RangeSource::WholeFile:
        return ByteRange{0, m_fileSize};
    case RangeSource::Selection:
        if (m_selection.isEmpty())
            return Error{make_error_code(Errc::InvalidArgument), "nothing is selected"};
        if (m_selection.end() > m_fileSize)
            return Error{make_error_code(Errc::OutOfBounds), "the selection"};
        return m_selection;
    case RangeSource::Custom:
        break;
    }
    const auto offset = optionalText(m_offsetText);
    const auto length = optionalText(m_lengthText);
    return resolveRange(offset ? std::optional<std::string_view>(*offset) : std::nullopt,
                        length ? std::optional<std::string_view>(*length) : std::nullopt, m_fileSize);
}

Result<std::vector<std::byte>> JobDialogModel::bytes() const
{
    switch (m_op) {
    case JobOperation::Fill: {
        const auto b = parseByte(m_byteText.trimmed().toStdString());
        if (!b)
            return b.error();
        return std::vector<std::byte>{std::byte{*b}};
    }
    case JobOperation::Pattern: {
        if (m_format == PatternFormat::Text) {
            const QByteArray utf8 = m_patternText.toUtf8();
            if (utf8.isEmpty())
                return Error{make_error_code(Errc::InvalidArgument), "the pattern is empty"};
            if (std::size_t(utf8.size()) > JobSpec::kMaxPatternSize)
                return Error{make_error_code(Errc::InvalidArgument), "the pattern is longer than 64 KiB"};
            const auto *p = reinterpret_cast<const std::byte *>(utf8.constData());
            return std::vector<std::byte>(p, p + utf8.size());
        }
        auto parsed = parseHexBytes(m_patternText.toStdString(), false, JobSpec::kMaxPatternSize);
        if (!parsed)
            return parsed.error();
        return std::move(parsed->bytes);
    }
    case JobOperation::Zero:
        return std::vector<std::byte>{std::byte{0}};
    case JobOperation::Flush:
    case JobOperation::Sync:
        break;
    }
    return std::vector<std::byte>{};
}

bool JobDialogModel::overlapsUnsavedEdits() const
{
    const auto r = range();
    return r.ok() && overlapsAny(*r, m_edits);
}

Result<JobSpec> JobDialogModel::spec() const
{
    auto r = range();
    if (!r)
        return r.error();
    auto b = bytes();
    if (!b)
        return b.error();
    if (overlapsAny(*r, m_edits))
        return Error{make_error_code(Errc::RangeBusy), "the range holds unsaved edits: save or discard them first"};
    if (overlapsAny(*r, m_busy))
        return Error{make_error_code(Errc::RangeBusy), "the range overlaps a running job"};
    if (m_threads == 0 || m_threads > JobSpec::kMaxThreads)
        return Error{make_error_code(Errc::InvalidArgument), "threads must be 1 to 256"};
    JobSpec spec;
    spec.operation = m_op;
    spec.range = *r;
    spec.threads = m_threads;
    if (const auto chunk = optionalText(m_chunkText)) {
        const auto c = parseSize(*chunk);
        if (!c)
            return c.error();
        if (*c == 0)
            return Error{make_error_code(Errc::InvalidArgument), "the chunk size must not be 0"};
        spec.chunkSize = *c;
    }
    if (m_op == JobOperation::Fill)
        spec.fillByte = b->front();
    if (m_op == JobOperation::Pattern)
        spec.pattern = std::move(*b);
    spec.zeroMode = m_release ? ZeroMode::ReleaseSpace : ZeroMode::KeepSpace;
    spec.syncWhenDone = m_sync && m_op != JobOperation::Sync && m_op != JobOperation::Flush;
    return spec;
}

bool JobDialogModel::needsInput() const
{
    switch (m_op) {
    case JobOperation::Fill: return m_byteText.trimmed().isEmpty();
    case JobOperation::Pattern: return m_format == PatternFormat::Text ? m_patternText.isEmpty()
                                                                      : m_patternText.trimmed().isEmpty();
    case JobOperation::Zero:
    case JobOperation::Flush:
    case JobOperation::Sync: break;
    }
    return false;
}

QString JobDialogModel::hintText() const
{
    if (!needsInput())
        return {};
    return m_op == JobOperation::Pattern ? tr("Type the pattern to repeat.") : tr("Type the byte to write.");
}

QString JobDialogModel::errorText() const
{
    if (needsInput())
        return {};
    // "FIELD: REASON (TEXT)." in the user's language; the engine's own messages are English.
    const auto sentence = [](const QString &field, const Error &error, const QString &invalid = tr("not allowed here")) {
        const std::error_code code = error.code;
        QString reason;
        if (code == make_error_code(Errc::ParseError))
            reason = tr("not a valid value");
        else if (code == make_error_code(Errc::OutOfBounds))
            reason = tr("past the end of the file");
        else if (code == make_error_code(Errc::InvalidArgument))
            reason = invalid;
        else
            reason = QString::fromStdString(code.message());
        const QString context = QString::fromStdString(error.context);
        return context.isEmpty() ? tr("%1: %2.").arg(field, reason)
                                 : tr("%1: %2 (%3).").arg(field, reason, context);
    };
    if (m_source == RangeSource::Selection && m_selection.isEmpty())
        return tr("Nothing is selected: choose the whole file or type an offset and a length.");
    const auto r = range();
    if (!r)
        return sentence(tr("Range"), r.error(), tr("empty")); // offset at the end, or a length of 0
    if (const auto b = bytes(); !b) {
        if (m_op == JobOperation::Pattern && m_format == PatternFormat::Text)
            return tr("Pattern: longer than 64 KiB.");
        if (m_op == JobOperation::Pattern) { // the parser's context is an English sentence: name the text instead
            Error typed = b.error();
            const QString text = m_patternText.simplified();
            typed.context = (text.size() > 40 ? text.left(40) + QStringLiteral("…") : text).toStdString();
            return sentence(tr("Pattern"), typed);
        }
        return sentence(tr("Byte"), b.error());
    }
    if (overlapsAny(*r, m_edits))
        return tr("The range holds unsaved edits: save or discard them first.");
    if (overlapsAny(*r, m_busy))
        return tr("The range overlaps a running job.");
    if (m_threads == 0 || m_threads > JobSpec::kMaxThreads)
        return tr("Threads: choose 1 to %1.").arg(JobSpec::kMaxThreads);
    const auto s = spec();
    if (s)
        return {};
    if (const auto chunk = optionalText(m_chunkText); chunk && parseSize(*chunk).ok())
        return tr("Chunk size: must not be 0.");
    return sentence(tr("Chunk size"), s.error());
}

QString JobDialogModel::summary() const
{
    const auto s = spec();
    if (!s)
        return {};
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::DefaultNumberOptions); // "268,435,456"
    const QString exact = c.toString(static_cast<qulonglong>(s->range.size));
    QString what;
    switch (m_op) {
    case JobOperation::Fill:
        what = tr("with the byte %1").arg(hex(std::to_integer<unsigned>(s->fillByte)));
        break;
    case JobOperation::Zero:
        what = m_release ? tr("with zeros, releasing whole blocks") : tr("with zeros");
        break;
    case JobOperation::Pattern:
        what = tr("with a %1-byte pattern").arg(s->pattern.size());
        break;
    case JobOperation::Flush:
    case JobOperation::Sync: break;
    }
    return tr("Overwrites %1 bytes (%2) from %3 to %4 %5, using %6 thread(s). "
              "A job writes straight into the file and cannot be undone.")
        .arg(exact, QString::fromStdString(formatSize(s->range.size)), hex(s->range.offset),
             hex(s->range.end() - 1), what)
        .arg(s->threads);
}

QString JobDialogModel::preview(int count) const
{
    const auto b = bytes();
    const auto r = range();
    if (!b || !r || b->empty() || count <= 0)
        return {};
    const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(std::uint64_t(count), r->size));
    std::vector<std::byte> first(n);
    for (std::size_t i = 0; i < n; ++i)
        first[i] = (*b)[i % b->size()];
    QString text = QString::fromStdString(toHexString(first));
    if (r->size > n)
        text += QStringLiteral(" …");
    return text;
}

QString JobDialogModel::operationName(JobOperation op)
{
    switch (op) {
    case JobOperation::Fill: return tr("Fill");
    case JobOperation::Zero: return tr("Zero");
    case JobOperation::Pattern: return tr("Pattern");
    case JobOperation::Flush: return tr("Flush");
    case JobOperation::Sync: return tr("Sync");
    }
    return {};
}

QString JobDialogModel::rangeText(ByteRange range)
{
    if (range.isEmpty())
        return tr("(empty)");
    return QStringLiteral("%1 – %2 (%3)")
        .arg(hex(range.offset), hex(range.end() - 1), QString::fromStdString(formatSize(range.size)));
}

} // namespace hexmap
