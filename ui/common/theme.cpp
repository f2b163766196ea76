#include "ui/common/theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

#include <algorithm>
#include <cmath>

namespace hexmap {

namespace {

struct Original {
    QString styleName;
    QPalette palette;
};

const Original &original()
{
    static const Original saved{QApplication::style() ? QApplication::style()->name() : QString(),
                                QApplication::palette()};
    return saved;
}

} // namespace

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(45, 45, 48));
    p.setColor(QPalette::WindowText, QColor(220, 220, 220));
    p.setColor(QPalette::Base, QColor(30, 30, 32));
    p.setColor(QPalette::AlternateBase, QColor(40, 40, 44));
    p.setColor(QPalette::Text, QColor(220, 220, 220));
    p.setColor(QPalette::Button, QColor(50, 50, 54));
    p.setColor(QPalette::ButtonText, QColor(220, 220, 220));
    p.setColor(QPalette::ToolTipBase, QColor(50, 50, 54));
    p.setColor(QPalette::ToolTipText, QColor(220, 220, 220));
    p.setColor(QPalette::Highlight, QColor(42, 130, 218));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(100, 170, 255)); // the default dark blue is unreadable on a dark base
    p.setColor(QPalette::LinkVisited, QColor(190, 140, 255));
    p.setColor(QPalette::PlaceholderText, QColor(140, 140, 140));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(120, 120, 120));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(120, 120, 120));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(120, 120, 120));
    return p;
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        const QColor rgb = c.toRgb();
        return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) + 0.0722 * channel(rgb.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor errorTextColor(const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Window);
    const bool dark = window.lightness() < palette.color(QPalette::WindowText).lightness();
    // The hue of the job colours' "dirty" orange; walked towards black (light window) or white (dark window) until it
    // reads as text.
    QColor c = dark ? QColor(0xFF, 0x8A, 0x50) : QColor(0xB3, 0x40, 0x00);
    for (int step = 0; step < 20 && contrastRatio(c, window) < 4.5; ++step)
        c = dark ? c.lighter(110) : c.darker(115);
    return c;
}

void applyTheme(Preferences::Theme theme)
{
    const Original &start = original();
    switch (theme) {
    case Preferences::Theme::System:
        if (!start.styleName.isEmpty())
            QApplication::setStyle(QStyleFactory::create(start.styleName));
        QApplication::setPalette(start.palette);
        return;
    case Preferences::Theme::Light:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    case Preferences::Theme::Dark:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        return;
    }
}

} // namespace hexmap
