#include "http/response_text.h"

#include <QTest>

using namespace mccig::server;

class ResponseTextTest final : public QObject {
    Q_OBJECT

private slots:
    void keptAliveResponseCarriesHeadersLengthAndBody()
    {
        HttpResponse response;
        response.status = 202;
        response.setHeader("Content-Type", "application/json");
        response.setHeader("RateLimit-Remaining", "7");
        response.body = R"({"status":"accepted"})";
        QCOMPARE(responseText(response, true), std::string("HTTP/1.1 202 Accepted\r\n"
                                                           "Content-Type: application/json\r\n"
                                                           "RateLimit-Remaining: 7\r\n"
                                                           "Content-Length: 21\r\n"
                                                           "\r\n"
                                                           R"({"status":"accepted"})"));
    }

    void closingResponseSaysSo()
    {
        HttpResponse response;
        response.status = 429;
        response.setHeader("Retry-After", "2");
        QCOMPARE(responseText(response, false), std::string("HTTP/1.1 429 Too Many Requests\r\n"
                                                            "Retry-After: 2\r\n"
                                                            "Connection: close\r\n"
                                                            "Content-Length: 0\r\n"
                                                            "\r\n"));
    }

    void answerToHeadHasTheLengthOfTheBodyItLeavesOut()
    {
        HttpResponse response;
        response.status = 200;
        response.body = R"({"status":"ok"})";
        QCOMPARE(responseText(response, true, false), std::string("HTTP/1.1 200 OK\r\n"
                                                                  "Content-Length: 15\r\n"
                                                                  "\r\n"));
    }

    void noContentHasNoLength()
    {
        HttpResponse response;
        response.status = 204;
        QCOMPARE(responseText(response, true), std::string("HTTP/1.1 204 No Content\r\n\r\n"));
    }

    void unknownStatusStillHasAStatusLine()
    {
        HttpResponse response;
        response.status = 299;
        const auto text = responseText(response, true);
        QVERIFY2(text.starts_with("HTTP/1.1 299 "), text.c_str());
        QVERIFY(text.ends_with("Content-Length: 0\r\n\r\n"));
    }
};

QTEST_APPLESS_MAIN(ResponseTextTest)
#include "response_text_test.moc"
