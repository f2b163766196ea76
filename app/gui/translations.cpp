#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace hexmap {

Translations::Translations(const QLocale &locale)
{
    // Both fail quietly for a language without a translation (English, the source language, needs none).
    (void)m_app.load(locale, QStringLiteral("hexmap"), QStringLiteral("_"), QStringLiteral(":/hexmap/translations"));
    (void)m_qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                    QLibraryInfo::path(QLibraryInfo::TranslationsPath));
}

QString Translations::text(const char *context, const char *source) const
{
    const QString translated = m_app.translate(context, source);
    return translated.isEmpty() ? QString::fromUtf8(source) : translated;
}

void Translations::install()
{
    if (!m_qt.isEmpty())
        QCoreApplication::installTranslator(&m_qt);
    if (!m_app.isEmpty())
        QCoreApplication::installTranslator(&m_app);
}

} // namespace hexmap
