// The embedded backend when its disk fills up at run time (issue 12): the
// server answers 503 and keeps serving, every message it answered 202 for is
// stored once space is back, and a message refused with 503 left no trace, so
// the provider's retry is accepted. The disk is an 8 MiB tmpfs mounted in the
// server's own mount namespace, filled up by a file the test removes later
// (through /proc/PID/root); nothing is mounted where the test runs.
#include "ingest_payloads.h"
#include "server_process.h"
#include "test_http_client.h"

#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace mccig::test;

namespace {

const std::string kApiKey = "key-full";
const QString kAdminKey = QStringLiteral("full-admin");
constexpr int kCannotMount = 77; // the child's exit code when it may not mount
constexpr int kFillerBytes = 6656 * 1024; // of the 8 MiB: leaves room for start-up and some traffic

// Runs in the server's child between fork and exec: system calls only.
void mountFullDisk(const char* mountPoint, const char* filler)
{
    if (unshare(CLONE_NEWNS) != 0 || mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0
        || mount("tmpfs", mountPoint, "tmpfs", 0, "size=8m") != 0)
        _exit(kCannotMount);
    const int fd = open(filler, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    static const char zeros[64 * 1024] = {};
    for (int written = 0; fd >= 0 && written < kFillerBytes; written += static_cast<int>(sizeof zeros))
        if (write(fd, zeros, sizeof zeros) != static_cast<ssize_t>(sizeof zeros))
            _exit(kCannotMount);
    close(fd);
}

int send(TestHttpClient& client, const std::string& providerMessageId)
{
    const auto reply = client.request("POST", "/v1/ingest/sms",
                                      {{"X-Api-Key", kApiKey}, {"Content-Type", "application/json"}},
                                      smsPayload(providerMessageId).dump());
    return reply ? reply->status : 0;
}

int readinessStatus(int port)
{
    TestHttpClient client(port);
    const auto reply = client.request("GET", "/readyz", {});
    return reply ? reply->status : 0;
}

long long storedCount(int port)
{
    TestHttpClient client(port);
    const auto reply = client.request("GET", "/v1/admin/events/count?tenantId=full",
                                      {{"Authorization", "Bearer " + kAdminKey.toStdString()}});
    if (!reply || reply->status != 200)
        return -1;
    return reply->json().value("count", -1LL);
}

} // namespace

class EmbeddedDiskFullTest final : public QObject {
    Q_OBJECT

private slots:
    void fullDiskAnswers503AndLosesNothing();
};

void EmbeddedDiskFullTest::fullDiskAnswers503AndLosesNothing()
{
    QTemporaryDir mountPoint;
    const QByteArray mountPath = mountPoint.path().toLocal8Bit();
    const QByteArray fillerPath = mountPath + "/filler";
    ServerProcess server;
    server.setUpChild([mountPath, fillerPath] { mountFullDisk(mountPath.constData(), fillerPath.constData()); });
    const bool started = server.start({"--data-dir", mountPoint.path() + "/data", "--api-keys",
                                       QString::fromStdString("full:" + kApiKey), "--admin-key", kAdminKey,
                                       "--rate-limit", "1000000:1000000"});
    if (!started && server.waitForExit(5000) == kCannotMount)
        QSKIP("this machine does not let the test mount a tmpfs in a mount namespace (needs CAP_SYS_ADMIN)");
    QVERIFY(started);

    // Send until the disk is full: a run of 503s after the 202s.
    TestHttpClient client(server.port());
    std::vector<std::string> accepted;
    std::vector<std::string> refused;
    for (int i = 0; i < 40000 && refused.size() < 50; ++i) {
        const std::string id = "full-" + std::to_string(i);
        const int status = send(client, id);
        QVERIFY2(status == 202 || status == 503, std::to_string(status).c_str());
        (status == 202 ? accepted : refused).push_back(id);
    }
    QVERIFY2(refused.size() == 50, "the disk never filled up");
    QVERIFY(!accepted.empty());
    QVERIFY(server.running());

    // Space is back: what got a 202 is stored, and the refused ones left no record.
    const auto filler = "/proc/" + std::to_string(server.processId()) + "/root" + fillerPath.toStdString();
    QVERIFY2(std::filesystem::remove(filler), filler.c_str());
    QTRY_COMPARE_WITH_TIMEOUT(storedCount(server.port()), static_cast<long long>(accepted.size()), 60000);
    // Ready again (the probe's one-row write may have found room in the WAL
    // even while the disk was full, so only this side is certain).
    QTRY_COMPARE_WITH_TIMEOUT(readinessStatus(server.port()), 200, 15000);
    // A refused message left no trace: its retry is new (202, never 200). The
    // first retries may still meet the last of the full disk (503), as a
    // provider's retries would.
    for (const auto& id : refused) {
        int status = send(client, id);
        for (int retry = 0; retry < 100 && status == 503; ++retry) {
            QTest::qWait(100);
            status = send(client, id);
        }
        QCOMPARE(status, 202);
    }
    QCOMPARE(send(client, accepted.front()), 200);
    QTRY_COMPARE_WITH_TIMEOUT(storedCount(server.port()), static_cast<long long>(accepted.size() + refused.size()),
                              60000);
    QCOMPARE(server.stop(), 0);
}

QTEST_GUILESS_MAIN(EmbeddedDiskFullTest)
#include "embedded_disk_full_test.moc"
