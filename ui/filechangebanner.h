#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace hexmap {

// A one-line warning strip for a file that changed under the view: a message ("FILE was truncated on disk to N
// bytes", "FILE changed on disk") with Reload and Close buttons. It only shows and reports clicks; the owner
// (FileChangeSupport) decides what they do. Thread: GUI thread only.
class FileChangeBanner : public QFrame {
    Q_OBJECT
public:
    explicit FileChangeBanner(QWidget *parent = nullptr);

    void setMessage(const QString &text, const QString &toolTip = {});
    QString message() const;
    QPushButton *reloadButton() const { return m_reload; }
    QPushButton *closeButton() const { return m_close; }

signals:
    void reloadRequested();
    void closeRequested();

private:
    QLabel *m_label;
    QPushButton *m_reload;
    QPushButton *m_close;
};

} // namespace hexmap
