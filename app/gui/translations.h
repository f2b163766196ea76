#pragma once

#include <QLocale>
#include <QString>
#include <QTranslator>

namespace hexmap {

// Hexmap's own translation (embedded as :/hexmap/translations/hexmap_LANG.qm) and Qt's qtbase translation (from
// Qt's translations directory, when the distribution ships it) for one locale, QLocale::system() by default:
// on Unix that reads LC_ALL / LC_MESSAGES / LANG itself, so it works even when the locale is not generated.
// Loaded before the application object exists so that --help is translated too (text()); install() hands them
// to the application once it exists. Thread: the main thread only.
class Translations {
public:
    explicit Translations(const QLocale &locale = QLocale::system());

    bool hasAppTranslation() const { return !m_app.isEmpty(); }
    bool hasQtTranslation() const { return !m_qt.isEmpty(); }
    QString appTranslationFile() const { return m_app.filePath(); }

    // `source` translated in `context` (as QCoreApplication::translate would once install() ran); `source` itself
    // when there is no translation. Usable before the application object exists.
    QString text(const char *context, const char *source) const;

    // Installs both translators into the running application (call after constructing it).
    void install();

private:
    QTranslator m_app;
    QTranslator m_qt;
};

} // namespace hexmap
