#pragma once

#include <QFrame>

namespace mccig::console {

// One line of plain text that shrinks with its window: when the text does not
// fit it ends in "…" and the full text becomes the tooltip. Its minimum width
// is a few characters, so a long message (a German translation, an error)
// never makes the window wider than the screen. The text colour follows the
// palette (and so a style sheet's `color`). GUI thread only.
class ElidedLabel final : public QFrame {
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget* parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString& text);
    bool isElided() const;
    // Left (the default) or right; the text is always centred vertically.
    void setAlignment(Qt::Alignment alignment);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateElision();

    QString m_text;
    Qt::Alignment m_alignment = Qt::AlignLeft;
};

} // namespace mccig::console
