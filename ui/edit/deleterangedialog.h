#pragma once

#include "ui/edit/deleterangemodel.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace hexmap {

// DeleteRangeDialog: Edit > Delete Range…: offset and length (by default the selection, else the cursor byte). The
// logic is in DeleteRangeModel; the dialog shows its errorText() inline (object name "deleteError") and keeps OK
// disabled until the range is valid. Object names: deleteOffset, deleteLength. Thread: GUI thread only.
class DeleteRangeDialog : public QDialog {
    Q_OBJECT
public:
    DeleteRangeDialog(const DeleteRangeModel &model, QWidget *parent = nullptr);
    const DeleteRangeModel &model() const { return m_model; }

private:
    void update();

    DeleteRangeModel m_model;
    QLineEdit *m_offset;
    QLineEdit *m_length;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace hexmap
