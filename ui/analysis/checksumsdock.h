#pragma once

#include "core/byterange.h"
#include "ui/analysis/checksumsmodel.h"

#include <QDockWidget>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace hexmap {

class EditSession;
class HexView;
class ScanWatcher;

// Checksums of the document as the view shows it (unsaved edits included): the algorithms to compute (every one
// of core/hashalgorithm), over the selection or the whole file, all in one background read (ScanRun, polled by a
// ScanWatcher: the GUI thread never waits), with progress and Cancel; each value can be copied; a pasted expected
// value is checked against every result (ChecksumsModel::verify: a clear match or mismatch). It follows the current
// tab (setTarget): another tab cancels the running scan and clears the results.
// Thread: GUI thread only.
class ChecksumsDock : public QDockWidget {
    Q_OBJECT
public:
    enum class Scope { Selection, WholeFile };
    ChecksumsDock(HexView *view, EditSession *session, QWidget *parent = nullptr); // either may be null
    // The view (for the selection) and the session (file + unsaved edits) to hash; null: no file.
    void setTarget(HexView *view, EditSession *session);
    ~ChecksumsDock() override;

    // Starts a scan with the chosen algorithms; false (and the reason in statusText()) when there is no file, no
    // algorithm or no selection for Scope::Selection.
    bool compute();
    void cancel();
    bool isRunning() const;
    void setScope(Scope scope);
    void setChosen(HashAlgorithm algorithm, bool chosen);
    void setExpected(const QString &text);
    // Copies the value of row `row` (default: the current row) to the clipboard; false when there is none.
    bool copyValue(int row = -1);

    const ChecksumsModel &model() const { return m_model; }
    QString statusText() const;
    QString verdictText() const;
    ScanWatcher *watcher() const { return m_watcher; }
    // Where the last scan looked (the file's own size is taken when it started).
    ByteRange scanRange() const { return m_range; }

signals:
    void finished(bool ok); // once per compute() that started

private:
    void onFinished(const QString &error, bool cancelled);
    void showResults();
    void updateVerdict();

    QPointer<HexView> m_view;
    QPointer<EditSession> m_session;
    ChecksumsModel m_model;
    ScanWatcher *m_watcher;
    ByteRange m_range;
    QComboBox *m_scope;
    std::vector<std::pair<HashAlgorithm, QCheckBox *>> m_boxes;
    QPushButton *m_compute;
    QPushButton *m_cancel;
    QPushButton *m_copy;
    QProgressBar *m_progress;
    QLabel *m_status;
    QTableWidget *m_table;
    QLineEdit *m_expected;
    QLabel *m_verdict;
};

} // namespace hexmap
