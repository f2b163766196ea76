#pragma once

#include "core/jobsnapshot.h"
#include "core/jobspec.h"

#include <QCoreApplication>
#include <QString>

namespace hexmap {

// What the Jobs dock says about a job's speed and result. Fill, Pattern and Sync show a rate (bytes per second
// mean something there); Flush only starts the kernel's writeback and Zero releases or zeroes whole blocks at
// once, so their "rate" would be meaningless (terabytes per second): they show what they did instead,
// "started writeback of 3.00 GiB", "zeroed 1.90 GiB in 4 ms".
// Thread: plain functions; any thread (tr() reads the installed translator).
class JobSummary {
    Q_DECLARE_TR_FUNCTIONS(hexmap::JobSummary)
public:
    // False for Flush and Zero.
    static bool hasMeaningfulRate(JobOperation op);
    // The Speed column: the rate, or empty when it is not meaningful or not known.
    static QString speedText(JobOperation op, const JobSnapshot &snapshot);
    // The State column of a job that succeeded: "done", or for Flush / Zero what it did.
    static QString doneText(JobOperation op, const JobSnapshot &snapshot);
    // "4 ms", "350 ms", "2.5 s", "1:05" (under a second in milliseconds).
    static QString shortDuration(double seconds);
    static QString rateText(double bytesPerSecond);
};

} // namespace hexmap
