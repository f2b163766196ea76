#pragma once

#include "ui/pane/windowfeature.h"

#include <QHash>

namespace hexmap {

class DocumentPartitions;
class PartitionsDock;

// PartitionsSupport: the partitions feature (issue 18): per document, a DocumentPartitions that reads the file's
// MBR or GPT and outlines the partitions on its pane's overview map; the Partitions dock (View > Partitions,
// hidden until opened) lists the current tab's partitions. Owned by the window (QObject parent).
// Thread: GUI thread only.
class PartitionsSupport : public WindowFeature {
    Q_OBJECT
public:
    explicit PartitionsSupport(QWidget *window);

    QList<FeatureDock> featureDocks() const override;
    void setCurrent(Document *document, DocumentPane *pane) override;
    void documentAdded(Document *document, DocumentPane *pane) override;
    void documentRemoved(Document *document) override;

    PartitionsDock *dock() const { return m_dock; }
    DocumentPartitions *partitionsOf(Document *document) const { return m_partitions.value(document); }

private:
    PartitionsDock *m_dock;
    QHash<Document *, DocumentPartitions *> m_partitions;
};

} // namespace hexmap
