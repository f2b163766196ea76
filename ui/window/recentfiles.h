#pragma once

#include <QObject>
#include <QStringList>

namespace hexmap {

// The "Open Recent" list, most recent first, without duplicates, at most maxCount entries, stored in QSettings
// under `key` (so every RecentFiles object of the application sees the same list). Paths are stored as given;
// callers pass canonical paths. Thread: GUI thread only.
class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int DefaultMaxCount = 10;

    explicit RecentFiles(QObject *parent = nullptr, QString key = QStringLiteral("recentFiles"),
                         int maxCount = DefaultMaxCount);

    QStringList files() const;
    void add(const QString &path);    // moves it to the front
    void remove(const QString &path);
    void clear();
    int maxCount() const { return m_maxCount; }

signals:
    void changed();

private:
    void store(const QStringList &files);

    QString m_key;
    int m_maxCount;
};

} // namespace hexmap
