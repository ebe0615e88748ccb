#pragma once

#include <QStyledItemDelegate>

namespace mccig::console {

// Paints a cell as a bar filled to the ratio (0..1) the model gives in
// `ratioRole`, with the cell's text on top: token buckets at a glance.
class FillBarDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    FillBarDelegate(int ratioRole, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int m_ratioRole;
};

} // namespace mccig::console
