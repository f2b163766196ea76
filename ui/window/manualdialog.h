#pragma once

#include <QDialog>
#include <QStringList>

class QTextBrowser;

namespace hexmap {

// Help > Manual: docs/USAGE.md rendered in a window (QTextBrowser::setMarkdown). The text is the installed copy
// (share/doc/hexmap/USAGE.md next to the binary's prefix, then the system's data directories), so it matches the
// installed program and shows its pictures; without one (a build tree) the copy compiled into the program
// (:/hexmap/docs/USAGE.md). Links to other sections scroll; links to web pages open in the desktop's browser.
// Thread: GUI thread only.
class ManualDialog : public QDialog {
    Q_OBJECT
public:
    explicit ManualDialog(QWidget *parent = nullptr);

    // Shows the window's manual (one per parent, created on first use) and raises it.
    static ManualDialog *showFor(QWidget *parent);
    // Where an installed USAGE.md is looked for, in order.
    static QStringList candidates();
    // The first of `paths` that exists and is readable, else the compiled-in copy's resource path.
    static QString locate(const QStringList &paths);

    QTextBrowser *browser() const { return m_browser; }
    QString source() const { return m_source; } // the file shown

private:
    QTextBrowser *m_browser;
    QString m_source;
};

} // namespace hexmap
