#pragma once

#include "ui/edit/insertbytesmodel.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace hexmap {

// InsertBytesDialog: Edit > Insert Bytes…: offset, then hex bytes or a fill byte / pattern with a count. The logic
// is in InsertBytesModel; the dialog shows its errorText() inline (object name "insertError") and keeps OK disabled
// until the model is valid. Object names: insertOffset, insertSource, insertHex, insertFillByte, insertPattern,
// insertCount. Thread: GUI thread only.
class InsertBytesDialog : public QDialog {
    Q_OBJECT
public:
    // Starts from `model` (what was typed last time, with the offset set by the caller).
    InsertBytesDialog(const InsertBytesModel &model, QWidget *parent = nullptr);
    const InsertBytesModel &model() const { return m_model; }

private:
    void update();

    InsertBytesModel m_model;
    QLineEdit *m_offset;
    QComboBox *m_source;
    QLineEdit *m_hex;
    QLineEdit *m_fillByte;
    QLineEdit *m_pattern;
    QLineEdit *m_count;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace hexmap
