#include "ui/analysis/analysisfeature.h"

#include "ui/analysis/checksumsdock.h"
#include "ui/analysis/informationdock.h"
#include "ui/document/document.h"
#include "ui/pane/documentpane.h"

#include <QAction>

namespace hexmap {

AnalysisFeature::AnalysisFeature(QWidget *window)
    : WindowFeature(window), m_checksums(new ChecksumsDock(nullptr, nullptr, window)),
      m_information(new InformationDock(nullptr, nullptr, nullptr, window))
{
    m_checksums->toggleViewAction()->setText(tr("&Checksums"));
    m_checksums->toggleViewAction()->setObjectName(QStringLiteral("viewChecksums"));
    m_information->toggleViewAction()->setText(tr("&Information"));
    m_information->toggleViewAction()->setObjectName(QStringLiteral("viewInformation"));
}

QList<FeatureDock> AnalysisFeature::featureDocks() const
{
    return {{m_information, Qt::RightDockWidgetArea, false, 20}, {m_checksums, Qt::RightDockWidgetArea, false, 21}};
}

void AnalysisFeature::setCurrent(Document *document, DocumentPane *pane)
{
    HexView *view = pane ? pane->view() : nullptr;
    EditSession *session = document ? document->session() : nullptr;
    m_checksums->setTarget(view, session);
    m_information->setTarget(view, session, pane ? pane->map() : nullptr);
}

} // namespace hexmap
