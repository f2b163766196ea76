#include "ui/find/findbar.h"

#include "ui/document/searchwatcher.h"
#include "ui/view/hexview.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>

#include <algorithm>
#include <memory>
#include <utility>

namespace hexmap {

FindBar::FindBar(HexView *view, QWidget *parent)
    : QWidget(parent), m_view(view), m_watcher(new SearchWatcher(this))
{
    setObjectName(QStringLiteral("findBar"));
    m_close = new QToolButton(this);
    m_close->setText(QStringLiteral("✕"));
    m_close->setToolTip(tr("Close the find bar (Esc)"));
    m_close->setAutoRaise(true);
    m_mode = new QComboBox(this);
    m_mode->addItem(tr("Hex"), int(Mode::Hex));
    m_mode->addItem(tr("Text"), int(Mode::Text));
    m_mode->addItem(tr("UTF-16"), int(Mode::Utf16));
    m_mode->setToolTip(tr("Hex bytes (?? = any byte), UTF-8 text, or UTF-16LE text"));
    m_pattern = new QLineEdit(this);
    m_pattern->setObjectName(QStringLiteral("findPattern"));
    m_pattern->setPlaceholderText(tr("DE AD ?? EF"));
    m_pattern->setClearButtonEnabled(true);
    m_pattern->setMinimumWidth(90);
    m_pattern->installEventFilter(this);
    // A toggle as in most editors' find bars ("Aa"), not a labelled check box: the first row then fits a narrow
    // window (issue 19, small windows). Alt+C as before.
    m_ignoreCase = new QToolButton(this);
    m_ignoreCase->setObjectName(QStringLiteral("findIgnoreCase"));
    m_ignoreCase->setText(QStringLiteral("Aa"));
    m_ignoreCase->setCheckable(true);
    m_ignoreCase->setAutoRaise(true);
    m_ignoreCase->setShortcut(QKeySequence(Qt::ALT | Qt::Key_C));
    m_ignoreCase->setToolTip(tr("Ignore case in text searches (Alt+C)"));
    m_ignoreCase->setAccessibleName(tr("Ignore case"));
    m_previous = new QPushButton(tr("&Previous"), this);
    m_next = new QPushButton(tr("&Next"), this);
    m_all = new QPushButton(tr("Find &All"), this);
    m_previous->setToolTip(tr("Find previous (Shift+F3)"));
    m_next->setToolTip(tr("Find next (F3)"));
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("findMessage"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // a long message is cut, never widens
    m_message->setMinimumWidth(0);
    for (QPushButton *b : {m_previous, m_next, m_all, m_cancel}) {
        b->setAutoDefault(false);
        b->setFocusPolicy(Qt::TabFocus);
        // The style's padding may go in a narrow window: the text itself stays whole.
        b->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
        b->setMinimumWidth(b->fontMetrics().horizontalAdvance(QString(b->text()).remove(QLatin1Char('&'))) + 14);
    }

    m_rows = new QBoxLayout(QBoxLayout::LeftToRight, this);
    m_rows->setContentsMargins(4, 3, 4, 3);
    m_rows->setSpacing(4);
    m_first = new QHBoxLayout;
    m_first->setSpacing(4);
    m_first->addWidget(m_close);
    m_first->addWidget(m_mode);
    m_first->addWidget(m_pattern, 1);
    m_first->addWidget(m_ignoreCase);
    m_second = new QHBoxLayout;
    m_second->setSpacing(4);
    m_second->addWidget(m_previous);
    m_second->addWidget(m_next);
    m_second->addWidget(m_all);
    m_second->addWidget(m_progress);
    m_second->addWidget(m_cancel);
    m_second->addWidget(m_message, 1);
    m_rows->addLayout(m_first, 2);
    m_rows->addLayout(m_second, 3);

    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        m_ignoreCase->setEnabled(mode() != Mode::Hex);
        m_pattern->setPlaceholderText(mode() == Mode::Hex ? tr("DE AD ?? EF") : tr("text"));
        validate();
    });
    connect(m_pattern, &QLineEdit::textChanged, this, &FindBar::validate);
    connect(m_ignoreCase, &QToolButton::toggled, this, &FindBar::validate);
    connect(m_pattern, &QLineEdit::returnPressed, this, &FindBar::findNext);
    connect(m_previous, &QPushButton::clicked, this, &FindBar::findPrevious);
    connect(m_next, &QPushButton::clicked, this, &FindBar::findNext);
    connect(m_all, &QPushButton::clicked, this, &FindBar::findAll);
    connect(m_cancel, &QPushButton::clicked, this, &FindBar::cancel);
    connect(m_watcher, &SearchWatcher::progressed, this, &FindBar::onProgress);
    connect(m_watcher, &SearchWatcher::foundHit, this, &FindBar::onHit);
    connect(m_watcher, &SearchWatcher::foundAll, this, &FindBar::onAll);
    connect(m_watcher, &SearchWatcher::failed, this, &FindBar::onFailed);
    m_ignoreCase->setEnabled(false);
    setSearching(false);
}

FindBar::~FindBar() = default;

QSize FindBar::minimumSizeHint() const
{
    const QMargins m = m_rows->contentsMargins();
    const int width = std::max(m_first->minimumSize().width(), m_second->minimumSize().width()) + m.left() + m.right();
    return {width, m_rows->minimumSize().height()};
}

bool FindBar::isOneRow() const { return m_rows->direction() == QBoxLayout::LeftToRight; }

void FindBar::arrangeRows(int width)
{
    const QMargins m = m_rows->contentsMargins();
    const bool one = FindBarModel::fitsOneRow(width, m_first->minimumSize().width(), m_second->minimumSize().width(),
                                              m_rows->spacing(), m.left() + m.right());
    if (one == isOneRow())
        return;
    m_rows->setDirection(one ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    updateGeometry(); // another height: the window's layout gives the bar its new row
}

void FindBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    arrangeRows(width());
}

void FindBar::activate()
{
    show();
    m_pattern->setFocus(Qt::ShortcutFocusReason);
    m_pattern->selectAll();
}

void FindBar::setMode(Mode mode)
{
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
}

FindBar::Mode FindBar::mode() const
{
    return static_cast<Mode>(m_mode->currentData().toInt());
}

void FindBar::setPatternText(const QString &text) { m_pattern->setText(text); }
QString FindBar::patternText() const { return m_pattern->text(); }
void FindBar::setIgnoreCase(bool ignore) { m_ignoreCase->setChecked(ignore); }
QString FindBar::message() const { return m_message->text(); }
bool FindBar::isSearching() const { return m_watcher->isRunning(); }

void FindBar::validate()
{
    const QString problem = FindBarModel::validationMessage(mode(), m_pattern->text(), m_ignoreCase->isChecked());
    setMessage(problem, !problem.isEmpty());
}

void FindBar::setMessage(const QString &text, bool error)
{
    m_error = error;
    m_message->setText(text);
    m_message->setToolTip(text); // the whole message where the bar is too narrow to show it
    m_pattern->setProperty("invalid", error);
    QPalette pal; // the application palette: no override when valid
    if (error) {
        pal = m_pattern->palette();
        pal.setColor(QPalette::Base, QColor(0xFF, 0xD6, 0xD6));
        pal.setColor(QPalette::Text, QColor(0x60, 0x00, 0x00));
    }
    m_pattern->setPalette(pal);
    QPalette labelPal = QPalette();
    if (error)
        labelPal.setColor(QPalette::WindowText, QColor(0xC0, 0x10, 0x10));
    m_message->setPalette(labelPal);
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        if (m_view)
            m_view->setFocus();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void FindBar::hideEvent(QHideEvent *event)
{
    m_watcher->cancel();
    QWidget::hideEvent(event);
    emit closed();
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_pattern && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ShiftModifier)) {
            findPrevious();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace hexmap
