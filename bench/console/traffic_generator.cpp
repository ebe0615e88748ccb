#include "traffic_generator.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace mccig::bench {

TrafficGenerator::TrafficGenerator(const QUrl& server, const QStringList& keys, int ratePerSecond)
    : m_server(server), m_keys(keys), m_rate(ratePerSecond)
{
}

void TrafficGenerator::run()
{
    QNetworkAccessManager manager;
    QElapsedTimer clock;
    clock.start();
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    const QString run = QString::number(QDateTime::currentMSecsSinceEpoch());
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 due = clock.elapsed() * m_rate / 1000;
        while (m_sent < due && m_sent - m_answered < 200) {
            QUrl url = m_server;
            url.setPath(QStringLiteral("/v1/ingest/sms"));
            QNetworkRequest request(url);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            request.setRawHeader("Authorization", "Bearer " + m_keys.at(int(m_sent % m_keys.size())).toUtf8());
            const QByteArray body = QStringLiteral(R"({"providerMessageId":"bench-%1-%2","from":"+14155550100",)"
                                                   R"("to":"+14155550199","body":"bench"})")
                                        .arg(run)
                                        .arg(m_sent.load())
                                        .toUtf8();
            QNetworkReply* reply = manager.post(request, body);
            QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply] {
                ++m_answered;
                reply->deleteLater();
            });
            ++m_sent;
        }
    });
    tick.start(5);
    exec();
}

} // namespace mccig::bench
