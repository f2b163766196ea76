#pragma once
// Shared by the find bar tests: a small known file and a window with a view, a map and FindSupport.

#include "ui/hexviewtesthelpers.h"

#include "ui/document/document.h"
#include "ui/document/searchwatcher.h"
#include "ui/find/findbar.h"
#include "ui/find/findresultsdock.h"
#include "ui/find/findsupport.h"
#include "ui/pane/documentpane.h"
#include "ui/pane/overviewmap.h"
#include "ui/view/hexview.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QVBoxLayout>

#include <QMainWindow>
#include <QStatusBar>

namespace hexmap {

// FindBar's match cap, reached as a friend (FindBar declares FindBarTestProbe): a small cap reaches "capped" with a
// small file.
class FindBarTestProbe {
public:
    static void setMaxMatches(FindBar &bar, std::uint64_t cap) { bar.m_maxMatches = cap; }
};

} // namespace hexmap

namespace hexmap::testing {

// The bar's pattern field and its search watcher, found as a user's tool would (object name, child object).
inline QLineEdit *patternEdit(const FindBar *bar)
{
    auto *edit = bar->findChild<QLineEdit *>(QStringLiteral("findPattern"));
    if (!edit)
        qFatal("the find bar has no QLineEdit named findPattern");
    return edit;
}
inline SearchWatcher *watcher(const FindBar *bar)
{
    auto *w = bar->findChild<SearchWatcher *>();
    if (!w)
        qFatal("the find bar has no SearchWatcher");
    return w;
}
inline void setMaxMatches(FindBar *bar, std::uint64_t cap) { FindBarTestProbe::setMaxMatches(*bar, cap); }


// "hello" (68 65 6C 6C 6F) at 0 and 13; "HELLO" at 27; UTF-16LE "hi" (68 00 69 00) at 40. 48 bytes.
QByteArray sample()
{
    QByteArray b("hello world, hello hexmap, HELLO again");
    b.append(2, '\0');
    b.append("h\0i\0", 4);
    b.append(4, '\x7F');
    return b;
}

// A window like the main one: a document in a pane (the view with the map beside it), the find bar under it and the
// results dock, FindSupport following the document.
struct Window {
    QMainWindow window;
    Document *document = nullptr;
    DocumentPane *pane = nullptr;
    HexView *view = nullptr;
    OverviewMap *map = nullptr;
    FindSupport *find = nullptr;
    QStringList status;

    explicit Window(const MappedFile &file)
    {
        auto *box = new QWidget(&window);
        auto *layout = new QVBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        document = new Document(&window);
        pane = new DocumentPane(document, box);
        view = pane->view();
        map = pane->map();
        find = new FindSupport(&window);
        layout->addWidget(pane, 1);
        layout->addWidget(find->windowBar());
        window.setCentralWidget(box);
        window.addDockWidget(Qt::BottomDockWidgetArea, find->dock());
        find->dock()->hide();
        window.addActions({find->find, find->findNext, find->findPrevious});
        document->open(file);
        find->setCurrent(document, pane);
        QObject::connect(find, &FindSupport::statusMessage, &window, [this](const QString &m) {
            status << m;
            window.statusBar()->showMessage(m);
        });
        window.resize(1000, 600);
        window.show();
    }
    FindBar *bar() const { return find->bar(); }
};


} // namespace hexmap::testing
