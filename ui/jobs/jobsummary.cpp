#include "ui/jobs/jobsummary.h"

#include "core/numberparser.h"

#include <chrono>
#include <cmath>

namespace hexmap {

bool JobSummary::hasMeaningfulRate(JobOperation op)
{
    return op != JobOperation::Flush && op != JobOperation::Zero;
}

QString JobSummary::rateText(double bytesPerSecond)
{
    if (bytesPerSecond <= 0)
        return {};
    return QString::fromStdString(formatSize(static_cast<std::uint64_t>(bytesPerSecond))) + QStringLiteral("/s");
}

QString JobSummary::speedText(JobOperation op, const JobSnapshot &snapshot)
{
    return hasMeaningfulRate(op) ? rateText(snapshot.bytesPerSecond) : QString();
}

QString JobSummary::shortDuration(double seconds)
{
    if (seconds < 1.0)
        return tr("%1 ms").arg(std::max(0L, std::lround(seconds * 1000.0)));
    if (seconds < 10.0)
        return tr("%1 s").arg(seconds, 0, 'f', 1);
    if (seconds < 120.0)
        return tr("%1 s").arg(int(seconds));
    const int s = int(seconds);
    return s < 3600 ? QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'))
                    : QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                          .arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString JobSummary::doneText(JobOperation op, const JobSnapshot &snapshot)
{
    const QString size = QString::fromStdString(formatSize(snapshot.totalDone));
    const double seconds = std::chrono::duration<double>(snapshot.elapsed).count();
    switch (op) {
    case JobOperation::Flush: return tr("started writeback of %1").arg(size);
    case JobOperation::Zero: return tr("zeroed %1 in %2").arg(size, shortDuration(seconds));
    default: return tr("done");
    }
}

} // namespace hexmap
