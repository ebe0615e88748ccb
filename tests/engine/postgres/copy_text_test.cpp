#include "copy_text.h"

#include <QtTest>

#include <random>

using namespace mccig;

namespace {

// COPY's text escaping one byte at a time: the definition the fast path must match.
std::string escapedOneByOne(std::string_view value, char terminator)
{
    std::string out;
    for (const char c : value) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\t')
            out += "\\t";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else
            out += c;
    }
    return out + terminator;
}

std::string appended(std::string_view value, char terminator)
{
    std::string data = "before|";
    appendCopyField(data, value, terminator);
    return data.substr(7);
}

} // namespace

class CopyTextTest final : public QObject {
    Q_OBJECT

private slots:
    // Every byte value at every place around two eight-byte words.
    void everyByteAtEveryPlace()
    {
        for (int byte = 0; byte < 256; ++byte) {
            for (std::size_t place = 0; place < 18; ++place) {
                std::string value(18, 'a');
                value[place] = static_cast<char>(byte);
                QCOMPARE(appended(value, '\t'), escapedOneByOne(value, '\t'));
            }
        }
    }

    void mixedTextOfEveryLength()
    {
        const std::string alphabet = std::string("ab{}\":,\\\t\n\r\x01\x0e\x1f\x5b\x5d\x7f", 18) + "\xc3\xbc\xe2\x9c\x93";
        std::mt19937 random(20261126);
        std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
        for (std::size_t length = 0; length < 80; ++length) {
            for (int sample = 0; sample < 200; ++sample) {
                std::string value;
                for (std::size_t i = 0; i < length; ++i)
                    value += alphabet[pick(random)];
                QCOMPARE(appended(value, '\n'), escapedOneByOne(value, '\n'));
            }
        }
    }

    void emptyFieldIsItsTerminator() { QCOMPARE(appended("", '\n'), std::string("\n")); }
};

QTEST_GUILESS_MAIN(CopyTextTest)
#include "copy_text_test.moc"
