#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace hexmap {

// A one-line warning strip for a file that changed under the view: a message ("FILE was truncated on disk to N
// bytes", "FILE changed on disk") with Reload and Close buttons, or - after a reload that had to drop unsaved
// edits - a notice saying so with only a Dismiss button. It only shows and reports clicks; the owner
// (FileChangeSupport) decides what they do. Thread: GUI thread only.
class FileChangeBanner : public QFrame {
    Q_OBJECT
public:
    explicit FileChangeBanner(QWidget *parent = nullptr);

    // A warning with Reload and Close File.
    void setMessage(const QString &text, const QString &toolTip = {});
    // A notice with Dismiss only.
    void setNotice(const QString &text, const QString &toolTip = {});
    QString message() const;
    bool isNotice() const;
    QPushButton *reloadButton() const { return m_reload; }
    QPushButton *closeButton() const { return m_close; }
    QPushButton *dismissButton() const { return m_dismiss; }

signals:
    void reloadRequested();
    void closeRequested();
    void dismissRequested();

private:
    void setText(const QString &text, const QString &toolTip, bool notice);

    QLabel *m_label;
    QPushButton *m_reload;
    QPushButton *m_close;
    QPushButton *m_dismiss;
};

} // namespace hexmap
