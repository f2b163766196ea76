#include "ui/jobs/jobconfirmation.h"

#include "core/hexbytes.h"
#include "core/numberparser.h"

#include <QMessageBox>
#include <QPointer>
#include <QPushButton>

#include <algorithm>

namespace hexmap {
namespace {

QString hex(std::uint64_t v) { return QStringLiteral("0x") + QString::number(v, 16).toUpper(); }

// The first bytes of a pattern, "DE AD BE EF" (with " …" past 16 bytes).
QString patternText(const std::vector<std::byte> &pattern)
{
    constexpr std::size_t Shown = 16;
    const std::size_t n = std::min(pattern.size(), Shown);
    QString text = QString::fromStdString(toHexString(std::span<const std::byte>(pattern.data(), n)));
    if (pattern.size() > Shown)
        text += QStringLiteral(" …");
    return text;
}

} // namespace

bool JobConfirmation::writesBytes(JobOperation op)
{
    return op == JobOperation::Fill || op == JobOperation::Zero || op == JobOperation::Pattern;
}

QString JobConfirmation::question(const JobSpec &spec, const QString &fileName)
{
    const ByteRange r = spec.range;
    const QString size = QString::fromStdString(formatSize(r.size));
    const QString bounds = r.isEmpty() ? hex(r.offset) : tr("%1 – %2").arg(hex(r.offset), hex(r.end() - 1));
    const QString file = tr("“%1”").arg(fileName);
    switch (spec.operation) {
    case JobOperation::Fill:
        return tr("Fill %1 (%2) of %3 with %4?")
            .arg(size, bounds, file, hex(std::to_integer<unsigned>(spec.fillByte)));
    case JobOperation::Zero:
        return spec.zeroMode == ZeroMode::ReleaseSpace
                   ? tr("Zero %1 (%2) of %3 and release its disk space?").arg(size, bounds, file)
                   : tr("Zero %1 (%2) of %3?").arg(size, bounds, file);
    case JobOperation::Pattern:
        return tr("Fill %1 (%2) of %3 with the pattern %4?").arg(size, bounds, file, patternText(spec.pattern));
    case JobOperation::Flush:
    case JobOperation::Sync: break;
    }
    return {};
}

QMessageBox *JobConfirmation::createBox(const JobSpec &spec, const QString &fileName, QWidget *parent)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Overwrite Bytes?"), question(spec, fileName),
                                QMessageBox::NoButton, parent);
    box->setObjectName(QStringLiteral("jobConfirmation"));
    box->setTextFormat(Qt::PlainText); // a file name is never markup
    box->setInformativeText(tr("This cannot be undone: the job writes straight into the file, not into the "
                               "undo history."));
    box->addButton(tr("&Overwrite"), QMessageBox::AcceptRole);
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    return box;
}

bool JobConfirmation::ask(const JobSpec &spec, const QString &fileName, QWidget *parent)
{
    if (!writesBytes(spec.operation))
        return true;
    const QPointer<QMessageBox> box = createBox(spec, fileName, parent);
    box->exec();
    if (!box)
        return false; // the parent went away meanwhile, and the box with it
    const bool overwrite = box->buttonRole(box->clickedButton()) == QMessageBox::AcceptRole;
    delete box.data();
    return overwrite;
}

} // namespace hexmap
