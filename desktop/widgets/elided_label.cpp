#include "widgets/elided_label.h"

#include <QPainter>

namespace mccig::console {
namespace {

// Enough to show that there is a text and where to hover for it.
constexpr int kMinimumCharacters = 6;

} // namespace

ElidedLabel::ElidedLabel(QWidget* parent) : QFrame(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void ElidedLabel::setText(const QString& text)
{
    if (text == m_text)
        return;
    m_text = text;
    setAccessibleName(text);
    updateGeometry();
    updateElision();
    update();
}

void ElidedLabel::setAlignment(Qt::Alignment alignment)
{
    m_alignment = alignment & Qt::AlignHorizontal_Mask;
    update();
}

QSize ElidedLabel::sizeHint() const
{
    const QMargins margins = contentsMargins();
    return {fontMetrics().horizontalAdvance(m_text) + margins.left() + margins.right(),
            fontMetrics().height() + margins.top() + margins.bottom()};
}

QSize ElidedLabel::minimumSizeHint() const
{
    const int shortest = fontMetrics().averageCharWidth() * kMinimumCharacters;
    return {qMin(sizeHint().width(), shortest), sizeHint().height()};
}

void ElidedLabel::resizeEvent(QResizeEvent* event)
{
    QFrame::resizeEvent(event);
    updateElision();
}

bool ElidedLabel::isElided() const { return fontMetrics().horizontalAdvance(m_text) > contentsRect().width(); }

void ElidedLabel::updateElision() { setToolTip(isElided() ? m_text : QString()); }

void ElidedLabel::paintEvent(QPaintEvent* event)
{
    QFrame::paintEvent(event);
    QPainter painter(this);
    painter.setPen(palette().color(foregroundRole()));
    const QRect area = contentsRect();
    // One measure decides, the one sizeHint() uses: elidedText() measures a
    // little differently and would cut a text that was given its full width.
    const QString shown = isElided() ? fontMetrics().elidedText(m_text, Qt::ElideRight, area.width()) : m_text;
    painter.drawText(area, m_alignment | Qt::AlignVCenter, shown);
}

} // namespace mccig::console
