#pragma once

// Labels that would show a literal '&' to the user: a QLabel draws "&Font:" as a mnemonic (underlined F) only when it
// has a buddy; without one the ampersand is painted as text. "&&" is an escaped ampersand and is fine.
#include <QLabel>
#include <QStringList>
#include <QWidget>

namespace labeltest {

inline bool hasMnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&'))
            continue;
        if (text[i + 1] != QLatin1Char('&'))
            return true;
        ++i; // "&&"
    }
    return false;
}

// The texts of the labels under `root` that have a mnemonic but no buddy (rich-text labels are left out).
inline QStringList labelsShowingAmpersands(const QWidget &root)
{
    QStringList out;
    for (const QLabel *label : root.findChildren<QLabel *>()) {
        if (label->textFormat() == Qt::RichText || !hasMnemonic(label->text()))
            continue;
        if (!label->buddy())
            out << label->text();
    }
    return out;
}

} // namespace labeltest
