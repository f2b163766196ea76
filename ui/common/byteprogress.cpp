#include "ui/common/byteprogress.h"

#include <algorithm>

namespace hexmap {
namespace {

constexpr int kSteps = 1000;

} // namespace

void ByteProgress::start(QWidget *window, const QString &objectName, const QString &title, const QString &label)
{
    finish();
    auto *dialog = new QProgressDialog(label, QProgressDialog::tr("Cancel"), 0, kSteps, window);
    dialog->setObjectName(objectName);
    dialog->setWindowTitle(title);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setAutoClose(false);
    dialog->setAutoReset(false);
    dialog->setMinimumDuration(0); // at once: window-modal, so nothing else edits the file meanwhile
    dialog->setValue(0);
    m_dialog = dialog;
}

void ByteProgress::update(std::uint64_t done, std::uint64_t total, const QString &label)
{
    if (!m_dialog)
        return;
    const double fraction = total ? double(done) / double(total) : 0.0;
    m_dialog->setValue(std::clamp(int(fraction * kSteps), 0, kSteps - 1));
    m_dialog->setLabelText(label);
}

void ByteProgress::finish()
{
    if (!m_dialog)
        return;
    m_dialog->disconnect(); // its canceled() must not reach a runner that ended
    const bool wasActive = m_dialog->isActiveWindow();
    QWidget *window = m_dialog->parentWidget() ? m_dialog->parentWidget()->window() : nullptr;
    m_dialog->close();
    if (wasActive && window) // give the keyboard back to the window the user was working in (no window manager
        window->activateWindow(); // does that for us under Xvfb, and some do it late)
    m_dialog->deleteLater();
    m_dialog = nullptr;
}

} // namespace hexmap
