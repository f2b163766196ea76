#pragma once

#include "ui/window/closeguardmodel.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <vector>

class QMessageBox;
class QWidget;

namespace hexmap {

class Document;
class EditSession;
class JobCenter;
class JobWatcher;

// CloseGuard: the question Quit, Close and opening another file ask while jobs run on the open file, naming the
// jobs and the file: Cancel Job and Quit (the jobs are cancelled and have stopped when confirm() returns) / Quit
// When Done (the window stays; the close is retried once every job has ended well, and called off with a status
// message when one failed or was cancelled) / Keep Open (the default, also Escape and Enter). The decisions live in
// CloseGuardModel; this class shows the box and follows the jobs. Unsaved edits keep their own question, asked by
// the caller after this one (the box says so when there are some).
// One per Document (the window creates it with the tab; QObject child of the document). Thread: GUI thread only.
class CloseGuard : public QObject {
    Q_OBJECT
public:
    using Purpose = CloseGuardModel::Purpose;

    CloseGuard(QWidget *window, Document *document);

    // True when the caller may close now: no job runs, or the user chose to cancel them. False when the user keeps
    // the file open or chose to wait; then `retry` runs once, from the event loop, after every job ended well.
    // `fileName` names the open file; `target` the file to open (Purpose::OpenFile).
    bool confirm(Purpose purpose, const QString &fileName, std::function<void()> retry, const QString &target = {});
    bool isWaiting() const { return m_model.isWaiting(); }

    // The box confirm() shows (object name "closeGuard"), for tests and screenshots. Owned by the caller.
    QMessageBox *createBox(Purpose purpose, const QString &fileName) const;

signals:
    void statusMessage(const QString &message); // shown until replaced (the waiting notice)

private:
    std::vector<CloseGuardModel::Job> runningJobs() const;
    void cancelAndWait();
    void jobFinished(JobWatcher *watcher);
    void endWaiting();

    QWidget *m_window;
    JobCenter *m_center;
    EditSession *m_session;
    CloseGuardModel m_model;
    std::function<void()> m_retry;
    QString m_fileName;
    bool m_failed = false;
};

} // namespace hexmap
