#pragma once

#include <QPointer>
#include <QProgressDialog>
#include <QString>

#include <cstdint>

class QWidget;

namespace hexmap {

// ByteProgress: the window-modal progress box of a long write over bytes (Insert Bytes / Delete Range, Save As,
// Export Selection). Shown at once (window-modal: nothing else edits the document meanwhile), with Cancel, never
// closing or resetting by itself; its bar counts bytes scaled to 1000 steps (byte counts pass INT_MAX) and stays
// below 100 % until finish(). The box is deleted (later) by finish() or with its window.
// Thread: GUI thread only.
class ByteProgress {
public:
    // Opens the box: `objectName` for tests, `title`, the first `label`.
    void start(QWidget *window, const QString &objectName, const QString &title, const QString &label);
    // Moves the bar to done / total and shows `label` (e.g. "Writing: 1.00 GiB of 4.00 GiB").
    void update(std::uint64_t done, std::uint64_t total, const QString &label);
    // Closes the box; its canceled() no longer reaches anything connected to it.
    void finish();
    QProgressDialog *dialog() const { return m_dialog; } // null when none is open

private:
    QPointer<QProgressDialog> m_dialog;
};

} // namespace hexmap
