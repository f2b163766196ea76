#pragma once

#include "core/scanprogress.h"
#include "core/searchscan.h"
#include "ui/find/findbarmodel.h"

#include <QPointer>
#include <QWidget>

#include <cstdint>
#include <optional>

class QBoxLayout;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace hexmap {

class EditSession;
class HexView;
class SearchWatcher;
struct SearchRequest;

// The find bar shown under the hex view (Ctrl+F): mode (hex / text / UTF-16LE), the pattern field, "ignore case",
// Previous / Next / Find All, a progress bar with Cancel while a search runs, and a message label. A malformed
// pattern turns the field red with the engine's message and starts nothing. Next / previous start from the
// view's cursor or selection (FindBarModel), wrap, and select the match in the view (scrolled into view);
// find all reports the matches through allFound(). Esc closes the bar (and cancels its search). In a narrow window
// the buttons move to a second row (FindBarModel::fitsOneRow) and a long message is cut (its tooltip has it all),
// so the bar never widens the window.
// Searches run on the scan engine (core SearchScan: pread, holes skipped, next/previous read outward from the
// caret and stop at the nearest match) on a background thread through a SearchWatcher owned by the bar: nothing
// here blocks and nothing runs on the search thread but the engine. They search the document the user sees: the
// session's snapshot (EditSession::snapshot(), unsaved inserts, erases and overwrites) taken when the search starts;
// offsets are document offsets. Without a session, the file as it is. Its pattern field is named "findPattern" (QObject::objectName).
// Thread: GUI thread only.
class FindBar : public QWidget {
    Q_OBJECT
public:
    using Mode = FindBarModel::Mode;

    explicit FindBar(HexView *view, QWidget *parent = nullptr);
    ~FindBar() override;

    void activate(); // shows the bar and focuses the pattern field (text selected)
    void findNext();
    void findPrevious();
    void findAll();
    void cancel(); // the running search stops; the bar says "Search cancelled"
    void reset();  // another file: the running search is dropped without a result, the message cleared
    // Searches `view` from now on (the current tab's; null = none), reading the document of `session` (its
    // EditSession; null = the view's file as it is); resets.
    void setView(HexView *view, EditSession *session = nullptr);
    bool isSearching() const;

    void setMode(Mode mode);
    Mode mode() const;
    void setPatternText(const QString &text);
    QString patternText() const;
    void setIgnoreCase(bool ignore);
    // Find all keeps at most this many matches (and says "capped" when more exist).
    static constexpr std::uint64_t MaxMatches = 100000;

    bool hasError() const { return m_error; }
    QString message() const;
    // As narrow as its two-row arrangement: the bar never makes the window wider (see arrangeRows).
    QSize minimumSizeHint() const override;
    bool isOneRow() const;

signals:
    void statusMessage(const QString &message);
    // Find all finished: ascending offsets (capped at the cap), the pattern length and its description.
    void allFound(const hexmap::SearchMatches &matches, std::uint64_t patternSize, const QString &description);
    void closed();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Tests (tests/ui/findtesthelpers.h) lower m_maxMatches to reach the cap with a small file.
    friend class FindBarTestProbe;
    std::optional<SearchRequest> prepare(); // validates; shows the error and returns nothing when it cannot search
    void startNext(SearchDirection direction);
    void validate();
    void setMessage(const QString &text, bool error);
    void setSearching(bool searching);
    void onProgress(const ScanProgressSnapshot &snapshot);
    void onHit(const SearchHit &hit);
    void onAll(const SearchMatches &matches);
    void onFailed(const QString &message, bool cancelled);
    void arrangeRows(int width); // one row when `width` holds both groups, else the buttons go to a second row

    std::uint64_t documentSize() const; // the session's document size, else the view's file size
    HexView *m_view;
    QPointer<EditSession> m_session;
    SearchWatcher *m_watcher;
    QComboBox *m_mode;
    QLineEdit *m_pattern;
    QToolButton *m_ignoreCase;
    QPushButton *m_previous;
    QPushButton *m_next;
    QPushButton *m_all;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QLabel *m_message;
    QToolButton *m_close;
    QBoxLayout *m_rows;    // the two groups: side by side (LeftToRight) or stacked (TopToBottom)
    QHBoxLayout *m_first;  // close, mode, pattern, ignore case
    QHBoxLayout *m_second; // previous, next, find all, progress, cancel, message
    std::uint64_t m_maxMatches = MaxMatches;
    std::uint64_t m_patternSize = 1;  // of the running / last search
    QString m_description;           // of the running / last search
    bool m_preWrapped = false;        // the next/previous start already passed an end
    bool m_error = false;
};

} // namespace hexmap
