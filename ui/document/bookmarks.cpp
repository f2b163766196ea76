#include "ui/document/bookmarks.h"

#include "ui/common/settingsguard.h"
#include "ui/common/storagecheck.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <array>

namespace hexmap {

namespace {

const std::array<QColor, 6> Palette = {QColor(0xe6, 0x9f, 0x00), QColor(0x56, 0xb4, 0xe9), QColor(0x00, 0x9e, 0x73),
                                       QColor(0xcc, 0x79, 0xa7), QColor(0xd5, 0x5e, 0x00), QColor(0x00, 0x72, 0xb2)};

// The storage file is never read if it could block (FIFO, device) and never written through a link or into a file
// that is not regular: the bookmarks are then kept for the session, with one warning.
void warnUnsafe(const QString &file, const StorageCheck &check)
{
    SettingsGuard::instance()->warnOnce(
        file, Bookmarks::tr("Bookmarks are kept for this session only: %1 %2.").arg(QDir::toNativeSeparators(file), check.reason));
}

} // namespace

Bookmarks::Bookmarks(QObject *parent) : QObject(parent) {}

std::vector<Bookmarks::PaletteColor> Bookmarks::palette()
{
    const std::array<QString, Palette.size()> names = {tr("Orange"),    tr("Sky blue"),  tr("Bluish green"),
                                                       tr("Reddish purple"), tr("Vermilion"), tr("Blue")};
    std::vector<PaletteColor> colors;
    for (std::size_t i = 0; i < Palette.size(); ++i)
        colors.push_back({Palette[i], names[i]});
    return colors;
}

QString Bookmarks::storagePath(const QString &canonicalPath)
{
    const QByteArray hash = QCryptographicHash::hash(canonicalPath.toUtf8(), QCryptographicHash::Sha1).toHex();
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("bookmarks/") + QString::fromLatin1(hash) + QStringLiteral(".json"));
}

void Bookmarks::setFile(const QString &canonicalPath)
{
    if (canonicalPath == m_path)
        return;
    m_path = canonicalPath;
    m_stored.clear();
    load();
    rebuild();
    emit changed();
}

void Bookmarks::setDocument(const PieceSnapshot &document)
{
    m_document = document;
    rebuild();
    emit changed();
}

bool Bookmarks::canMark(std::uint64_t offset) const
{
    return !m_document.isModified() || m_document.originalOffsetAt(offset).has_value();
}

void Bookmarks::rebuild()
{
    m_items.clear();
    m_storedIndex.clear();
    const bool edited = m_document.isModified();
    std::vector<std::pair<std::uint64_t, std::size_t>> shown; // (document offset, stored index)
    for (std::size_t i = 0; i < m_stored.size(); ++i) {
        const std::optional<std::uint64_t> at = edited ? m_document.mapOriginal(m_stored[i].offset)
                                                       : std::optional(m_stored[i].offset);
        if (at)
            shown.emplace_back(*at, i);
    }
    std::sort(shown.begin(), shown.end()); // edits never reorder file bytes; sorted anyway
    for (const auto &[at, i] : shown) {
        Bookmark b = m_stored[i];
        b.offset = at;
        m_items.push_back(std::move(b));
        m_storedIndex.push_back(i);
    }
}

void Bookmarks::storedChanged()
{
    save();
    rebuild();
    emit changed();
}

int Bookmarks::indexOf(std::uint64_t offset) const
{
    const auto it = std::find_if(m_items.begin(), m_items.end(), [&](const Bookmark &b) { return b.offset == offset; });
    return it == m_items.end() ? -1 : int(it - m_items.begin());
}

bool Bookmarks::toggle(std::uint64_t offset)
{
    if (m_path.isEmpty())
        return false;
    if (const int i = indexOf(offset); i >= 0) {
        remove(i);
        return false;
    }
    if (!canMark(offset))
        return false;
    const std::uint64_t inFile = m_document.isModified() ? *m_document.originalOffsetAt(offset) : offset;
    Bookmark b{inFile, QStringLiteral("0x") + QString::number(inFile, 16).toUpper(),
               Palette[m_stored.size() % Palette.size()]};
    const auto at = std::lower_bound(m_stored.begin(), m_stored.end(), inFile,
                                     [](const Bookmark &x, std::uint64_t o) { return x.offset < o; });
    m_stored.insert(at, std::move(b));
    storedChanged();
    return true;
}

void Bookmarks::rename(int index, const QString &name)
{
    if (index < 0 || index >= int(m_items.size()) || m_items[std::size_t(index)].name == name)
        return;
    m_stored[m_storedIndex[std::size_t(index)]].name = name;
    storedChanged();
}

void Bookmarks::setColor(int index, const QColor &color)
{
    if (index < 0 || index >= int(m_items.size()) || !color.isValid())
        return;
    m_stored[m_storedIndex[std::size_t(index)]].color = color;
    storedChanged();
}

int Bookmarks::remap(const std::function<std::optional<std::uint64_t>(std::uint64_t)> &newOffset)
{
    std::vector<Bookmark> kept;
    int dropped = 0;
    bool moved = false;
    for (Bookmark b : m_stored) {
        const std::optional<std::uint64_t> to = newOffset(b.offset);
        if (!to) {
            ++dropped;
            continue;
        }
        moved = moved || *to != b.offset;
        b.offset = *to;
        kept.push_back(std::move(b));
    }
    if (!moved && dropped == 0)
        return 0;
    std::sort(kept.begin(), kept.end(), [](const Bookmark &a, const Bookmark &b) { return a.offset < b.offset; });
    m_stored = std::move(kept);
    storedChanged();
    return dropped;
}

void Bookmarks::remove(int index)
{
    if (index < 0 || index >= int(m_items.size()))
        return;
    m_stored.erase(m_stored.begin() + std::ptrdiff_t(m_storedIndex[std::size_t(index)]));
    storedChanged();
}

void Bookmarks::load()
{
    if (m_path.isEmpty())
        return;
    const QString file = storagePath(m_path);
    const QByteArray native = QFile::encodeName(file);
    const StorageCheck check = checkStoragePath(native);
    std::optional<QByteArray> bytes;
    if (check.verdict == StorageCheck::Verdict::Regular)
        bytes = readRegularFile(native, false);
    else if (check.verdict == StorageCheck::Verdict::Unsafe) {
        warnUnsafe(file, check);
        if (check.symlinkToRegularFile)
            bytes = readRegularFile(native, true); // read what the link shows; never written back through it
    }
    if (!bytes)
        return; // none saved yet, or not readable without risk
    const QJsonObject root = QJsonDocument::fromJson(*bytes).object();
    for (const QJsonValue &v : root.value(QStringLiteral("bookmarks")).toArray()) {
        const QJsonObject o = v.toObject();
        bool ok = false;
        const qulonglong offset = o.value(QStringLiteral("offset")).toString().toULongLong(&ok);
        if (!ok || std::any_of(m_stored.begin(), m_stored.end(), [&](const Bookmark &b) { return b.offset == offset; }))
            continue;
        const QColor color = QColor::fromString(o.value(QStringLiteral("color")).toString());
        m_stored.push_back({offset, o.value(QStringLiteral("name")).toString(), color.isValid() ? color : Palette[0]});
    }
    std::sort(m_stored.begin(), m_stored.end(), [](const Bookmark &a, const Bookmark &b) { return a.offset < b.offset; });
}

void Bookmarks::save() const
{
    if (m_path.isEmpty())
        return;
    const QString target = storagePath(m_path);
    if (const StorageCheck check = checkStoragePath(QFile::encodeName(target)); !check.isSafe()) {
        warnUnsafe(target, check);
        return; // kept in memory for the session
    }
    if (const StorageCheck check = checkStorageDirectory(QFile::encodeName(QFileInfo(target).absolutePath()));
        !check.isSafe()) {
        warnUnsafe(QFileInfo(target).absolutePath(), check);
        return;
    }
    QDir().mkpath(QFileInfo(target).absolutePath());
    QJsonArray list;
    for (const Bookmark &b : m_stored)
        list.append(QJsonObject{{QStringLiteral("offset"), QString::number(b.offset)},
                                {QStringLiteral("name"), b.name},
                                {QStringLiteral("color"), b.color.name()}});
    QSaveFile f(target);
    if (!f.open(QIODevice::WriteOnly))
        return; // best effort: bookmarks are a convenience, the file itself is never touched
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("file"), m_path}, {QStringLiteral("bookmarks"), list}}).toJson());
    f.commit();
}

} // namespace hexmap
