#include "ui/device/opendevicedialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace hexmap {

OpenDeviceDialog::OpenDeviceDialog(QWidget *parent)
    : QDialog(parent), m_model(new DeviceListModel(this)), m_view(new QTreeView(this)), m_state(new QLabel(this)),
      m_buttons(new QDialogButtonBox(this))
{
    setObjectName(QStringLiteral("openDeviceDialog"));
    setWindowTitle(tr("Open Device"));
    m_view->setObjectName(QStringLiteral("deviceList"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(true);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(true);
    m_state->setObjectName(QStringLiteral("deviceListState"));
    m_state->setWordWrap(true);
    m_state->setAlignment(Qt::AlignCenter);
    m_state->setTextFormat(Qt::PlainText);
    auto *hint = new QLabel(tr("The device opens read-only; Edit > Enable Editing asks before anything is written. "
                               "Opening a device usually needs root or membership of the 'disk' group."),
                            this);
    hint->setObjectName(QStringLiteral("deviceListHint"));
    hint->setWordWrap(true);
    m_open = m_buttons->addButton(tr("&Open"), QDialogButtonBox::AcceptRole);
    m_open->setObjectName(QStringLiteral("deviceOpen"));
    QPushButton *refreshButton = m_buttons->addButton(tr("&Refresh"), QDialogButtonBox::ResetRole);
    refreshButton->setObjectName(QStringLiteral("deviceRefresh"));
    m_buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(refreshButton, &QPushButton::clicked, this, &OpenDeviceDialog::refresh);
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (m_model->device(index))
            accept();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_view->expandAll();
        for (int c = 0; c < DeviceListModel::Mounted; ++c)
            m_view->resizeColumnToContents(c);
        sync();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &OpenDeviceDialog::sync);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_state, 1);
    layout->addWidget(hint);
    layout->addWidget(m_buttons);
    resize(760, 380);
    refresh();
}

void OpenDeviceDialog::refresh()
{
    const QString keep = selectedPath();
    auto devices = listBlockDevices();
    if (devices)
        m_model->setDevices(DeviceListModel::withoutEmpty(std::move(*devices))); // not the unattached loop devices
    else
        m_model->setError(tr("The block devices cannot be listed: %1").arg(QString::fromStdString(devices.message())));
    if (!keep.isEmpty())
        selectPath(keep);
}

QString OpenDeviceDialog::selectedPath() const
{
    const BlockDeviceInfo *device = m_model->device(m_view->currentIndex());
    return device && m_view->selectionModel()->isSelected(m_view->currentIndex())
        ? QString::fromStdString(device->path)
        : QString();
}

void OpenDeviceDialog::selectPath(const QString &path)
{
    const QModelIndex index = m_model->indexOfPath(path);
    if (index.isValid())
        m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                             | QItemSelectionModel::Rows);
    sync();
}

void OpenDeviceDialog::sync()
{
    const QString state = m_model->stateText();
    m_state->setText(state);
    m_state->setVisible(!state.isEmpty());
    m_view->setVisible(state.isEmpty());
    m_open->setEnabled(!selectedPath().isEmpty());
}

} // namespace hexmap
