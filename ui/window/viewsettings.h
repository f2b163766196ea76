#pragma once

#include <QObject>

namespace hexmap {

class DocumentPane;
class DocumentTabs;
class MainWindowActions;

// The layout every tab's view shares: bytes per row and grouping, chosen in View (MainWindowActions' groups),
// applied to every pane and stored in QSettings ("view/bytesPerRow", "view/groupSize"; invalid stored values fall
// back to 16 and 1). New panes get it through apply(). Thread: GUI thread only.
class ViewSettings : public QObject {
    Q_OBJECT
public:
    ViewSettings(MainWindowActions *actions, DocumentTabs *tabs, QObject *parent);

    void apply(DocumentPane *pane); // the stored layout, on a new pane
    void setBytesPerRow(int bytesPerRow);
    void setGroupSize(int groupSize);

private:
    MainWindowActions *m_actions;
    DocumentTabs *m_tabs;
};

} // namespace hexmap
