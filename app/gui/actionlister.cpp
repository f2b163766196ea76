#include "actionlister.h"

#include <QAction>
#include <QGuiApplication>
#include <QKeySequence>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStringList>

namespace hexmap {

namespace {

QString plain(QString text)
{
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

void listMenu(const QMenu &menu, const QString &path, QStringList &lines)
{
    for (QAction *action : menu.actions()) {
        if (action->isSeparator())
            continue;
        const QString text = plain(action->text());
        if (QMenu *sub = action->menu()) {
            listMenu(*sub, path + QStringLiteral(" > ") + text, lines);
            continue;
        }
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys << key.toString(QKeySequence::NativeText);
        lines << path + QLatin1Char('\t') + text + QLatin1Char('\t') + keys.join(QStringLiteral(", "));
    }
}

} // namespace

QString listMenuActions(const QMainWindow &window)
{
    QStringList lines{QStringLiteral("# platform: ") + QGuiApplication::platformName()};
    for (QAction *top : window.menuBar()->actions()) {
        if (QMenu *menu = top->menu())
            listMenu(*menu, plain(menu->title()), lines);
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace hexmap
