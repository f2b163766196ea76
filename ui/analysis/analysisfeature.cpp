#include "ui/analysis/analysisfeature.h"

#include "ui/analysis/checksumsdock.h"
#include "ui/analysis/informationdock.h"

#include <QAction>
#include <QCoreApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>

namespace hexmap::AnalysisFeature {

Docks install(QMainWindow *window, HexView *view, EditSession *session, OverviewMap *map, QMenu *viewMenu)
{
    Docks docks;
    docks.checksums = new ChecksumsDock(view, session, window);
    docks.information = new InformationDock(view, session, map, window);
    window->addDockWidget(Qt::RightDockWidgetArea, docks.information);
    window->addDockWidget(Qt::RightDockWidgetArea, docks.checksums);
    window->tabifyDockWidget(docks.information, docks.checksums);
    docks.checksums->hide();
    docks.information->hide();
    if (!viewMenu) {
        const QString title = QCoreApplication::translate("hexmap::MainWindowActions", "&View");
        for (QAction *action : window->menuBar()->actions())
            if (action->menu() && action->text() == title)
                viewMenu = action->menu();
    }
    if (viewMenu) {
        viewMenu->addSeparator();
        QAction *checksums = docks.checksums->toggleViewAction();
        checksums->setText(QCoreApplication::translate("hexmap::AnalysisFeature", "&Checksums"));
        QAction *information = docks.information->toggleViewAction();
        information->setText(QCoreApplication::translate("hexmap::AnalysisFeature", "&Information"));
        viewMenu->addAction(checksums);
        viewMenu->addAction(information);
    }
    return docks;
}

} // namespace hexmap::AnalysisFeature
