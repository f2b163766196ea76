#pragma once

#include "core/mappedfile.h"
#include "core/piecesnapshot.h"
#include "core/scansource.h"
#include "ui/compare/comparejob.h"
#include "ui/compare/comparenavigator.h"
#include "ui/compare/differenceindex.h"

#include <QString>
#include <QWidget>

#include <memory>
#include <optional>
#include <string>


class QAction;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace hexmap {

class ComparePane;
class CompareRunsModel;
class HexView;

// One side's unsaved edits, taken from an open tab when a compare window opens: the document the tab shows (an
// immutable piece-table version, EditSession::snapshot(): what the compare reads, the side's view and map show and
// the Differences list lists). Empty: the file on disk. Plain value; GUI thread.
struct CompareTab {
    std::optional<PieceSnapshot> document;
};

// A window comparing two files side by side (File > Compare With…): two read-only hex views, scroll-locked and
// offset-aligned (B shows A's offset - start A + start B; the cursors move together, and for any shift the byte
// under the cursor and its aligned byte sit on the same screen row: CompareNavigator::followerTop), the differing bytes tinted in both and ticked on each
// side's overview map (as the runs arrive, while the compare runs; click a map to go there), F6 / Shift+F6 to
// the next / previous difference, a Differences list (click to go), and the counts and progress in its status
// line. The compare runs on a CompareJob thread; the views stay usable meanwhile. "Start in A / B" plus Compare
// re-aligns data shifted by an insert and compares again (vbindiff's re-sync).
// A window of its own rather than a dock or a tab: it holds two files, neither of which is "the current tab", and
// it can be placed beside the main window; it opens its own read-only mappings, so closing a tab never pulls a
// file from under it. A side may carry unsaved edits of an open tab (a copy taken when the window opens: later
// edits in the tab are not seen): the compare sees them, its view and Differences list show them, its map marks
// them.
// Owned by its parent window (Qt::Window, deleted on close). Thread: GUI thread only.
class CompareWindow : public QWidget {
    Q_OBJECT
public:
    // Opens both files read-only and starts comparing, each side as the document of its tab when given (offsets and
    // sizes are then the document's), else the file; nullptr and *error (naming the file) when one cannot be opened
    // (a directory, missing, unreadable).
    static CompareWindow *open(const std::string &pathA, const std::string &pathB, QWidget *parent, QString *error,
                               CompareTab tabA = {}, CompareTab tabB = {});

    HexView *viewA() const { return m_viewA; }
    HexView *viewB() const { return m_viewB; }
    ComparePane *paneA() const { return m_paneA; }
    ComparePane *paneB() const { return m_paneB; }
    // The runs the maps show: those the running compare has settled, then the result's.
    const DifferenceIndex &differences() const { return m_differences; }
    const CompareNavigator &navigator() const { return m_navigator; }
    CompareJob *job() const { return m_job; }
    QString statusText() const;
    // Moves both views to run `index` (selects it in both and in the list).
    void goToRun(std::size_t index);
    void goToNext();
    void goToPrevious();
    // Starts the compare again from the offsets typed in "Start in A / B"; false (status says why) when malformed.
    bool compareAgain();

private:
    CompareWindow(MappedFile a, MappedFile b, ScanSource sa, ScanSource sb, CompareTab tabA, CompareTab tabB,
                  QWidget *parent);
    std::uint64_t sizeOf(const ScanSource &source, const CompareTab &tab) const;
    void buildLayout();
    void start(std::uint64_t offsetA, std::uint64_t offsetB);
    void onFinished(const QString &error, bool cancelled);
    void onProgress(const ScanProgressSnapshot &snapshot);
    void syncFrom(HexView *from);
    void followCursor(HexView *from);
    void updateHighlights();
    void updateMaps();

    MappedFile m_fileA;
    MappedFile m_fileB;
    ScanSource m_sourceA;
    ScanSource m_sourceB;
    CompareTab m_tabA; // never changes while the window lives (the compare reads it)
    CompareTab m_tabB;
    CompareJob *m_job;
    CompareNavigator m_navigator;
    CompareRunsModel *m_model;
    DifferenceIndex m_differences;
    std::vector<CompareRun> m_newRuns; // the buffer each poll takes the new runs into
    ComparePane *m_paneA = nullptr;
    ComparePane *m_paneB = nullptr;
    HexView *m_viewA = nullptr;
    HexView *m_viewB = nullptr;
    QLineEdit *m_startA = nullptr;
    QLineEdit *m_startB = nullptr;
    QPushButton *m_compare = nullptr;
    QPushButton *m_stop = nullptr;
    QTableView *m_list = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QAction *m_next = nullptr;
    QAction *m_previous = nullptr;
    bool m_syncing = false;
    QString m_statusText;
};

} // namespace hexmap
