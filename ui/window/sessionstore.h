#pragma once

#include <QString>
#include <QStringList>

namespace hexmap {

class MainWindow;

// The files that were open when the window last closed, in tab order, and which tab was current, so that the
// next start can reopen them (Preferences::restoreSession). Stored in QSettings under `group`/files and
// `group`/current. The cursor offsets are not kept here: FilePositions keeps them per file. Callers pass
// canonical paths whose bytes survive a QString (nativepath::roundTrips); others are never stored, since read
// back they would name another file. Thread: GUI thread only (QSettings).
class SessionStore {
public:
    struct Session {
        QStringList paths; // no empty entries, no duplicates, in tab order
        int current = -1;  // index into paths; -1 when paths is empty
    };

    explicit SessionStore(QString group = QStringLiteral("session"));

    // Replaces the stored session; `current` is clamped to the list (-1 for an empty list).
    void save(const QStringList &paths, int current) const;
    // What was stored, cleaned up (empty entries and duplicates dropped, current clamped); empty when nothing was.
    Session load() const;
    void clear() const;

    // Saves the window's open files (those whose path survives a QString) and its current tab.
    void saveFrom(const MainWindow &window) const;
    // Opens the stored files in tabs (the stored current one current); files that no longer open are named in
    // the status bar, not in message boxes. Returns how many opened.
    int restoreInto(MainWindow &window) const;

private:
    QString m_group;
};

} // namespace hexmap
