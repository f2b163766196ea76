#include "ui/find/findresultsdock.h"

#include "ui/find/findresultsmodel.h"

#include <QLabel>
#include <QListView>
#include <QVBoxLayout>

namespace hexmap {

FindResultsDock::FindResultsDock(QWidget *parent)
    : QDockWidget(tr("Find Results"), parent), m_model(new FindResultsModel(this))
{
    setObjectName(QStringLiteral("findResultsDock"));
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(2);
    m_summary = new QLabel(tr("No search yet"), box);
    m_list = new QListView(box);
    m_list->setObjectName(QStringLiteral("findResultsList"));
    m_list->setModel(m_model);
    m_list->setUniformItemSizes(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    setWidget(box);
    const auto activate = [this](const QModelIndex &index) {
        if (index.isValid())
            emit matchActivated(index.data(FindResultsModel::OffsetRole).toULongLong());
    };
    connect(m_list, &QListView::clicked, this, activate);
    connect(m_list, &QListView::activated, this, activate);
}

QString FindResultsDock::summary() const
{
    return m_summary->text();
}

void FindResultsDock::updateSummary(const QString &patternText)
{
    const auto count = static_cast<qulonglong>(m_model->offsets().size());
    QString text;
    if (m_model->isCapped())
        text = tr("First %1 matches of %2 (more exist)").arg(count).arg(patternText);
    else
        text = (count == 1 ? tr("1 match of %1").arg(patternText)
                           : tr("%1 matches of %2").arg(count).arg(patternText));
    m_summary->setText(text);
}

} // namespace hexmap
