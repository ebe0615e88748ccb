#pragma once

#include "app/console_screen.h"
#include "backend/api_request.h"
#include "playground/delivery_format.h"
#include "playground/payload_check.h"

#include <QHash>
#include <QPointer>

#include <memory>
#include <optional>

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
// re-sent and saved to or loaded from files. Each format and channel keeps
// its own draft, so switching never discards an edit. A provider format
// (docs/api.md §6) sends the draft as that provider delivers it, signed with
// the secret typed in, which is kept in memory only, per provider, and never
// logged; the server never shows its secrets back. Tab moves the focus on, as
// everywhere in Qt; Ctrl+Tab inserts a tab into the payload.
class PlaygroundScreen final : public ConsoleScreen {
    Q_OBJECT
public:
    explicit PlaygroundScreen(QWidget* parent = nullptr);
    ~PlaygroundScreen() override;

    void setSession(ConsoleSession* session) override;

    void setFormat(DeliveryFormat format);
    DeliveryFormat format() const;
    void setChannel(const QString& channel);
    QString channel() const;
    void setProviderSecret(const QString& secret);
    // The base URL Twilio signs; empty for the profile's server URL.
    void setPublicUrl(const QString& url);
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
    // A provider delivery that could not be signed: nothing was sent.
    void deliveryRefused(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void sendPayload(DeliveryFormat format, const QString& channel, const QString& tenantId,
                     const QByteArray& payload);
    std::optional<ApiRequest> requestFor(DeliveryFormat format, const QString& channel, const QString& tenantId,
                                         const QByteArray& payload);
    void showResponse(DeliveryFormat format, const QString& channel, const QString& tenantId,
                      const QByteArray& payload, const ApiResponse& response);
    QList<PayloadIssue> checkDraft() const;
    QString validDraftText() const;
    QString formatName(DeliveryFormat format) const;
    void fillFormats();
    void switchFormat();
    void showSecretPlaceholder();
    void switchDraft();
    void validateNow();
    void markIssueLines();
    void saveHistory();
    void openHistory();
    void editSelected();
    void installShortcuts();
    void clearResponse();

    std::unique_ptr<Ui::PlaygroundScreen> ui;
    QPointer<ConsoleSession> m_session;
    QPointer<PendingCall> m_inFlight;
    HistoryModel* m_history = nullptr;
    JsonHighlighter* m_highlighter = nullptr;
    QTimer* m_validateTimer = nullptr;
    QList<PayloadIssue> m_issues;
    QString m_draftKey;                   // the format and channel the editor holds a draft of
    QHash<QString, QByteArray> m_drafts;  // the other formats' and channels' edited payloads
    QString m_secretProvider;             // the provider whose secret the secret field holds
    QHash<QString, QString> m_secrets;    // the other providers' secrets, by provider
};

} // namespace mccig::console
