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
    m_items.clear();
    load();
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
    Bookmark b{offset, QStringLiteral("0x") + QString::number(offset, 16).toUpper(), Palette[m_items.size() % Palette.size()]};
    const auto at = std::lower_bound(m_items.begin(), m_items.end(), offset,
                                     [](const Bookmark &x, std::uint64_t o) { return x.offset < o; });
    m_items.insert(at, std::move(b));
    save();
    emit changed();
    return true;
}

void Bookmarks::rename(int index, const QString &name)
{
    if (index < 0 || index >= int(m_items.size()) || m_items[std::size_t(index)].name == name)
        return;
    m_items[std::size_t(index)].name = name;
    save();
    emit changed();
}

void Bookmarks::setColor(int index, const QColor &color)
{
    if (index < 0 || index >= int(m_items.size()) || !color.isValid())
        return;
    m_items[std::size_t(index)].color = color;
    save();
    emit changed();
}

int Bookmarks::remap(const std::function<std::optional<std::uint64_t>(std::uint64_t)> &newOffset)
{
    std::vector<Bookmark> kept;
    int dropped = 0;
    bool moved = false;
    for (Bookmark b : m_items) {
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
    m_items = std::move(kept);
    save();
    emit changed();
    return dropped;
}

int Bookmarks::shift(std::uint64_t offset, std::uint64_t removed, std::uint64_t inserted)
{
    const std::uint64_t end = offset + removed;
    std::vector<Bookmark> kept;
    int dropped = 0;
    bool moved = false;
    for (Bookmark b : m_items) {
        if (b.offset >= offset && b.offset < end) {
            ++dropped;
            continue;
        }
        if (b.offset >= end && inserted != removed) {
            b.offset = b.offset - removed + inserted; // stays sorted: every later bookmark moves by the same amount
            moved = true;
        }
        kept.push_back(std::move(b));
    }
    if (!moved && dropped == 0)
        return 0;
    m_items = std::move(kept);
    save();
    emit changed();
    return dropped;
}

void Bookmarks::remove(int index)
{
    if (index < 0 || index >= int(m_items.size()))
        return;
    m_items.erase(m_items.begin() + index);
    save();
    emit changed();
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
        if (!ok || indexOf(offset) >= 0)
            continue;
        const QColor color = QColor::fromString(o.value(QStringLiteral("color")).toString());
        m_items.push_back({offset, o.value(QStringLiteral("name")).toString(), color.isValid() ? color : Palette[0]});
    }
    std::sort(m_items.begin(), m_items.end(), [](const Bookmark &a, const Bookmark &b) { return a.offset < b.offset; });
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
    for (const Bookmark &b : m_items)
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
