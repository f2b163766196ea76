#include "ui/compare/comparefeature.h"

#include "ui/compare/comparewindow.h"

#include "ui/document/document.h"
#include "ui/document/editsession.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>

#include <filesystem>

namespace hexmap {

CompareFeature::CompareFeature(QWidget *window)
    : WindowFeature(window), m_window(window), m_compare(new QAction(tr("Compare &With…"), this))
{
    m_compare->setObjectName(QStringLiteral("compareWithAction"));
    m_compare->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_compare->setStatusTip(tr("Compare this file with another file or open tab, side by side"));
    m_compare->setEnabled(false);
    connect(m_compare, &QAction::triggered, this, &CompareFeature::chooseAndCompare);
}

QList<FeatureAction> CompareFeature::featureActions() const
{
    using P = ActionPlace;
    return {{m_compare, {P::Menu::File, P::FileOpen, 5}}};
}

void CompareFeature::setCurrent(Document *document, DocumentPane *)
{
    m_current = document;
    m_compare->setEnabled(document && document->isOpen());
}

void CompareFeature::documentAdded(Document *document, DocumentPane *)
{
    m_documents.append(document);
}

void CompareFeature::documentRemoved(Document *document)
{
    m_documents.removeAll(document);
    m_documents.removeAll(nullptr);
}

void CompareFeature::chooseAndCompare()
{
    if (!m_current || !m_current->isOpen())
        return;
    QList<Document *> others;
    QStringList names;
    for (const QPointer<Document> &d : m_documents) {
        if (d && d != m_current && d->isOpen()) {
            others.append(d);
            names.append(d->displayPath());
        }
    }
    std::string other;
    const QString anotherFile = tr("Another file…");
    QString chosen = anotherFile;
    if (!others.isEmpty()) {
        bool ok = false;
        chosen = QInputDialog::getItem(m_window, tr("Compare With"),
                                       tr("Compare %1 with:").arg(m_current->fileName()), names + QStringList{anotherFile},
                                       0, false, &ok);
        if (!ok)
            return;
    }
    if (chosen == anotherFile) {
        const QString path = QFileDialog::getOpenFileName(m_window, tr("Compare %1 With").arg(m_current->fileName()));
        if (path.isEmpty())
            return;
        other = QFile::encodeName(path).toStdString();
    } else {
        other = others.at(names.indexOf(chosen))->nativePath().toStdString();
    }
    QString error;
    if (!compareWith(other, &error))
        QMessageBox::warning(m_window, tr("Compare With"), error);
}

CompareWindow *CompareFeature::compareWith(const std::string &other, QString *error)
{
    if (!m_current || !m_current->isOpen())
        return nullptr;
    // The documents of the current tab and of a tab showing the other file, as they are now.
    const auto editsOf = [](const Document *d) -> CompareTab {
        if (!d || !d->isOpen() || !d->session()->isModified())
            return {};
        return {d->session()->snapshot()};
    };
    const Document *otherTab = nullptr;
    for (const QPointer<Document> &d : m_documents)
        if (std::error_code ec; d && d != m_current && d->isOpen() &&
                                std::filesystem::equivalent(d->nativePath().toStdString(), other, ec))
            otherTab = d;
    CompareWindow *window = CompareWindow::open(m_current->nativePath().toStdString(), other, m_window, error,
                                                editsOf(m_current), editsOf(otherTab));
    if (!window) {
        emit statusMessage(*error);
        return nullptr;
    }
    window->show();
    return window;
}

} // namespace hexmap
