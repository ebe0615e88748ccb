#include "playground/json_highlighter.h"

#include <QRegularExpression>

namespace mccig::console {

JsonHighlighter::JsonHighlighter(QTextDocument* document) : QSyntaxHighlighter(document)
{
    setDarkBackground(false);
}

void JsonHighlighter::setDarkBackground(bool dark)
{
    m_key.setForeground(dark ? QColor(0x79, 0xc0, 0xff) : QColor(0x05, 0x50, 0xae));
    m_key.setFontWeight(QFont::DemiBold);
    m_string.setForeground(dark ? QColor(0xa5, 0xd6, 0xff) : QColor(0x0a, 0x30, 0x69));
    m_number.setForeground(dark ? QColor(0xff, 0xa6, 0x57) : QColor(0x95, 0x38, 0x00));
    m_literal.setForeground(dark ? QColor(0xd2, 0xa8, 0xff) : QColor(0x82, 0x50, 0xdf));
    rehighlight();
}

void JsonHighlighter::highlightBlock(const QString& text)
{
    static const QRegularExpression kString(QStringLiteral(R"("(?:[^"\\]|\\.)*")"));
    static const QRegularExpression kNumber(QStringLiteral(R"(-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b)"));
    static const QRegularExpression kLiteral(QStringLiteral(R"(\b(?:true|false|null)\b)"));
    for (auto it = kNumber.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        setFormat(int(match.capturedStart()), int(match.capturedLength()), m_number);
    }
    for (auto it = kLiteral.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        setFormat(int(match.capturedStart()), int(match.capturedLength()), m_literal);
    }
    // Strings last, so digits inside them are not coloured as numbers.
    for (auto it = kString.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        const int end = int(match.capturedEnd());
        const bool isKey = text.indexOf(QRegularExpression(QStringLiteral("^\\s*:")), end) == end;
        setFormat(int(match.capturedStart()), int(match.capturedLength()), isKey ? m_key : m_string);
    }
}

} // namespace mccig::console
