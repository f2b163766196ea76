#pragma once

#include <QWidget>

#include <array>
#include <cstdint>

namespace hexmap {

// The byte histogram as 256 bars (value 0x00 at the left), on a logarithmic scale so rare values stay visible;
// the tooltip names the value under the mouse and its count. Painting costs O(256).
// Thread: GUI thread only.
class HistogramWidget : public QWidget {
    Q_OBJECT
public:
    explicit HistogramWidget(QWidget *parent = nullptr);
    void setHistogram(const std::array<std::uint64_t, 256> &counts);
    // The byte value drawn at x (0-255). Never fails (clamped).
    int valueAt(int x) const;
    QSize sizeHint() const override { return {300, 110}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    std::array<std::uint64_t, 256> m_counts{};
};

} // namespace hexmap
