#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QTabWidget;
class QWidget;

namespace hexmap {

class CloseGuard;
class Document;
class DocumentPane;
class MappedFile;

// DocumentTabs: the tabs of the main window, one DocumentPane (and its Document and CloseGuard) per tab. There is
// always at least one tab: when no file is open, it holds a closed Document (the tab bar hides itself then, and
// with a single tab). A tab's text names its file (a block device: its path and "(device)"), with '*' for unsaved
// edits and the running jobs' progress ("name (42%)"), updated from the document's signals. Thread: GUI thread only.
class DocumentTabs : public QObject {
    Q_OBJECT
public:
    DocumentTabs(QWidget *window, QTabWidget *tabs);
    ~DocumentTabs() override;

    // A new tab with a closed document (made current); emits added().
    DocumentPane *add();
    // Removes the tab and deletes its document (close it first); emits removed() before. The last tab stays.
    void remove(DocumentPane *pane);
    // The tab whose open document maps the same file (device and inode), or null.
    DocumentPane *find(const MappedFile &file) const;
    // A tab to open a file in: the current one when its document is closed, otherwise a new one.
    DocumentPane *vacant();

    DocumentPane *current() const;
    Document *currentDocument() const;
    CloseGuard *guard(const Document *document) const;
    QList<DocumentPane *> panes() const;
    int count() const;
    void setCurrent(DocumentPane *pane);
    void next();
    void previous();
    QString tabText(const DocumentPane *pane) const;

signals:
    void added(hexmap::Document *document, hexmap::DocumentPane *pane);
    void removed(hexmap::Document *document);
    void currentChanged(hexmap::Document *document, hexmap::DocumentPane *pane);

private:
    void updateTab(DocumentPane *pane);

    QWidget *m_window;
    QTabWidget *m_tabs;
};

} // namespace hexmap
