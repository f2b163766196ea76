#pragma once

#include <QDockWidget>

#include <cstdint>

class QLabel;
class QListView;

namespace hexmap {

class FindResultsModel;

// The "Find Results" dock: a summary line ("3 matches", "first 100000 matches (more exist)") over a list of the
// matches of the last "find all" (FindResultsModel, uniform rows so 100 000 entries scroll cheaply). Clicking or
// activating a row emits matchActivated with its offset. Thread: GUI thread only.
class FindResultsDock : public QDockWidget {
    Q_OBJECT
public:
    explicit FindResultsDock(QWidget *parent = nullptr);

    FindResultsModel *model() const { return m_model; }
    QListView *listView() const { return m_list; }
    QString summary() const;
    void updateSummary(const QString &patternText);

signals:
    void matchActivated(std::uint64_t offset);

private:
    FindResultsModel *m_model;
    QListView *m_list;
    QLabel *m_summary;
};

} // namespace hexmap
