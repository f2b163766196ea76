#include "ui/window/viewsettings.h"

#include "ui/pane/documentpane.h"
#include "ui/view/hexview.h"
#include "ui/window/documenttabs.h"
#include "ui/window/mainwindowactions.h"

#include <QAction>
#include <QActionGroup>
#include <QSettings>

namespace hexmap {
namespace {

const QString BytesPerRowKey = QStringLiteral("view/bytesPerRow");
const QString GroupSizeKey = QStringLiteral("view/groupSize");

} // namespace

ViewSettings::ViewSettings(MainWindowActions *actions, DocumentTabs *tabs, QObject *parent)
    : QObject(parent), m_actions(actions), m_tabs(tabs)
{
    connect(actions->bytesPerRow, &QActionGroup::triggered, this, [this](QAction *a) { setBytesPerRow(a->data().toInt()); });
    connect(actions->groupSize, &QActionGroup::triggered, this, [this](QAction *a) { setGroupSize(a->data().toInt()); });
}

void ViewSettings::apply(DocumentPane *pane)
{
    const QSettings settings;
    int bytesPerRow = settings.value(BytesPerRowKey, 16).toInt();
    if (bytesPerRow != 0 && bytesPerRow != 8 && bytesPerRow != 16 && bytesPerRow != 32 && bytesPerRow != 64)
        bytesPerRow = 16;
    int groupSize = settings.value(GroupSizeKey, 1).toInt();
    if (groupSize != 1 && groupSize != 2 && groupSize != 4 && groupSize != 8)
        groupSize = 1;
    pane->view()->setBytesPerRow(bytesPerRow);
    pane->view()->setGroupSize(groupSize);
    m_actions->checkBytesPerRow(bytesPerRow);
    m_actions->checkGroupSize(groupSize);
}

void ViewSettings::setBytesPerRow(int bytesPerRow)
{
    for (DocumentPane *pane : m_tabs->panes())
        pane->view()->setBytesPerRow(bytesPerRow);
    m_actions->checkBytesPerRow(bytesPerRow);
    QSettings().setValue(BytesPerRowKey, bytesPerRow);
}

void ViewSettings::setGroupSize(int groupSize)
{
    for (DocumentPane *pane : m_tabs->panes())
        pane->view()->setGroupSize(groupSize);
    m_actions->checkGroupSize(groupSize);
    QSettings().setValue(GroupSizeKey, groupSize);
}

} // namespace hexmap
