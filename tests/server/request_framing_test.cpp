// RFC 9112 framing rules on a request's header alone (request_framing.h).
#include "http/request_framing.h"

#include <QTest>

using namespace mccig::server;

namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

HttpRequest head(std::string method, Headers headers)
{
    HttpRequest request;
    request.method = std::move(method);
    request.target = "/v1/ingest/sms";
    request.headers = std::move(headers);
    return request;
}

} // namespace

Q_DECLARE_METATYPE(Headers)

class RequestFramingTest final : public QObject {
    Q_OBJECT

private slots:
    void refusedFramingIs400AndCloses_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<Headers>("headers");
        QTest::newRow("chunked, identity") << "POST" << Headers{{"transfer-encoding", "chunked, identity"}};
        QTest::newRow("identity") << "POST" << Headers{{"transfer-encoding", "identity"}};
        QTest::newRow("xchunked") << "POST" << Headers{{"transfer-encoding", "xchunked"}};
        QTest::newRow("gzip, chunked") << "POST" << Headers{{"transfer-encoding", "gzip, chunked"}};
        QTest::newRow("two fields") << "POST"
                                    << Headers{{"transfer-encoding", "chunked"}, {"transfer-encoding", "chunked"}};
        QTest::newRow("chunked with length") << "POST"
                                             << Headers{{"transfer-encoding", "chunked"}, {"content-length", "4"}};
        QTest::newRow("lengths differ") << "POST" << Headers{{"content-length", "4"}, {"content-length", "5"}};
        QTest::newRow("authorization twice") << "POST" << Headers{{"authorization", "a"}, {"authorization", "a"}};
        QTest::newRow("x-api-key twice") << "POST" << Headers{{"x-api-key", "a"}, {"x-api-key", "b"}};
        QTest::newRow("content-type twice") << "POST" << Headers{{"content-type", "a"}, {"content-type", "a"}};
        QTest::newRow("host twice") << "POST" << Headers{{"host", "a"}, {"host", "b"}};
        QTest::newRow("GET with a length") << "GET" << Headers{{"content-length", "1"}};
        QTest::newRow("HEAD chunked") << "HEAD" << Headers{{"transfer-encoding", "chunked"}};
        QTest::newRow("DELETE with a length") << "DELETE" << Headers{{"content-length", "10"}};
    }

    void refusedFramingIs400AndCloses()
    {
        QFETCH(QString, method);
        QFETCH(Headers, headers);
        const auto refusal = framingRefusal(head(method.toStdString(), headers));
        QVERIFY(refusal.has_value());
        QCOMPARE(refusal->status, 400);
        QVERIFY(refusal->closeConnection);
    }

    void plainFramingPasses_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<Headers>("headers");
        QTest::newRow("length") << "POST" << Headers{{"content-length", "4"}};
        QTest::newRow("same length twice") << "POST" << Headers{{"content-length", "4"}, {"content-length", " 4"}};
        QTest::newRow("chunked, any case") << "POST" << Headers{{"transfer-encoding", " Chunked "}};
        QTest::newRow("GET, no body") << "GET" << Headers{{"host", "x"}, {"accept", "a"}, {"accept", "b"}};
        QTest::newRow("GET, length 0") << "GET" << Headers{{"content-length", "0"}};
        QTest::newRow("DELETE, no body") << "DELETE" << Headers{{"authorization", "Bearer k"}};
    }

    void plainFramingPasses()
    {
        QFETCH(QString, method);
        QFETCH(Headers, headers);
        QVERIFY(!framingRefusal(head(method.toStdString(), headers)).has_value());
    }
};

QTEST_GUILESS_MAIN(RequestFramingTest)
#include "request_framing_test.moc"
