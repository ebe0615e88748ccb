#include "http/router.h"
#include "ingest/api_key_registry.h"
#include "operations/ingest_metrics.h"

#include "json_compare.h"

#include <QTest>

#include <algorithm>

using namespace mccig;
using namespace mccig::server;

namespace {

HttpRequest requestFor(std::string method, std::string target)
{
    HttpRequest request;
    request.method = std::move(method);
    request.target = std::move(target);
    return request;
}

nlohmann::json bodyOf(const HttpResponse& response) { return nlohmann::json::parse(response.body); }

} // namespace

class RouterTest final : public QObject {
    Q_OBJECT

private slots:
    void literalRouteMatches()
    {
        Router router;
        int called = 0;
        router.add("GET", "/healthz", [&](HttpRequest&&, const RouteParams&, Respond) { ++called; });
        auto resolved = router.resolve(requestFor("GET", "/healthz"));
        QVERIFY(std::holds_alternative<Router::Match>(resolved));
        auto& match = std::get<Router::Match>(resolved);
        (*match.handler)(HttpRequest{}, match.params, [](HttpResponse) {});
        QCOMPARE(called, 1);
        QVERIFY(match.headCheck == nullptr);
        QVERIFY(match.deferredHeadCheck == nullptr);
    }

    void capturesAndQueryAreDecoded()
    {
        Router router;
        router.add("POST", "/v1/admin/dlq/{id}/replay", [](HttpRequest&&, const RouteParams&, Respond) {});
        auto resolved = router.resolve(requestFor("POST", "/v1/admin/dlq/ab%2Fc/replay?tenantId=acme&x=a+b%21&flag"));
        QVERIFY(std::holds_alternative<Router::Match>(resolved));
        const auto& params = std::get<Router::Match>(resolved).params;
        QCOMPARE(params.captures, (std::vector<std::string>{"ab/c"}));
        QCOMPARE(params.query.at("tenantId"), std::string("acme"));
        QCOMPARE(params.query.at("x"), std::string("a b!"));
        QCOMPARE(params.query.at("flag"), std::string());
    }

    void unknownPathIs404AndWrongMethodIs405()
    {
        Router router;
        router.add("POST", "/v1/ingest/sms", [](HttpRequest&&, const RouteParams&, Respond) {});
        router.add("PUT", "/v1/ingest/sms", [](HttpRequest&&, const RouteParams&, Respond) {});
        auto missing = router.resolve(requestFor("POST", "/v1/ingest/fax"));
        QVERIFY(std::holds_alternative<HttpResponse>(missing));
        QCOMPARE(std::get<HttpResponse>(missing).status, 404);
        QCOMPARE_JSON(bodyOf(std::get<HttpResponse>(missing)), (nlohmann::json{{"error", "not_found"}}));
        auto wrongMethod = router.resolve(requestFor("GET", "/v1/ingest/sms"));
        QCOMPARE(std::get<HttpResponse>(wrongMethod).status, 405);
        QCOMPARE_JSON(bodyOf(std::get<HttpResponse>(wrongMethod)), (nlohmann::json{{"error", "method_not_allowed"}}));
        QCOMPARE(std::get<HttpResponse>(wrongMethod).headers.front().second, std::string("application/json"));
        QVERIFY(std::ranges::find(std::get<HttpResponse>(wrongMethod).headers,
                                  std::pair<std::string, std::string>{"Allow", "POST, PUT"})
                != std::get<HttpResponse>(wrongMethod).headers.end());
    }

    void headIsServedWhereverGetIs()
    {
        Router router;
        int called = 0;
        router.add("GET", "/healthz", [&](HttpRequest&&, const RouteParams&, Respond) { ++called; });
        router.add("POST", "/v1/ingest/sms", [](HttpRequest&&, const RouteParams&, Respond) {});
        auto resolved = router.resolve(requestFor("HEAD", "/healthz"));
        QVERIFY(std::holds_alternative<Router::Match>(resolved));
        auto& match = std::get<Router::Match>(resolved);
        (*match.handler)(HttpRequest{}, match.params, [](HttpResponse) {});
        QCOMPARE(called, 1);
        const auto notOnPost = router.resolve(requestFor("HEAD", "/v1/ingest/sms"));
        QCOMPARE(std::get<HttpResponse>(notOnPost).status, 405);
        const auto onGetOnly = router.resolve(requestFor("DELETE", "/healthz"));
        QVERIFY(std::ranges::find(std::get<HttpResponse>(onGetOnly).headers,
                                  std::pair<std::string, std::string>{"Allow", "GET, HEAD"})
                != std::get<HttpResponse>(onGetOnly).headers.end());
    }

    void headChecksAreReturned()
    {
        Router router;
        router.add(
            "GET", "/a", [](HttpRequest&&, const RouteParams&, Respond) {},
            [](const HttpRequest&, const RouteParams&) -> std::optional<HttpResponse> { return std::nullopt; });
        router.addWithDeferredCheck(
            "POST", "/b", [](HttpRequest&&, const RouteParams&, Respond) {},
            [](HttpRequest&, const RouteParams&, Respond) { return true; });
        QVERIFY(std::get<Router::Match>(router.resolve(requestFor("GET", "/a"))).headCheck != nullptr);
        QVERIFY(std::get<Router::Match>(router.resolve(requestFor("POST", "/b"))).deferredHeadCheck != nullptr);
    }

    void headerLookupAndPathSplit()
    {
        HttpRequest request = requestFor("GET", "/x/y?z=1");
        request.headers = {{"content-type", "application/json"}, {"x-api-key", "k"}};
        QCOMPARE(request.header("x-api-key"), std::string_view("k"));
        QCOMPARE(request.header("authorization"), std::string_view());
        QCOMPARE(request.path(), std::string_view("/x/y"));
        QCOMPARE(request.query(), std::string_view("z=1"));
    }

    void apiKeysMapToTheirTenant()
    {
        const ApiKeyRegistry keys({{"acme", digestSecret("k-acme")}, {"globex", digestSecret("k-globex")}});
        QCOMPARE(keys.tenantForKey("k-globex"), std::optional<std::string>("globex"));
        QCOMPARE(keys.tenantForKey("k-acme"), std::optional<std::string>("acme"));
        QVERIFY(!keys.tenantForKey("k-other").has_value());
        QVERIFY(!keys.tenantForKey("").has_value());
    }

    void metricsTextHasCountersAndHistogram()
    {
        IngestMetrics metrics;
        metrics.record(Channel::Chat, IngestOutcome::Accepted, std::chrono::microseconds(700));
        metrics.record(Channel::Chat, IngestOutcome::Accepted, std::chrono::seconds(3));
        metrics.record(Channel::Voice, IngestOutcome::RateLimited, std::chrono::microseconds(100));
        QCOMPARE(metrics.count(Channel::Chat, IngestOutcome::Accepted), 2u);
        std::string text;
        metrics.appendTo(text);
        const QString exposition = QString::fromStdString(text);
        QVERIFY(exposition.contains("mccig_ingest_requests_total{channel=\"chat\",outcome=\"accepted\"} 2\n"));
        QVERIFY(exposition.contains("mccig_ingest_requests_total{channel=\"voice\",outcome=\"rate_limited\"} 1\n"));
        QVERIFY(exposition.contains("mccig_ingest_requests_total{channel=\"sms\",outcome=\"accepted\"} 0\n"));
        QVERIFY(exposition.contains("mccig_ingest_request_duration_seconds_bucket{le=\"0.0005\"} 1\n"));
        QVERIFY(exposition.contains("mccig_ingest_request_duration_seconds_bucket{le=\"0.001\"} 2\n"));
        QVERIFY(exposition.contains("mccig_ingest_request_duration_seconds_bucket{le=\"2.5\"} 2\n"));
        QVERIFY(exposition.contains("mccig_ingest_request_duration_seconds_bucket{le=\"+Inf\"} 3\n"));
        QVERIFY(exposition.contains("mccig_ingest_request_duration_seconds_count 3\n"));
        QVERIFY(exposition.contains("mccig_ingest_request_duration_seconds_sum 3.0008\n"));
    }
};

QTEST_GUILESS_MAIN(RouterTest)
#include "router_test.moc"
