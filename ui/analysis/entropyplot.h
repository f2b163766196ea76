#pragma once

#include "core/byterange.h"

#include <QWidget>

#include <cstdint>

namespace hexmap {

class EntropyPyramid;

// The entropy of the document from left (offset 0) to right as columns (height = bits per byte, 0-8; colour =
// byte class), each column sampled from the pyramid (O(1) cells a column at any width). A click or drag emits
// offsetClicked() with the first byte of the block under the mouse; a tooltip names the offset and entropy.
// Thread: GUI thread only. The pyramid must outlive the widget or be replaced by setPyramid(nullptr).
class EntropyPlot : public QWidget {
    Q_OBJECT
public:
    explicit EntropyPlot(QWidget *parent = nullptr);
    void setPyramid(const EntropyPyramid *pyramid);
    // The bytes drawn in column x (clamped); empty without data.
    ByteRange spanAt(int x) const;
    // The offset a click at x goes to: the start of the base block holding the column's first byte.
    std::uint64_t offsetAt(int x) const;
    void setMarker(std::uint64_t offset); // a vertical line at the cursor
    QSize sizeHint() const override { return {300, 110}; }

signals:
    void offsetClicked(std::uint64_t offset);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    const EntropyPyramid *m_pyramid = nullptr;
    std::uint64_t m_marker = 0;
};

} // namespace hexmap
