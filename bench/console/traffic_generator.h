#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QThread>
#include <QUrl>

#include <atomic>

class QNetworkAccessManager;

namespace mccig::bench {

// Sends SMS ingest requests at a steady rate from its own thread (own event
// loop, own QNetworkAccessManager), so the traffic does not load the GUI
// thread it is measuring. Keys rotate over the given tenant keys.
class TrafficGenerator final : public QThread {
    Q_OBJECT
public:
    TrafficGenerator(const QUrl& server, const QStringList& keys, int ratePerSecond);

    qint64 sent() const { return m_sent; }
    qint64 answered() const { return m_answered; }

protected:
    void run() override;

private:
    QUrl m_server;
    QStringList m_keys;
    int m_rate;
    std::atomic<qint64> m_sent{0};
    std::atomic<qint64> m_answered{0};
};

} // namespace mccig::bench
