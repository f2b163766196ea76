#pragma once
// Shared by the find bar tests: a small known file and a window with a view, a map and FindSupport.

#include "ui/hexviewtesthelpers.h"

#include "ui/find/findsupport.h"
#include "ui/view/hexview.h"
#include "ui/pane/overviewmap.h"

#include <QHBoxLayout>
#include <QMainWindow>
#include <QStatusBar>

namespace hexmap::testing {


// "hello" (68 65 6C 6C 6F) at 0 and 13; "HELLO" at 27; UTF-16LE "hi" (68 00 69 00) at 40. 48 bytes.
QByteArray sample()
{
    QByteArray b("hello world, hello hexmap, HELLO again");
    b.append(2, '\0');
    b.append("h\0i\0", 4);
    b.append(4, '\x7F');
    return b;
}

// A window like the main one: the view with the map beside it, FindSupport installed.
struct Window {
    QMainWindow window;
    HexView *view = nullptr;
    OverviewMap *map = nullptr;
    FindSupport *find = nullptr;
    QStringList status;

    explicit Window(const MappedFile &file)
    {
        auto *box = new QWidget(&window);
        auto *layout = new QHBoxLayout(box);
        view = new HexView(box);
        map = new OverviewMap(box);
        layout->addWidget(view, 1);
        layout->addWidget(map);
        window.setCentralWidget(box);
        find = new FindSupport(&window, view, map);
        find->install(nullptr);
        view->setFile(file);
        map->setFileSize(file.size());
        find->setFile(file);
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
