#pragma once

#include "app/console_screen.h"
#include "backend/api_request.h"
#include "playground/payload_check.h"

#include <QHash>
#include <QPointer>

#include <memory>

class QTimer;

namespace Ui {
class PlaygroundScreen;
}

namespace mccig::console {

class ConsoleSession;
class HistoryModel;
class JsonHighlighter;
class PendingCall;

// Ingest Playground: edit a payload for a channel (templates, highlighting,
// the engine's validation as you type), send it with a tenant's key, see
// status, headers, body and round trip, and keep a history that can be
// re-sent and saved to or loaded from files. Each channel keeps its own draft,
// so switching channels never discards an edit. Tab moves the focus on, as
// everywhere in Qt; Ctrl+Tab inserts a tab into the payload.
class PlaygroundScreen final : public ConsoleScreen {
    Q_OBJECT
public:
    explicit PlaygroundScreen(QWidget* parent = nullptr);
    ~PlaygroundScreen() override;

    void setSession(ConsoleSession* session) override;

    void setChannel(const QString& channel);
    QString channel() const;
    void setPayload(const QByteArray& payload);
    QByteArray payload() const;
    bool selectTenant(const QString& tenantId);
    void send();
    void resendSelected();
    void loadTemplate();
    void newMessageId();
    QList<PayloadIssue> issues() const { return m_issues; }
    HistoryModel* historyModel() const { return m_history; }
    QString responseBodyText() const;

signals:
    void responseShown(int status);

protected:
    void changeEvent(QEvent* event) override;

private:
    void sendPayload(const QString& channel, const QString& tenantId, const QString& key, const QByteArray& payload);
    void showResponse(const QString& channel, const QString& tenantId, const QByteArray& payload,
                      const ApiResponse& response);
    void validateNow();
    void markIssueLines();
    void saveHistory();
    void openHistory();
    void editSelected();
    void installShortcuts();
    void switchChannel(const QString& channel);
    void clearResponse();

    std::unique_ptr<Ui::PlaygroundScreen> ui;
    QPointer<ConsoleSession> m_session;
    QPointer<PendingCall> m_inFlight;
    HistoryModel* m_history = nullptr;
    JsonHighlighter* m_highlighter = nullptr;
    QTimer* m_validateTimer = nullptr;
    QList<PayloadIssue> m_issues;
    QString m_channel;                    // the channel the editor holds a draft of
    QHash<QString, QByteArray> m_drafts;  // the other channels' edited payloads
};

} // namespace mccig::console
