#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QFontComboBox;
class QSpinBox;

namespace hexmap {

class Preferences;

// Edit > Preferences: bytes per row, grouping, font and size, colour theme, default job threads and chunk size,
// confirm before a job, reopen the last session's files on start. Every change is written to the Preferences model at once (which emits, so the window
// applies it live); there is nothing to accept or cancel, only Close. Thread: GUI thread only.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(Preferences *preferences, QWidget *parent = nullptr);

    void reload(); // shows the model's current values (e.g. after the View menu changed bytes per row)

    QComboBox *bytesPerRowBox() const { return m_bytesPerRow; }
    QComboBox *groupSizeBox() const { return m_groupSize; }
    QFontComboBox *fontBox() const { return m_font; }
    QSpinBox *fontSizeBox() const { return m_fontSize; }
    QComboBox *themeBox() const { return m_theme; }
    QSpinBox *threadsBox() const { return m_threads; }
    QComboBox *chunkSizeBox() const { return m_chunk; }
    QCheckBox *confirmJobsBox() const { return m_confirm; }

private:
    void applyFont();

    Preferences *m_preferences;
    QComboBox *m_bytesPerRow;
    QComboBox *m_groupSize;
    QFontComboBox *m_font;
    QSpinBox *m_fontSize;
    QComboBox *m_theme;
    QSpinBox *m_threads;
    QComboBox *m_chunk;
    QCheckBox *m_confirm;
    QCheckBox *m_restore;
    bool m_loading = false;
};

} // namespace hexmap
