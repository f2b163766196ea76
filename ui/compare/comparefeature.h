#pragma once

#include "ui/pane/windowfeature.h"

#include <QList>
#include <QPointer>
#include <QString>

#include <string>

class QAction;

namespace hexmap {

class CompareWindow;

// CompareFeature: File > Compare With… (Ctrl+K): compares the current tab's file with another open tab or a file
// chosen in a file dialog, in a CompareWindow of its own (see there why a window). Keeps the list of open
// documents for the choice. Owned by the window (QObject parent). Thread: GUI thread only.
class CompareFeature : public WindowFeature {
    Q_OBJECT
public:
    explicit CompareFeature(QWidget *window);

    QList<FeatureAction> featureActions() const override;
    void setCurrent(Document *document, DocumentPane *pane) override;
    void documentAdded(Document *document, DocumentPane *pane) override;
    void documentRemoved(Document *document) override;

    QAction *compareAction() const { return m_compare; }
    // Opens a compare window of the current document with `other` (a path); null (statusMessage and *error say
    // why) when a file cannot be opened. Tests call it directly instead of going through the dialogs.
    CompareWindow *compareWith(const std::string &other, QString *error);

private:
    void chooseAndCompare();

    QWidget *m_window;
    QAction *m_compare;
    QPointer<Document> m_current;
    QList<QPointer<Document>> m_documents;
};

} // namespace hexmap
