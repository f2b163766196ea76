#include "ui/view/selectioncopier.h"

#include "core/numberparser.h"

#include <QByteArray>
#include <QClipboard>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QMimeData>

#include <algorithm>
#include <span>

namespace hexmap {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hexmap::SelectionCopier", text);
}

} // namespace

bool SelectionCopier::copy(const MappedFile &file, const PieceSnapshot &document, ByteRange range,
                           CopyFormatter::Format format, std::uint64_t limit, QString *message)
{
    if (range.size > limit) {
        *message = tr("Cannot copy %1: copying is limited to %2. Select less.")
                       .arg(QString::fromStdString(formatSize(range.size)), QString::fromStdString(formatSize(limit)));
        return false;
    }
    const ByteRange clipped = range.intersected(ByteRange{0, document.size()});
    QByteArray bytes(qsizetype(clipped.size), Qt::Uninitialized);
    const std::span<std::byte> shown(reinterpret_cast<std::byte *>(bytes.data()), std::size_t(bytes.size()));
    const auto read = document.read(clipped.offset, shown, [&](std::uint64_t offset, std::span<std::byte> out) {
        return file.readAt(offset, out) == out.size();
    });
    if (!read) {
        *message = tr("Cannot copy: the file could not be read (%1)").arg(QString::fromStdString(read.message()));
        return false;
    }
    auto *mime = new QMimeData; // ownership passes to the clipboard
    mime->setText(CopyFormatter::format(shown, format));
    if (format == CopyFormatter::Format::RawText)
        mime->setData(QStringLiteral("application/octet-stream"), bytes);
    QGuiApplication::clipboard()->setMimeData(mime);
    *message = tr("Copied %1").arg(QString::fromStdString(formatSize(shown.size())));
    return true;
}

} // namespace hexmap
