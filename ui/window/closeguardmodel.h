#pragma once

#include "core/byterange.h"
#include "core/jobspec.h"

#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <vector>

namespace hexmap {

// CloseGuardModel: what closing does while jobs run on the open file, as plain logic testable without dialogs.
// CloseGuard asks the question it words and follows its steps:
//   request(jobsRunning)  -> Proceed (nothing runs) or Ask (show the question);
//   choose(choice)        -> KeepOpen: Stay (any earlier wait is called off); CancelJobs: Proceed (the caller
//                            cancels the jobs and waits for them to stop first); WaitForJobs: Wait (the caller
//                            retries the close when the jobs have ended);
//   jobsEnded(succeeded)  -> while waiting, when no job runs any more: Proceed when every job ended well, Stay when
//                            one failed or was cancelled (its error must stay visible: the close is called off).
// Unsaved edits are not decided here: their own question (Save / Discard / Cancel) comes after this one, and the
// text says so. Plain value. Thread: GUI thread only (tr()).
class CloseGuardModel {
    Q_DECLARE_TR_FUNCTIONS(hexmap::CloseGuardModel)
public:
    enum class Purpose { Quit, CloseFile, OpenFile }; // what the user asked for
    enum class Choice { KeepOpen, CancelJobs, WaitForJobs };
    enum class Step { Proceed, Ask, Wait, Stay };

    // One running job as the question names it.
    struct Job {
        JobOperation operation = JobOperation::Fill;
        ByteRange range;
        std::uint64_t done = 0; // bytes written (or synced) so far
    };

    Step request(bool jobsRunning);
    Step choose(Choice choice);
    Step jobsEnded(bool allSucceeded);
    bool isWaiting() const { return m_waiting; }
    Purpose waitingFor() const { return m_purpose; }
    void setPurpose(Purpose purpose) { m_purpose = purpose; }

    // The words of the question. `fileName` is the open file's name, `target` the file to open (OpenFile only),
    // `unsavedBytes` the unsaved edits (0: none).
    static QString title(Purpose purpose);
    static QString question(const std::vector<Job> &jobs, const QString &fileName);
    static QString details(const std::vector<Job> &jobs, Purpose purpose, std::uint64_t unsavedBytes);
    static QString cancelLabel(Purpose purpose);
    static QString waitLabel(Purpose purpose);
    static QString keepLabel() { return tr("&Keep Open"); }
    static QString waitingMessage(Purpose purpose, const QString &fileName, const QString &target);
    static QString calledOffMessage(const QString &fileName);
    static QString endedText(const QString &fileName); // the question's text once no job runs any more
    static QString endedDetails() { return tr("Nothing is left to cancel or to wait for."); }

private:
    bool m_waiting = false;
    Purpose m_purpose = Purpose::Quit;
};

} // namespace hexmap
