#pragma once

#include <QFont>
#include <QObject>
#include <QString>

#include <cstdint>

namespace hexmap {

// The user's preferences, stored in QSettings (the application's default settings) under the keys below, with
// validation: an invalid stored value reads as the default. Setters write through immediately and emit the
// matching signal only when the value really changed, so views can apply changes live. Several instances see
// the same values (getters read QSettings); only the instance whose setter ran emits. bytesPerRow and groupSize
// share their keys with the View menu (MainWindow). Thread: GUI thread only.
class Preferences : public QObject {
    Q_OBJECT
public:
    enum class Theme { System, Light, Dark };

    explicit Preferences(QObject *parent = nullptr);

    int bytesPerRow() const;          // 8, 16, 32 or 64; 0 = fit to width. Default 16.
    void setBytesPerRow(int value);   // other values are ignored
    int groupSize() const;            // 1, 2, 4 or 8. Default 1.
    void setGroupSize(int value);     // other values are ignored
    QFont font() const;               // the hex view's font; default: the system's fixed font
    void setFont(const QFont &font);  // family and point size are stored
    void resetFont();                 // back to the system's fixed font
    Theme theme() const;              // default System
    void setTheme(Theme theme);
    int jobThreads() const;           // 1..MaxJobThreads; 0 = automatic (the job dialog's own default). Default 0.
    void setJobThreads(int threads);  // clamped to 0..MaxJobThreads
    std::uint64_t jobChunkSize() const;           // bytes; 0 = the operation's default. Default 0.
    void setJobChunkSize(std::uint64_t bytes);    // 0 or 64 KiB..1 GiB, other values are ignored
    bool confirmJobs() const;                     // ask before a job writes. Default true.
    void setConfirmJobs(bool confirm);
    bool restoreSession() const;                  // reopen the files of the last session on start. Default false.
    void setRestoreSession(bool restore);

    static constexpr int MaxJobThreads = 64;
    static constexpr std::uint64_t MinChunkSize = 64 * 1024;
    static constexpr std::uint64_t MaxChunkSize = 1024 * 1024 * 1024;
    static QString themeName(Theme theme); // "system", "light", "dark" (the stored form)

signals:
    void bytesPerRowChanged(int bytesPerRow);
    void groupSizeChanged(int groupSize);
    void fontChanged(const QFont &font);
    void themeChanged(hexmap::Preferences::Theme theme);
    void jobThreadsChanged(int threads);
    void jobChunkSizeChanged(std::uint64_t bytes);
    void confirmJobsChanged(bool confirm);
    void restoreSessionChanged(bool restore);
};

} // namespace hexmap
