#pragma once

#include "core/jobspec.h"

#include <QCoreApplication>
#include <QString>

class QMessageBox;
class QWidget;

namespace hexmap {

// The question asked before a Fill / Zero / Pattern job overwrites bytes, when Edit > Preferences > "Ask for
// confirmation before a job writes" is on (Preferences::confirmJobs, default on). It names the operation, the
// size and hex bounds of the range (inclusive, as the job dialog shows them), the file and the value written,
// and says that it cannot be undone; the default (and Escape) button is Cancel. Flush and Sync change no bytes
// and are never asked about. JobDialog asks it when OK is pressed. Thread: GUI thread only.
class JobConfirmation {
    Q_DECLARE_TR_FUNCTIONS(hexmap::JobConfirmation)
public:
    // True for the operations that overwrite bytes (Fill, Zero, Pattern).
    static bool writesBytes(JobOperation op);
    // "Fill 256.00 MiB (0x0 – 0xFFFFFFF) of “disk.img” with 0xFF?"; empty for Flush and Sync.
    static QString question(const JobSpec &spec, const QString &fileName);
    // The message box (objectName "jobConfirmation"), not shown; its Overwrite button is the AcceptRole one.
    static QMessageBox *createBox(const JobSpec &spec, const QString &fileName, QWidget *parent);
    // True when `spec` may run: it writes no bytes, or the user chose Overwrite in the modal box (exec()).
    static bool ask(const JobSpec &spec, const QString &fileName, QWidget *parent);
};

} // namespace hexmap
