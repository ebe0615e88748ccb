#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace mccig::console {

// Colours JSON keys, strings, numbers and literals, with a palette that
// reads on light and dark backgrounds alike.
class JsonHighlighter final : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit JsonHighlighter(QTextDocument* document);

    // Re-derives the colours from the palette (light or dark theme).
    void setDarkBackground(bool dark);

protected:
    void highlightBlock(const QString& text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
};

} // namespace mccig::console
