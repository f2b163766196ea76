#include "ui/edit/inspectordock.h"

#include "ui/document/document.h"
#include "ui/common/compactheight.h"
#include "ui/edit/inspectortable.h"
#include "ui/edit/valueencoder.h"

#include <QCheckBox>
#include <QLabel>
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
    m_table = new InspectorTable(content);
    // Two rows at the least: the dock shrinks with a small window instead of making it taller (the table scrolls).
    m_table->setMinimumHeight(compactItemViewHeight(m_table, m_table->horizontalHeader(), 2));
    m_problem = new QLabel(content); // why the last edit was refused; hidden when there is nothing to say
    m_problem->setObjectName(QStringLiteral("inspectorProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->hide();
    layout->addWidget(m_offsetLabel);
    layout->addWidget(m_bigEndian);
    layout->addWidget(m_table);
    layout->addWidget(m_problem);
    setWidget(content);

    connect(m_bigEndian, &QCheckBox::toggled, this, &InspectorDock::refresh);
    connect(m_table, &QTableWidget::itemChanged, this, &InspectorDock::onItemChanged);
    connect(m_table, &InspectorTable::editRefused, this, &InspectorDock::onEditRefused);
    setDocument(document);
}

void InspectorDock::setDocument(Document *document)
{
    for (const auto &c : m_connections)
        disconnect(c);
    m_connections.clear();
    m_document = document;
    showProblem(QString());
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
    if (offset != m_offset)
        showProblem(QString()); // a refusal was about the old position
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
        hasFile && !session->needsShiftSave() && onDisk && *onDisk < m_document->fileSize()) // offsets = file offsets
        n = *onDisk > m_offset ? static_cast<std::size_t>(std::min<std::uint64_t>(n, *onDisk - m_offset)) : 0;
    const std::span<const std::byte> bytes(buffer.data(), n);
    m_offsetLabel->setText(hasFile ? tr("Offset %1").arg(ValueDecoder::offsetText(m_offset)) : tr("No file"));
    const bool editable = hasFile && m_document->isWritable();
    const QString readOnly = hasFile && !editable ? readOnlyText() : QString();
    for (int row = 0; row < ValueDecoder::kTypeCount; ++row) {
        const auto type = ValueDecoder::Type(row);
        const std::optional<QString> value = ValueDecoder::decode(type, bytes, endian());
        m_table->setValue(type, value.value_or(unavailableText()), value.has_value(), value && editable, readOnly);
    }
    m_table->viewport()->update();
}

QString InspectorDock::valueText(ValueDecoder::Type type) const { return m_table->valueText(type); }

QString InspectorDock::offsetText() const { return m_offsetLabel->text(); }

QString InspectorDock::problemText() const { return m_problem->text(); }

QString InspectorDock::readOnlyText()
{
    return tr("The file is read-only: use Edit > Enable Editing to change values");
}

void InspectorDock::showProblem(const QString &why)
{
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
}

void InspectorDock::refuse(const QString &why)
{
    showProblem(why);
    emit message(why);
}

bool InspectorDock::editValue(ValueDecoder::Type type, const QString &text)
{
    bool ok = false;
    if (!m_document || !m_document->isOpen()) {
        refuse(tr("No file is open"));
    } else if (!m_document->isWritable()) {
        refuse(readOnlyText());
    } else if (valueText(type) == unavailableText()) {
        refuse(tr("The %1 value runs past the end of the file").arg(ValueDecoder::name(type)));
    } else {
        QString error;
        const auto bytes = ValueEncoder::encode(type, text, endian(), &error);
        if (!bytes) {
            refuse(error);
        } else {
            // The session says why it refuses (to the status bar): show the same words here.
            EditSession *session = m_document->session();
            QString why;
            const auto c = connect(session, &EditSession::message, this, [&why](const QString &t) { why = t; });
            ok = session->writeBytes(m_offset, *bytes, EditCommand::Kind::Inspector);
            disconnect(c);
            showProblem(ok ? QString() : why);
        }
    }
    refresh(); // shows the value as it is now (the old one when refused)
    return ok;
}

void InspectorDock::onItemChanged(QTableWidgetItem *item)
{
    if (item->column() != 1)
        return;
    editValue(ValueDecoder::Type(item->row()), item->text());
}

void InspectorDock::onEditRefused(ValueDecoder::Type type)
{
    if (!m_document || !m_document->isOpen())
        refuse(tr("No file is open"));
    else if (valueText(type) == unavailableText())
        refuse(tr("The %1 value runs past the end of the file").arg(ValueDecoder::name(type)));
    else if (!m_document->isWritable())
        refuse(readOnlyText());
}

} // namespace hexmap
