#pragma once

// The JobDialog's widgets, found by their object names (JobDialog::ObjectName) as a user's tool would, so the
// production header exposes none of them. A missing widget fails the test at once (qFatal names it).
#include "ui/jobs/jobdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>

namespace jobdialogtest {

template <typename W>
W *child(const hexmap::JobDialog &dialog, const char *name)
{
    W *w = dialog.findChild<W *>(QLatin1String(name));
    if (!w)
        qFatal("JobDialog has no %s named \"%s\"", W::staticMetaObject.className(), name);
    return w;
}

using Name = hexmap::JobDialog::ObjectName;
inline QLineEdit *offsetEdit(const hexmap::JobDialog &d) { return child<QLineEdit>(d, Name::offset); }
inline QLineEdit *lengthEdit(const hexmap::JobDialog &d) { return child<QLineEdit>(d, Name::length); }
inline QLineEdit *valueEdit(const hexmap::JobDialog &d) { return child<QLineEdit>(d, Name::value); }
inline QComboBox *operationBox(const hexmap::JobDialog &d) { return child<QComboBox>(d, Name::operation); }
inline QComboBox *formatBox(const hexmap::JobDialog &d) { return child<QComboBox>(d, Name::format); }
inline QRadioButton *customRangeButton(const hexmap::JobDialog &d) { return child<QRadioButton>(d, Name::customRange); }
inline QSpinBox *threadsBox(const hexmap::JobDialog &d) { return child<QSpinBox>(d, Name::threads); }
inline QLineEdit *chunkEdit(const hexmap::JobDialog &d) { return child<QLineEdit>(d, Name::chunkSize); }
inline QLabel *summaryLabel(const hexmap::JobDialog &d) { return child<QLabel>(d, Name::summary); }
inline QLabel *previewLabel(const hexmap::JobDialog &d) { return child<QLabel>(d, Name::preview); }
inline QPushButton *okButton(const hexmap::JobDialog &d)
{
    QPushButton *ok = child<QDialogButtonBox>(d, Name::buttons)->button(QDialogButtonBox::Ok);
    if (!ok)
        qFatal("JobDialog has no OK button");
    return ok;
}

} // namespace jobdialogtest
