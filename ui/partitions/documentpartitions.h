#pragma once

#include "core/partitiontable.h"
#include "ui/document/document.h"

#include <QObject>
#include <QPointer>

namespace hexmap {

class OverviewMap;

// DocumentPartitions: the partition table of one document's file as saved on disk (read through its mapping with
// readPartitionTable, never past the size on disk: a file cut by another program is read up to its new end), shown as named regions on the pane's overview map (its Partitions layer; extended MBR
// containers are left out there, their logicals shown). Read again when the document opens another file or
// reloads (fileReplaced), when the readable size changes, and when it becomes unmodified (after Save or Revert);
// unsaved edits and running jobs are not followed until then. Owned by its QObject parent (the pane).
// Thread: GUI thread only.
class DocumentPartitions : public QObject {
    Q_OBJECT
public:
    DocumentPartitions(Document *document, OverviewMap *map, QObject *parent = nullptr);

    const PartitionTable &table() const { return m_table; }
    Document *document() const { return m_document; }
    // Reads the table again now (the signals above call it).
    void refresh();

signals:
    void changed();

private:
    void updateMap();

    QPointer<Document> m_document;
    QPointer<OverviewMap> m_map;
    PartitionTable m_table;
};

} // namespace hexmap
