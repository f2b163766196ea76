#include "ui/edit/inspectordock.h"

#include "ui/document/document.h"

#include <QCheckBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <array>
#include <cstddef>

namespace hexmap {

InspectorDock::InspectorDock(Document *document, QWidget *parent)
    : QDockWidget(tr("Data Inspector"), parent)
{
    setObjectName(QStringLiteral("inspectorDock"));
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    m_offsetLabel = new QLabel(content);
    m_offsetLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bigEndian = new QCheckBox(tr("Big endian"), content);
    m_bigEndian->setToolTip(tr("Decode multi-byte values most significant byte first"));
    m_table = new QTableWidget(ValueDecoder::kTypeCount, 2, content);
    m_table->setHorizontalHeaderLabels({tr("Type"), tr("Value")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    for (int row = 0; row < ValueDecoder::kTypeCount; ++row) {
        auto *name = new QTableWidgetItem(ValueDecoder::name(ValueDecoder::Type(row)));
        name->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(row, 0, name);
        m_table->setItem(row, 1, new QTableWidgetItem());
    }
    m_table->resizeRowsToContents();
    // Room for the longest values (a 20-digit uint64, a float64 in full) next to the type names.
    const int valueWidth = m_table->fontMetrics().horizontalAdvance(QStringLiteral("uint64 -9223372036854775808 "));
    m_table->setMinimumWidth(valueWidth + 24);
    layout->addWidget(m_offsetLabel);
    layout->addWidget(m_bigEndian);
    layout->addWidget(m_table);
    setWidget(content);

    connect(m_bigEndian, &QCheckBox::toggled, this, &InspectorDock::refresh);
    connect(m_table, &QTableWidget::itemChanged, this, &InspectorDock::onItemChanged);
    setDocument(document);
}

void InspectorDock::setDocument(Document *document)
{
    for (const auto &c : m_connections)
        disconnect(c);
    m_connections.clear();
    m_document = document;
    if (document) {
        m_connections << connect(document, &Document::bytesChanged, this, [this](ByteRange range) {
            if (range.overlaps({m_offset, 8}))
                refresh();
        });
        m_connections << connect(document, &Document::fileReplaced, this, &InspectorDock::refresh);
        m_connections << connect(document, &Document::closed, this, &InspectorDock::refresh);
        m_connections << connect(document, &Document::modeChanged, this, &InspectorDock::refresh);
        m_connections << connect(document, &QObject::destroyed, this, [this] { setDocument(nullptr); });
    }
    refresh();
}

QString InspectorDock::unavailableText() { return tr("unavailable"); }

void InspectorDock::setCursorOffset(std::uint64_t offset)
{
    m_offset = offset;
    refresh();
}

void InspectorDock::setEndian(ValueDecoder::Endian endian)
{
    m_bigEndian->setChecked(endian == ValueDecoder::Endian::Big);
}

ValueDecoder::Endian InspectorDock::endian() const
{
    return m_bigEndian->isChecked() ? ValueDecoder::Endian::Big : ValueDecoder::Endian::Little;
}

void InspectorDock::refresh()
{
    const QSignalBlocker blocker(m_table); // the texts set here are not edits
    std::array<std::byte, 8> buffer{};
    const bool hasFile = m_document && m_document->isOpen();
    EditSession *session = hasFile ? m_document->session() : nullptr;
    std::size_t n = hasFile ? session->readDisplayed(m_offset, buffer) : 0;
    // Bytes past the end on disk (another program truncated the file) are absent, not zeros: the mapping would only
    // give the SIGBUS guard's zero pages there. One fstat per refresh (cursor moves and edits, never per paint).
    if (const auto onDisk = hasFile ? m_document->file().sizeOnDisk() : Result<std::uint64_t>(std::uint64_t(0));
        hasFile && onDisk && *onDisk < m_document->size())
        n = *onDisk > m_offset ? static_cast<std::size_t>(std::min<std::uint64_t>(n, *onDisk - m_offset)) : 0;
    const std::span<const std::byte> bytes(buffer.data(), n);
    m_offsetLabel->setText(hasFile ? tr("Offset %1").arg(ValueDecoder::offsetText(m_offset)) : tr("No file"));
    for (int row = 0; row < ValueDecoder::kTypeCount; ++row) {
        const auto type = ValueDecoder::Type(row);
        const std::optional<QString> value = ValueDecoder::decode(type, bytes, endian());
        QTableWidgetItem *item = m_table->item(row, 1);
        item->setText(value.value_or(unavailableText()));
        // A value takes the table's Text colour when painted (no colour stored in the item), so it follows a theme
        // change; "unavailable" is dimmed with the PlaceholderText of the palette now, set again on PaletteChange.
        if (value)
            item->setData(Qt::ForegroundRole, QVariant());
        else
            item->setForeground(palette().color(QPalette::PlaceholderText));
        Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
        if (value && hasFile && m_document->isWritable())
            flags |= Qt::ItemIsEditable;
        item->setFlags(flags);
        item->setToolTip(value ? QString() : tr("The value runs past the end of the file"));
    }
    m_table->viewport()->update();
}

QString InspectorDock::valueText(ValueDecoder::Type type) const { return m_table->item(int(type), 1)->text(); }

QString InspectorDock::offsetText() const { return m_offsetLabel->text(); }

bool InspectorDock::editValue(ValueDecoder::Type type, const QString &text)
{
    bool ok = false;
    if (!m_document) {
        emit message(tr("No file is open"));
    } else if (!m_document->session()->checkEditable()) {
        // checkEditable said why
    } else if (valueText(type) == unavailableText()) {
        emit message(tr("The %1 value runs past the end of the file").arg(ValueDecoder::name(type)));
    } else {
        QString error;
        const auto bytes = ValueDecoder::encode(type, text, endian(), &error);
        if (!bytes)
            emit message(error);
        else
            ok = m_document->session()->writeBytes(m_offset, *bytes, OverwriteCommand::Kind::Inspector);
    }
    refresh(); // shows the value as it is now (the old one when refused)
    return ok;
}

void InspectorDock::changeEvent(QEvent *event)
{
    QDockWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_table) // not while the constructor runs
        refresh();
}

void InspectorDock::onItemChanged(QTableWidgetItem *item)
{
    if (item->column() != 1)
        return;
    editValue(ValueDecoder::Type(item->row()), item->text());
}

} // namespace hexmap
