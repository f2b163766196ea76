#include "ui/partitions/documentpartitions.h"

#include "core/numberparser.h"
#include "ui/document/document.h"
#include "ui/pane/overviewmap.h"

#include <algorithm>

namespace hexmap {

DocumentPartitions::DocumentPartitions(Document *document, OverviewMap *map, QObject *parent)
    : QObject(parent), m_document(document), m_map(map)
{
    connect(document, &Document::fileReplaced, this, &DocumentPartitions::refresh);
    connect(document, &Document::readableSizeChanged, this, &DocumentPartitions::refresh);
    connect(document, &Document::closed, this, &DocumentPartitions::refresh);
    connect(document, &Document::modifiedChanged, this, [this](bool modified) {
        if (!modified)
            refresh();
    });
    refresh();
}

void DocumentPartitions::refresh()
{
    if (m_document && m_document->isOpen()) {
        const MappedFile &file = m_document->file();
        const auto reader = [&file](std::uint64_t offset, std::span<std::byte> buffer) {
            return file.readAt(offset, buffer);
        };
        // Only the bytes still on disk: a page past the end of a file another program cut would fault (the SIGBUS
        // guard would flag the file truncated although nothing showed those bytes).
        const Result<std::uint64_t> onDisk = file.sizeOnDisk();
        const std::uint64_t readable = onDisk.ok() ? std::min(file.size(), onDisk.value()) : 0;
        m_table = readPartitionTable(reader, readable);
    } else {
        m_table = PartitionTable{};
    }
    updateMap();
    emit changed();
}

void DocumentPartitions::updateMap()
{
    if (!m_map)
        return;
    std::vector<MapRegion> regions;
    for (const Partition &p : m_table.partitions) {
        if (p.container)
            continue;
        const QString name = QString::fromUtf8(p.name);
        const QString type = QString::fromStdString(p.typeName);
        const QString size = QString::fromStdString(formatSize(p.range.size));
        MapRegion r;
        r.range = p.range;
        r.tag = QString::number(p.number);
        r.name = name;
        r.tooltip = name.isEmpty() ? tr("Partition %1 (%2), %3").arg(p.number).arg(type, size)
                                   : tr("Partition %1: %2 (%3), %4").arg(p.number).arg(name, type, size);
        regions.push_back(std::move(r));
    }
    m_map->setRegions(std::move(regions));
}

} // namespace hexmap
