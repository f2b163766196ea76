#pragma once

#include <QDialog>

#include <cstdint>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace hexmap {

// The "Go to offset" dialog: one line edit parsed live with parseGotoExpression(). Invalid input turns the line
// edit red, shows the reason below it and disables OK. Thread: GUI thread only.
class GotoDialog : public QDialog {
    Q_OBJECT
public:
    GotoDialog(std::uint64_t cursor, std::uint64_t fileSize, QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const;
    bool isInputValid() const { return m_valid; }
    std::uint64_t targetOffset() const { return m_target; } // meaningful when isInputValid()
    QString errorText() const;

protected:
    void changeEvent(QEvent *event) override; // PaletteChange: the error line's colour follows the theme

private:
    void validate();
    void applyErrorColour();

    std::uint64_t m_cursor;
    std::uint64_t m_fileSize;
    std::uint64_t m_target = 0;
    bool m_valid = false;
    QLineEdit *m_edit;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace hexmap
