#include "ui/window/manualdialog.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace hexmap {
namespace {
const QString kResource = QStringLiteral(":/hexmap/docs/USAGE.md");
const QString kRelative = QStringLiteral("doc/hexmap/USAGE.md");
} // namespace

ManualDialog::ManualDialog(QWidget *parent) : QDialog(parent), m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("manualDialog"));
    setWindowTitle(tr("Hexmap Manual"));
    m_browser->setObjectName(QStringLiteral("manualBrowser"));
    m_browser->setOpenExternalLinks(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    layout->addWidget(buttons);
    resize(820, 640);

    m_source = locate(candidates());
    QFile file(m_source);
    if (!file.open(QIODevice::ReadOnly)) {
        m_browser->setPlainText(tr("The manual could not be read: %1 (%2)").arg(m_source, file.errorString()));
        return;
    }
    // Relative pictures (images/...) resolve against the manual's folder when it is an installed file.
    if (!m_source.startsWith(QLatin1Char(':')))
        m_browser->setSearchPaths({QFileInfo(m_source).absolutePath()});
    m_browser->setMarkdown(QString::fromUtf8(file.readAll()));
}

ManualDialog *ManualDialog::showFor(QWidget *parent)
{
    auto *dialog = parent->findChild<ManualDialog *>(QString(), Qt::FindDirectChildrenOnly);
    if (!dialog)
        dialog = new ManualDialog(parent);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

QStringList ManualDialog::candidates()
{
    QStringList out;
    // A relocatable install: PREFIX/bin/hexmap and PREFIX/share/doc/hexmap/USAGE.md.
    out << QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../share/") + kRelative);
    for (const QString &dir : QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation))
        out << QDir(dir).absoluteFilePath(kRelative);
    out.removeDuplicates();
    return out;
}

QString ManualDialog::locate(const QStringList &paths)
{
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isFile() && info.isReadable())
            return QDir::cleanPath(info.absoluteFilePath());
    }
    return kResource;
}

} // namespace hexmap
