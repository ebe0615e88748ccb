#include "widgets/fill_bar_delegate.h"

#include <QPainter>

namespace mccig::console {

FillBarDelegate::FillBarDelegate(int ratioRole, QObject* parent) : QStyledItemDelegate(parent), m_ratioRole(ratioRole) {}

void FillBarDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const double ratio = qBound(0.0, index.data(m_ratioRole).toDouble(), 1.0);
    const QRect bar = option.rect.adjusted(3, 4, -3, -4);
    const QColor fill = ratio < 0.1 ? QColor(0xd3, 0x2f, 0x2f) : ratio < 0.5 ? QColor(0xf9, 0xa8, 0x25)
                                                                           : QColor(0x43, 0xa0, 0x47);
    painter->save();
    painter->setPen(option.palette.color(QPalette::Mid));
    painter->drawRect(bar);
    painter->fillRect(QRect(bar.topLeft(), QSize(int(bar.width() * ratio), bar.height())), fill);
    painter->setPen(option.palette.color(QPalette::Text));
    painter->drawText(bar, Qt::AlignCenter, index.data().toString());
    painter->restore();
}

} // namespace mccig::console
