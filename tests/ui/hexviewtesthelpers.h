#pragma once

#include "core/mappedfile.h"
#include "ui/view/hexview.h"

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QMouseEvent>
#include <QStringList>
#include <QTest>

#include <cstdint>
#include <string>
#include <vector>

namespace hexmap {

// HexView's painted-text recorder, reached as a friend (HexView declares HexViewTestProbe): while recording, each
// paint keeps the text of every row it drew ("offset  hex  ascii"), so tests check what was painted, not a copy.
class HexViewTestProbe {
public:
    static void setRecording(HexView &view, bool record)
    {
        view.m_recordText = record;
        view.m_paintedRows.clear();
    }
    static QStringList paintedRows(const HexView &view) { return view.m_paintedRows; }
};

} // namespace hexmap

namespace hexmap::testing {

// While on, every paint of `view` records the text of the rows it drew (the last paint's rows are kept).
inline void recordPaintedText(HexView &view, bool record) { HexViewTestProbe::setRecording(view, record); }
inline QStringList paintedRowTexts(const HexView &view) { return HexViewTestProbe::paintedRows(view); }

// Writes bytes into dir/name and maps the file read-only.
inline MappedFile makeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    f.close();
    auto mapped = MappedFile::openReadOnly(path.toStdString());
    if (!mapped)
        qFatal("cannot map %s", qPrintable(path));
    return mapped.value();
}

// A sparse file of `size` bytes (ftruncate through QFile::resize), mapped read-only.
inline MappedFile makeSparseFile(const QString &path, std::uint64_t size)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || !f.resize(qint64(size)))
        qFatal("cannot create sparse %s", qPrintable(path));
    f.close();
    auto mapped = MappedFile::openReadOnly(path.toStdString());
    if (!mapped)
        qFatal("cannot map %s", qPrintable(path));
    return mapped.value();
}

inline QByteArray ramp(int size) // 00 01 02 ... FF 00 01 ...
{
    QByteArray b(size, '\0');
    for (int i = 0; i < size; ++i)
        b[i] = char(i & 0xFF);
    return b;
}

// Paints the viewport (synchronously) and returns the image; the view records the painted row texts.
inline QImage paint(HexView &view)
{
    recordPaintedText(view, true);
    return view.viewport()->grab().toImage();
}

inline void sendMouse(HexView &view, QEvent::Type type, QPointF pos, Qt::MouseButtons buttons,
                      Qt::KeyboardModifiers mods = Qt::NoModifier)
{
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent ev(type, pos, view.viewport()->mapToGlobal(pos), button, buttons, mods);
    QApplication::sendEvent(view.viewport(), &ev);
}

inline void click(HexView &view, QPointF pos, Qt::KeyboardModifiers mods = Qt::NoModifier)
{
    sendMouse(view, QEvent::MouseButtonPress, pos, Qt::LeftButton, mods);
    sendMouse(view, QEvent::MouseButtonRelease, pos, Qt::NoButton, mods);
}

// The most frequent colour of the pixels inside `rect`: a cell's background (its glyph's ink covers fewer pixels).
inline QRgb dominantColor(const QImage &image, QRectF rect)
{
    QHash<QRgb, int> counts;
    const QRect r = rect.toAlignedRect().intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            ++counts[image.pixel(x, y)];
    QRgb best = 0;
    int most = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() > most) {
            most = it.value();
            best = it.key();
        }
    return best;
}

} // namespace hexmap::testing
