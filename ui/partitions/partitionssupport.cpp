#include "ui/partitions/partitionssupport.h"

#include "ui/partitions/documentpartitions.h"
#include "ui/partitions/partitionsdock.h"
#include "ui/pane/documentpane.h"

namespace hexmap {

PartitionsSupport::PartitionsSupport(QWidget *window) : WindowFeature(window), m_dock(new PartitionsDock(window)) {}

QList<FeatureDock> PartitionsSupport::featureDocks() const
{
    return {{m_dock, Qt::RightDockWidgetArea, false, 25}}; // hidden until the user opens it from View
}

void PartitionsSupport::documentAdded(Document *document, DocumentPane *pane)
{
    m_partitions.insert(document, new DocumentPartitions(document, pane->map(), pane));
}

void PartitionsSupport::documentRemoved(Document *document)
{
    // The pane owns the DocumentPartitions; forget it, and stop showing it.
    DocumentPartitions *partitions = m_partitions.take(document);
    if (partitions && m_dock->source() == partitions)
        m_dock->setSource(nullptr, nullptr);
}

void PartitionsSupport::setCurrent(Document *document, DocumentPane *pane)
{
    m_dock->setSource(document ? m_partitions.value(document) : nullptr, pane ? pane->view() : nullptr);
}

} // namespace hexmap
