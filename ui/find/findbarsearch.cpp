#include "ui/find/findbar.h"

#include "ui/document/editsession.h"
#include "ui/document/searchwatcher.h"
#include "ui/view/hexview.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>

#include <algorithm>
#include <memory>
#include <utility>

// FindBar's searches: preparing a request from the fields, starting Find Next / Previous / All on the
// SearchWatcher, and showing its progress, hits, results and failures. Split from findbar.cpp to keep files small.

namespace hexmap {

std::optional<SearchRequest> FindBar::prepare()
{
    if (!m_view || !m_view->hasFile()) {
        setMessage(tr("No file is open"), false);
        return std::nullopt;
    }
    if (documentSize() == 0) {
        setMessage(tr("The file is empty: there is nothing to find"), false);
        return std::nullopt;
    }
    if (m_pattern->text().isEmpty()) {
        setMessage(tr("Type a pattern to search for"), false);
        activate();
        return std::nullopt;
    }
    auto pattern = FindBarModel::pattern(mode(), m_pattern->text(), m_ignoreCase->isChecked());
    if (!pattern) {
        setMessage(QString::fromStdString(pattern.message()), true);
        return std::nullopt;
    }
    m_patternSize = pattern->size();
    m_description = mode() == Mode::Hex
                        ? QString::fromStdString(pattern->describe())
                        : tr("\"%1\" (%2%3)")
                              .arg(m_pattern->text(), mode() == Mode::Text ? tr("UTF-8") : tr("UTF-16LE"),
                                   m_ignoreCase->isChecked() ? tr(", ignoring case") : QString());
    // Opened here, on the GUI thread (open + fstat); the search thread then reads this descriptor with pread, so a
    // file cut meanwhile is reported (FileTruncated naming the offset), never a SIGBUS.
    const MappedFile &file = m_view->file();
    auto source = ScanSource::open(file.path());
    if (!source) {
        setMessage(tr("Cannot read the file: %1").arg(QString::fromStdString(source.message())), true);
        return std::nullopt;
    }
    if (source->size() < file.size()) {
        setMessage(tr("The file on disk is now shorter (%1 bytes) than the one shown (%2 bytes); reload it")
                       .arg(source->size())
                       .arg(file.size()),
                   true);
        return std::nullopt;
    }
    SearchScanOptions options;
    options.range = ByteRange{0, documentSize()};
    options.threads = 0; // the engine's default: every core
    options.maxMatches = m_maxMatches == 0 ? 1 : m_maxMatches;
    if (m_session)
        options.document = m_session->snapshot(); // an immutable version: later edits never race with the search
    return SearchRequest{std::move(*source), SearchMatcher(std::move(pattern).value()), std::move(options)};
}

void FindBar::findNext() { startNext(SearchDirection::Forward); }
void FindBar::findPrevious() { startNext(SearchDirection::Backward); }

void FindBar::startNext(SearchDirection direction)
{
    auto request = prepare();
    if (!request)
        return;
    const std::uint64_t size = documentSize();
    const auto start = direction == SearchDirection::Forward
                           ? FindBarModel::nextStart(m_view->cursorOffset(), m_view->selection(), size)
                           : FindBarModel::previousStart(m_view->cursorOffset(), m_view->selection(), size);
    m_preWrapped = start.wrappedAlready;
    setMessage(direction == SearchDirection::Forward ? tr("Searching forward…") : tr("Searching backward…"), false);
    m_watcher->startFindNext(std::move(*request), start.from, direction, true);
    setSearching(true);
}

void FindBar::findAll()
{
    auto request = prepare();
    if (!request)
        return;
    setMessage(tr("Finding all…"), false);
    m_watcher->startFindAll(std::move(*request));
    setSearching(true);
}

void FindBar::cancel()
{
    m_watcher->cancel();
}

void FindBar::setView(HexView *view, EditSession *session)
{
    reset();
    m_view = view;
    m_session = session;
}

std::uint64_t FindBar::documentSize() const
{
    if (m_session && m_session->hasFile())
        return m_session->size();
    return m_view && m_view->hasFile() ? m_view->file().size() : 0;
}

void FindBar::reset()
{
    m_watcher->abandon();
    setSearching(false);
    setMessage(QString(), false);
}

void FindBar::setSearching(bool searching)
{
    m_progress->setVisible(searching);
    m_cancel->setVisible(searching);
    arrangeRows(width()); // the progress bar and Cancel take room while a search runs
    if (searching)
        m_progress->setValue(0);
}

void FindBar::onProgress(const ScanProgressSnapshot &snapshot)
{
    if (snapshot.bytesTotal == 0)
        return;
    const double fraction = double(snapshot.bytesDone) / double(snapshot.bytesTotal);
    m_progress->setValue(int(std::min(1.0, fraction) * 1000.0));
}

void FindBar::onHit(const SearchHit &hit)
{
    setSearching(false);
    if (!hit.offset) {
        setMessage(tr("Not found: %1").arg(m_description), false);
        emit statusMessage(tr("Not found: %1").arg(m_description));
        return;
    }
    m_view->setCursorOffset(*hit.offset);
    m_view->setSelection({*hit.offset, m_patternSize});
    const QString where = tr("Match at 0x%1").arg(*hit.offset, 0, 16);
    if (hit.wrapped || m_preWrapped) {
        setMessage(tr("%1 (wrapped)").arg(where), false);
        emit statusMessage(tr("Search wrapped around the end of the file"));
    } else {
        setMessage(where, false);
    }
}

void FindBar::onAll(const SearchMatches &matches)
{
    setSearching(false);
    const auto count = static_cast<qulonglong>(matches.offsets.size());
    setMessage(matches.capped ? tr("%1+ matches (capped)").arg(count)
                              : (count == 1 ? tr("1 match") : tr("%1 matches").arg(count)),
               false);
    emit allFound(matches, m_patternSize, m_description);
}

void FindBar::onFailed(const QString &message, bool cancelled)
{
    setSearching(false);
    setMessage(cancelled ? tr("Search cancelled") : message, !cancelled);
    if (!cancelled)
        emit statusMessage(tr("Search failed: %1").arg(message));
}

} // namespace hexmap
