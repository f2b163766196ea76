#pragma once

#include "core/blockdevice.h"
#include "core/jobspec.h"
#include "ui/jobs/jobdialogmodel.h"

#include <QDialog>

#include <optional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace hexmap {

// Edit > Fill… / Zero… / Pattern…: one dialog for the three write jobs. Range: the selection, the whole file or
// offset + length (any notation numberparser accepts); the byte or the pattern (hex or text) with a preview of
// the first bytes; threads; chunk size; "release space" (Zero); "sync when done". It states how many bytes will
// be overwritten and that a job cannot be undone; OK stays disabled while the input is invalid (the reason is
// shown), including when the range holds unsaved edits. All validation lives in JobDialogModel. When
// Preferences::confirmJobs is on, OK first asks JobConfirmation (naming the file given by setFileName); Cancel
// there returns to this dialog with its input kept. Threads and chunk size start at Preferences::jobThreads /
// jobChunkSize when those are set. Until the byte or pattern is typed the dialog shows a neutral hint, not an error.
// What was typed (value and format, offset and length, threads, chunk size, the check boxes, a typed range) is
// remembered for the rest of the session when the dialog closes, accepted or not, and the next dialog starts from it
// (a selection, when there is one, is still the range it starts with). Its widgets have stable object names (ObjectName below), which is how tests and
// accessibility tools find them. Thread: GUI thread only.
class JobDialog : public QDialog {
    Q_OBJECT
public:
    JobDialog(JobOperation op, std::uint64_t fileSize, ByteRange selection, QWidget *parent = nullptr);

    void setUnsavedEdits(std::vector<ByteRange> ranges);
    void setBusyRanges(std::vector<ByteRange> ranges);
    // The file's name as the confirmation shows it ("disk.img").
    void setFileName(const QString &name) { m_fileName = name; }
    QString fileName() const { return m_fileName; }
    // The file is this block device: OK always asks the device warning (DeviceEditWarning: the device, its mount
    // state; a device in use needs the second step), whatever Preferences::confirmJobs says; Zero offers
    // "Discard (TRIM) instead" (ZeroMode::ReleaseSpace) only where the device supports discard.
    void setDevice(const BlockDeviceInfo &device);
    const std::optional<BlockDeviceInfo> &device() const { return m_device; }
    const JobDialogModel &model() const { return m_model; }
    // The spec to run (valid after accept()).
    Result<JobSpec> spec() const { return m_model.spec(); }

    // The object names of the dialog's widgets (QObject::objectName).
    struct ObjectName {
        static constexpr const char *operation = "operation";
        static constexpr const char *selectionRange = "selectionRange";
        static constexpr const char *wholeFile = "wholeFile";
        static constexpr const char *customRange = "customRange";
        static constexpr const char *offset = "offset";
        static constexpr const char *length = "length";
        static constexpr const char *value = "value";
        static constexpr const char *format = "format";
        static constexpr const char *preview = "preview";
        static constexpr const char *threads = "threads";
        static constexpr const char *chunkSize = "chunkSize";
        static constexpr const char *releaseSpace = "releaseSpace";
        static constexpr const char *syncWhenDone = "syncWhenDone";
        static constexpr const char *summary = "summary";
        static constexpr const char *error = "error";
        static constexpr const char *buttons = "buttons";
    };

    // Forgets the inputs remembered from earlier dialogs of this session (for tests).
    static void forgetInputs();

public slots:
    // Closes the dialog as accepted when the input is valid and, with Preferences::confirmJobs on, the user
    // confirmed the overwrite; otherwise the dialog stays open.
    void accept() override;
    void done(int result) override; // remembers the inputs

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateErrorColor();
    void restoreInputs(bool hasSelection);
    void sync(); // widgets -> model -> labels and OK
    QPushButton *okButton() const;

    JobDialogModel m_model;
    QComboBox *m_operation = nullptr;
    QRadioButton *m_selection = nullptr;
    QRadioButton *m_whole = nullptr;
    QRadioButton *m_custom = nullptr;
    QLineEdit *m_offset = nullptr;
    QLineEdit *m_length = nullptr;
    QLabel *m_valueLabel = nullptr;
    QLineEdit *m_value = nullptr;
    QComboBox *m_format = nullptr;
    QLabel *m_preview = nullptr;
    QSpinBox *m_threads = nullptr;
    QLineEdit *m_chunk = nullptr;
    QCheckBox *m_release = nullptr;
    QCheckBox *m_syncDone = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QString m_fileName;
    std::optional<BlockDeviceInfo> m_device;
};

} // namespace hexmap
