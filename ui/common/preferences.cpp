#include "ui/common/preferences.h"

#include <QFontDatabase>
#include <QSettings>

#include <algorithm>

namespace hexmap {

namespace {

const QString BytesPerRowKey = QStringLiteral("view/bytesPerRow");
const QString GroupSizeKey = QStringLiteral("view/groupSize");
const QString FontFamilyKey = QStringLiteral("view/fontFamily");
const QString FontSizeKey = QStringLiteral("view/fontPointSize");
const QString ThemeKey = QStringLiteral("view/theme");
const QString ThreadsKey = QStringLiteral("jobs/threads");
const QString ChunkKey = QStringLiteral("jobs/chunkSize");
const QString ConfirmKey = QStringLiteral("jobs/confirm");
const QString RestoreSessionKey = QStringLiteral("session/restore");

bool validBytesPerRow(int v) { return v == 0 || v == 8 || v == 16 || v == 32 || v == 64; }
bool validGroupSize(int v) { return v == 1 || v == 2 || v == 4 || v == 8; }
bool validChunk(std::uint64_t v)
{
    return v == 0 || (v >= Preferences::MinChunkSize && v <= Preferences::MaxChunkSize);
}

} // namespace

Preferences::Preferences(QObject *parent) : QObject(parent) {}

int Preferences::bytesPerRow() const
{
    bool ok = false;
    const int v = QSettings().value(BytesPerRowKey, 16).toInt(&ok);
    return ok && validBytesPerRow(v) ? v : 16;
}

void Preferences::setBytesPerRow(int value)
{
    if (!validBytesPerRow(value) || value == bytesPerRow())
        return;
    QSettings().setValue(BytesPerRowKey, value);
    emit bytesPerRowChanged(value);
}

int Preferences::groupSize() const
{
    bool ok = false;
    const int v = QSettings().value(GroupSizeKey, 1).toInt(&ok);
    return ok && validGroupSize(v) ? v : 1;
}

void Preferences::setGroupSize(int value)
{
    if (!validGroupSize(value) || value == groupSize())
        return;
    QSettings().setValue(GroupSizeKey, value);
    emit groupSizeChanged(value);
}

QFont Preferences::font() const
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const QSettings settings;
    const QString family = settings.value(FontFamilyKey).toString();
    if (!family.isEmpty())
        font.setFamily(family);
    bool ok = false;
    const double size = settings.value(FontSizeKey).toDouble(&ok);
    if (ok && size >= 4.0 && size <= 96.0)
        font.setPointSizeF(size);
    return font;
}

void Preferences::setFont(const QFont &font)
{
    const QFont before = this->font();
    if (font.family() == before.family() && font.pointSizeF() == before.pointSizeF())
        return;
    QSettings settings;
    settings.setValue(FontFamilyKey, font.family());
    if (font.pointSizeF() > 0)
        settings.setValue(FontSizeKey, font.pointSizeF());
    emit fontChanged(this->font());
}

void Preferences::resetFont()
{
    const QFont before = font();
    QSettings settings;
    settings.remove(FontFamilyKey);
    settings.remove(FontSizeKey);
    const QFont after = font();
    if (after.family() != before.family() || after.pointSizeF() != before.pointSizeF())
        emit fontChanged(after);
}

QString Preferences::themeName(Theme theme)
{
    switch (theme) {
    case Theme::Light: return QStringLiteral("light");
    case Theme::Dark: return QStringLiteral("dark");
    case Theme::System: break;
    }
    return QStringLiteral("system");
}

Preferences::Theme Preferences::theme() const
{
    const QString name = QSettings().value(ThemeKey).toString();
    for (Theme t : {Theme::Light, Theme::Dark})
        if (name == themeName(t))
            return t;
    return Theme::System;
}

void Preferences::setTheme(Theme value)
{
    if (value == theme())
        return;
    QSettings().setValue(ThemeKey, themeName(value));
    emit themeChanged(value);
}

int Preferences::jobThreads() const
{
    bool ok = false;
    const int v = QSettings().value(ThreadsKey, 0).toInt(&ok);
    return ok && v >= 0 && v <= MaxJobThreads ? v : 0;
}

void Preferences::setJobThreads(int threads)
{
    threads = std::clamp(threads, 0, MaxJobThreads);
    if (threads == jobThreads())
        return;
    QSettings().setValue(ThreadsKey, threads);
    emit jobThreadsChanged(threads);
}

std::uint64_t Preferences::jobChunkSize() const
{
    bool ok = false;
    const qulonglong v = QSettings().value(ChunkKey, 0).toULongLong(&ok);
    return ok && validChunk(v) ? v : 0;
}

void Preferences::setJobChunkSize(std::uint64_t bytes)
{
    if (!validChunk(bytes) || bytes == jobChunkSize())
        return;
    QSettings().setValue(ChunkKey, QVariant::fromValue<qulonglong>(bytes));
    emit jobChunkSizeChanged(bytes);
}

bool Preferences::confirmJobs() const
{
    return QSettings().value(ConfirmKey, true).toBool();
}

void Preferences::setConfirmJobs(bool confirm)
{
    if (confirm == confirmJobs())
        return;
    QSettings().setValue(ConfirmKey, confirm);
    emit confirmJobsChanged(confirm);
}

bool Preferences::restoreSession() const
{
    return QSettings().value(RestoreSessionKey, false).toBool();
}

void Preferences::setRestoreSession(bool restore)
{
    if (restore == restoreSession())
        return;
    QSettings().setValue(RestoreSessionKey, restore);
    emit restoreSessionChanged(restore);
}

} // namespace hexmap
