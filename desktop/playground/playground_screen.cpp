#include "playground/playground_screen.h"

#include "ui_playground_screen.h"

#include "app/console_session.h"
#include "backend/console_backend.h"
#include "backend/pending_call.h"
#include "models/history_model.h"
#include "playground/json_highlighter.h"
#include "playground/payload_templates.h"
#include "playground/provider_delivery.h"

#include <QDateTime>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonDocument>
#include <QMessageBox>
#include <QAction>
#include <QSignalBlocker>
#include <QTimer>

namespace mccig::console {
namespace {

constexpr int kValidateDelayMs = 200;

QString draftKey(DeliveryFormat format, const QString& channel)
{
    return deliveryFormatKey(format) + QLatin1Char('/') + channel;
}

// Twilio's two routes share the account's auth token.
QString secretProvider(DeliveryFormat format)
{
    return format == DeliveryFormat::TwilioVoice ? deliveryFormatKey(DeliveryFormat::TwilioSms)
                                                 : deliveryFormatKey(format);
}

QString formatHeaders(const ApiResponse& response)
{
    QStringList lines;
    for (const auto& [name, value] : response.headers)
        lines.append(QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromLatin1(value));
    return lines.join(QLatin1Char('\n'));
}

QString prettyBody(const QByteArray& body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    return document.isNull() ? QString::fromUtf8(body) : QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

} // namespace

PlaygroundScreen::PlaygroundScreen(QWidget* parent)
    : ConsoleScreen(parent), ui(std::make_unique<Ui::PlaygroundScreen>()), m_history(new HistoryModel(this)),
      m_validateTimer(new QTimer(this))
{
    ui->setupUi(this);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit* edit : {ui->payloadEdit, ui->bodyView, ui->headersView})
        edit->setFont(mono);
    m_highlighter = new JsonHighlighter(ui->payloadEdit->document());
    new JsonHighlighter(ui->bodyView->document());
    fillFormats();
    ui->channelCombo->addItems(channelNames());
    ui->historyView->setModel(m_history);
    ui->historyView->horizontalHeader()->setStretchLastSection(true);
    ui->historyView->verticalHeader()->hide();
    ui->mainSplitter->setStretchFactor(0, 3);
    ui->mainSplitter->setStretchFactor(1, 2);
    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(kValidateDelayMs);
    connect(m_validateTimer, &QTimer::timeout, this, &PlaygroundScreen::validateNow);
    connect(ui->payloadEdit, &QPlainTextEdit::textChanged, m_validateTimer, qOverload<>(&QTimer::start));
    connect(ui->channelCombo, &QComboBox::currentTextChanged, this, &PlaygroundScreen::switchDraft);
    connect(ui->formatCombo, &QComboBox::currentIndexChanged, this, &PlaygroundScreen::switchFormat);
    ui->payloadEdit->setTabChangesFocus(true);
    ui->payloadEdit->setAccessibleName(tr("Payload"));
    ui->bodyView->setAccessibleName(tr("Response body"));
    ui->headersView->setAccessibleName(tr("Response headers"));
    ui->historyView->setAccessibleName(tr("History"));
    ui->issueList->setAccessibleName(tr("Validation problems"));
    ui->channelCombo->setAccessibleName(tr("Channel"));
    ui->tenantCombo->setAccessibleName(tr("Tenant key"));
    ui->formatCombo->setAccessibleName(tr("Format"));
    ui->secretEdit->setAccessibleName(tr("Provider secret"));
    ui->publicUrlEdit->setAccessibleName(tr("Public URL"));
    ui->secretEdit->setToolTip(tr("The secret stored for the tenant on the server, typed again here: the server "
                                  "never shows it back. Kept in memory only, until the console quits."));
    ui->publicUrlEdit->setToolTip(tr("The gateway's base URL as the provider reaches it (its --public-url), "
                                     "which Twilio's signature covers; empty for the profile's server URL"));
    connect(ui->templateButton, &QPushButton::clicked, this, &PlaygroundScreen::loadTemplate);
    connect(ui->newIdButton, &QPushButton::clicked, this, &PlaygroundScreen::newMessageId);
    connect(ui->sendButton, &QPushButton::clicked, this, &PlaygroundScreen::send);
    connect(ui->resendButton, &QPushButton::clicked, this, &PlaygroundScreen::resendSelected);
    connect(ui->loadEntryButton, &QPushButton::clicked, this, &PlaygroundScreen::editSelected);
    connect(ui->historyView, &QTableView::doubleClicked, this, &PlaygroundScreen::editSelected);
    connect(ui->saveHistoryButton, &QPushButton::clicked, this, &PlaygroundScreen::saveHistory);
    connect(ui->openHistoryButton, &QPushButton::clicked, this, &PlaygroundScreen::openHistory);
    connect(ui->clearHistoryButton, &QPushButton::clicked, m_history, &HistoryModel::clear);
    connect(ui->issueList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= m_issues.size() || m_issues.at(row).line == 0)
            return;
        QTextCursor cursor(ui->payloadEdit->document()->findBlockByNumber(m_issues.at(row).line - 1));
        ui->payloadEdit->setTextCursor(cursor);
    });
    installShortcuts();
    switchFormat();
    setSession(nullptr);
}

PlaygroundScreen::~PlaygroundScreen() = default;

void PlaygroundScreen::installShortcuts()
{
    const auto action = [this](const QString& text, const QKeySequence& keys, auto slot) {
        auto* created = new QAction(text, this);
        created->setShortcut(keys);
        connect(created, &QAction::triggered, this, slot);
        addAction(created);
        return created;
    };
    action(tr("&Send"), QKeySequence(Qt::CTRL | Qt::Key_Return), &PlaygroundScreen::send);
    action(tr("Send selected history entry &again"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
           &PlaygroundScreen::resendSelected);
    action(tr("Load &template"), QKeySequence(Qt::CTRL | Qt::Key_T), &PlaygroundScreen::loadTemplate);
    action(tr("New message &id"), QKeySequence(Qt::CTRL | Qt::Key_I), &PlaygroundScreen::newMessageId);
    action(tr("&Save history…"), QKeySequence::Save, &PlaygroundScreen::saveHistory);
    action(tr("&Open history…"), QKeySequence::Open, &PlaygroundScreen::openHistory);
    // Tab moves the focus on (Qt's convention); a literal tab is Ctrl+Tab.
    auto* insertTab = new QAction(tr("Insert a tab in the payload"), ui->payloadEdit);
    insertTab->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Tab));
    insertTab->setShortcutContext(Qt::WidgetShortcut);
    connect(insertTab, &QAction::triggered, ui->payloadEdit, [this] { ui->payloadEdit->insertPlainText(QStringLiteral("\t")); });
    ui->payloadEdit->addAction(insertTab);
    ui->sendButton->setToolTip(tr("Send (Ctrl+Return)"));
    ui->resendButton->setToolTip(tr("Send the selected history entry again (Ctrl+Shift+Return)"));
    ui->templateButton->setToolTip(tr("Replace the payload with the channel's template (Ctrl+T)"));
    ui->newIdButton->setToolTip(tr("Give the payload fresh message ids (Ctrl+I)"));
    ui->payloadEdit->setToolTip(tr("Tab moves to the next field; Ctrl+Tab inserts a tab"));
}

QString PlaygroundScreen::formatName(DeliveryFormat format) const
{
    switch (format) {
    case DeliveryFormat::Gateway: return tr("Gateway JSON");
    case DeliveryFormat::TwilioSms: return tr("Twilio SMS");
    case DeliveryFormat::TwilioVoice: return tr("Twilio voice");
    case DeliveryFormat::WhatsApp: return tr("WhatsApp Cloud");
    case DeliveryFormat::StandardWebhooks: return tr("Standard Webhooks");
    }
    return {};
}

void PlaygroundScreen::fillFormats()
{
    const QList<DeliveryFormat> formats = deliveryFormats();
    for (qsizetype index = 0; index < formats.size(); ++index) {
        if (index < ui->formatCombo->count())
            ui->formatCombo->setItemText(int(index), formatName(formats.at(index)));
        else
            ui->formatCombo->addItem(formatName(formats.at(index)), QVariant::fromValue(int(formats.at(index))));
    }
}

// A provider's route fixes the channel; its secret field holds that
// provider's secret (the one typed for another provider is kept aside).
void PlaygroundScreen::switchFormat()
{
    const DeliveryFormat chosen = format();
    if (const auto fixed = fixedChannel(chosen)) {
        const QSignalBlocker blocker(ui->channelCombo);
        ui->channelCombo->setCurrentText(*fixed);
    }
    ui->channelCombo->setEnabled(!fixedChannel(chosen));
    for (QWidget* field : {static_cast<QWidget*>(ui->secretLabel), static_cast<QWidget*>(ui->secretEdit),
                           static_cast<QWidget*>(ui->publicUrlLabel), static_cast<QWidget*>(ui->publicUrlEdit)})
        field->setVisible(chosen != DeliveryFormat::Gateway);
    ui->publicUrlEdit->setEnabled(chosen == DeliveryFormat::TwilioSms || chosen == DeliveryFormat::TwilioVoice);
    if (!m_secretProvider.isEmpty())
        m_secrets.insert(m_secretProvider, ui->secretEdit->text());
    m_secretProvider = secretProvider(chosen);
    ui->secretEdit->setText(m_secrets.value(m_secretProvider));
    showSecretPlaceholder();
    switchDraft();
}

void PlaygroundScreen::showSecretPlaceholder()
{
    const DeliveryFormat chosen = format();
    ui->secretEdit->setPlaceholderText(chosen == DeliveryFormat::StandardWebhooks ? tr("whsec_…")
                                       : chosen == DeliveryFormat::WhatsApp      ? tr("the Meta app secret")
                                                                                 : tr("the Twilio auth token"));
}

// Keeps the draft of the format and channel left, shows the draft (or the
// sample) of the ones chosen, and drops the response, which belonged to the other.
void PlaygroundScreen::switchDraft()
{
    const QString key = draftKey(format(), channel());
    if (key == m_draftKey)
        return;
    if (!m_draftKey.isEmpty())
        m_drafts.insert(m_draftKey, payload());
    m_draftKey = key;
    clearResponse();
    if (m_drafts.contains(key))
        setPayload(m_drafts.take(key));
    else
        loadTemplate();
}

void PlaygroundScreen::clearResponse()
{
    ui->statusLabel->setText(tr("Nothing sent yet"));
    ui->roundTripLabel->clear();
    ui->headersView->clear();
    ui->bodyView->clear();
}

QString PlaygroundScreen::responseBodyText() const { return ui->bodyView->toPlainText(); }

void PlaygroundScreen::setSession(ConsoleSession* session)
{
    if (m_inFlight)
        m_inFlight->cancel();
    m_session = session;
    clearResponse();
    ui->tenantCombo->clear();
    if (session != nullptr) {
        for (const TenantKey& key : session->profile().tenantKeys)
            ui->tenantCombo->addItem(key.tenantId, key.key);
    }
    ui->publicUrlEdit->setPlaceholderText(session != nullptr ? session->backend()->baseUrl().toString() : QString());
    ui->sendButton->setEnabled(session != nullptr && ui->tenantCombo->count() > 0);
    ui->resendButton->setEnabled(ui->sendButton->isEnabled());
    if (session != nullptr && ui->tenantCombo->count() == 0)
        ui->statusLabel->setText(tr("The profile has no tenant API keys: add one in Connections."));
}

void PlaygroundScreen::setFormat(DeliveryFormat format)
{
    ui->formatCombo->setCurrentIndex(ui->formatCombo->findData(QVariant::fromValue(int(format))));
}

DeliveryFormat PlaygroundScreen::format() const { return DeliveryFormat(ui->formatCombo->currentData().toInt()); }

// A provider's route fixes the channel (fixedChannel()), as the disabled combo shows.
void PlaygroundScreen::setChannel(const QString& channel)
{
    if (!fixedChannel(format()))
        ui->channelCombo->setCurrentText(channel);
}

void PlaygroundScreen::setProviderSecret(const QString& secret) { ui->secretEdit->setText(secret); }

void PlaygroundScreen::setPublicUrl(const QString& url) { ui->publicUrlEdit->setText(url); }

QString PlaygroundScreen::channel() const { return ui->channelCombo->currentText(); }

void PlaygroundScreen::setPayload(const QByteArray& payload)
{
    ui->payloadEdit->setPlainText(QString::fromUtf8(payload));
    validateNow();
}

QByteArray PlaygroundScreen::payload() const { return ui->payloadEdit->toPlainText().toUtf8(); }

bool PlaygroundScreen::selectTenant(const QString& tenantId)
{
    const int index = ui->tenantCombo->findText(tenantId);
    if (index >= 0)
        ui->tenantCombo->setCurrentIndex(index);
    return index >= 0;
}

void PlaygroundScreen::loadTemplate() { setPayload(deliverySample(format(), channel())); }

void PlaygroundScreen::newMessageId() { setPayload(withFreshMessageIds(format(), payload())); }

void PlaygroundScreen::send()
{
    if (!ui->sendButton->isEnabled())
        return;
    sendPayload(format(), channel(), ui->tenantCombo->currentText(), payload());
}

void PlaygroundScreen::resendSelected()
{
    const QModelIndex current = ui->historyView->currentIndex();
    if (!current.isValid() || m_session == nullptr)
        return;
    const HistoryEntry entry = m_history->entryAt(current.row());
    sendPayload(deliveryFormatFromKey(entry.format).value_or(DeliveryFormat::Gateway), entry.channel, entry.tenantId,
                entry.payload);
}

void PlaygroundScreen::editSelected()
{
    const QModelIndex current = ui->historyView->currentIndex();
    if (!current.isValid())
        return;
    const HistoryEntry entry = m_history->entryAt(current.row());
    setFormat(deliveryFormatFromKey(entry.format).value_or(DeliveryFormat::Gateway));
    ui->channelCombo->setCurrentText(entry.channel);
    selectTenant(entry.tenantId);
    setPayload(entry.payload);
}

void PlaygroundScreen::sendPayload(DeliveryFormat format, const QString& channel, const QString& tenantId,
                                   const QByteArray& payload)
{
    if (m_session == nullptr)
        return;
    const std::optional<ApiRequest> request = requestFor(format, channel, tenantId, payload);
    if (!request)
        return;
    ui->statusLabel->setText(tr("Sending…"));
    PendingCall* call = m_session->backend()->send(*request);
    m_inFlight = call;
    connect(call, &PendingCall::finished, this,
            [this, format, channel, tenantId, payload](const ApiResponse& response) {
                showResponse(format, channel, tenantId, payload, response);
            });
}

// The gateway's own request with the tenant's API key, or the provider's
// delivery signed with the secret typed in; nullopt (and the reason shown)
// when the delivery cannot be signed.
std::optional<ApiRequest> PlaygroundScreen::requestFor(DeliveryFormat format, const QString& channel,
                                                       const QString& tenantId, const QByteArray& payload)
{
    if (format == DeliveryFormat::Gateway) {
        ApiRequest request;
        request.method = "POST";
        request.path = deliveryPath(format, tenantId, channel);
        request.body = payload;
        request.auth = ApiAuth::Tenant;
        request.tenantKey = m_session->profile().keyForTenant(tenantId);
        return request;
    }
    const QString typedUrl = ui->publicUrlEdit->text().trimmed();
    const ProviderDelivery delivery{format, tenantId, channel, payload, ui->secretEdit->text(),
                                    typedUrl.isEmpty() ? m_session->backend()->baseUrl() : QUrl(typedUrl),
                                    QDateTime::currentSecsSinceEpoch()};
    const auto signedRequest = signedDelivery(delivery);
    if (signedRequest)
        return *signedRequest;
    QString message;
    switch (signedRequest.error()) {
    case DeliveryProblem::EmptySecret:
        message = tr("Type the provider secret stored for the tenant: nothing was sent.");
        break;
    case DeliveryProblem::StandardSecretWithoutPrefix:
        message = tr("A Standard Webhooks secret starts with whsec_: nothing was sent.");
        break;
    case DeliveryProblem::StandardSecretNotBase64:
        message = tr("After whsec_ a Standard Webhooks secret is base64: nothing was sent.");
        break;
    case DeliveryProblem::TwilioFieldsNotStrings:
        message = tr("Twilio posts form fields: write them as a JSON object of strings. Nothing was sent.");
        break;
    case DeliveryProblem::BadPublicUrl:
        message = tr("The public URL must be an http:// or https:// URL with a host: nothing was sent.");
        break;
    }
    ui->statusLabel->setText(QStringLiteral("<b style=\"color:#c62828\">%1</b>").arg(message.toHtmlEscaped()));
    emit deliveryRefused(message);
    return std::nullopt;
}

void PlaygroundScreen::showResponse(DeliveryFormat format, const QString& channel, const QString& tenantId,
                                    const QByteArray& payload, const ApiResponse& response)
{
    const bool good = response.status == 202 || response.status == 200;
    const QString color = good ? QStringLiteral("#2e7d32") : QStringLiteral("#c62828");
    const QString summary = response.status == 0 ? tr("No answer: %1").arg(response.transportError)
                                                 : tr("HTTP %1").arg(response.status);
    ui->statusLabel->setText(QStringLiteral("<b style=\"color:%1\">%2</b>").arg(color, summary.toHtmlEscaped()));
    ui->roundTripLabel->setText(tr("Round trip: %1 ms").arg(response.elapsedMs));
    ui->headersView->setPlainText(formatHeaders(response));
    ui->bodyView->setPlainText(prettyBody(response.body));
    HistoryEntry entry{QDateTime::currentDateTime(), channel, tenantId, deliveryMessageId(format, payload), payload,
                       response.status, response.elapsedMs, formatHeaders(response), response.body,
                       deliveryFormatKey(format)};
    m_history->prepend(entry);
    ui->historyView->resizeColumnsToContents();
    emit responseShown(response.status);
}

void PlaygroundScreen::validateNow()
{
    m_validateTimer->stop();
    m_issues = checkDraft();
    ui->issueList->clear();
    for (const PayloadIssue& issue : std::as_const(m_issues)) {
        const QString where = issue.path.isEmpty() ? QString() : issue.path + QStringLiteral(": ");
        const QString line = issue.line > 0 ? tr("line %1 — ").arg(issue.line) : QString();
        ui->issueList->addItem(line + where + issue.message);
    }
    ui->issueList->setVisible(!m_issues.isEmpty());
    ui->validationLabel->setText(m_issues.isEmpty() ? validDraftText()
                                                    : tr("%n problem(s): the server would answer 400", nullptr,
                                                         int(m_issues.size())));
    markIssueLines();
}

QString PlaygroundScreen::validDraftText() const
{
    switch (format()) {
    case DeliveryFormat::Gateway:
    case DeliveryFormat::StandardWebhooks: break;
    case DeliveryFormat::TwilioSms:
    case DeliveryFormat::TwilioVoice:
        return tr("✓ Twilio's form fields, one JSON string each, sent form-encoded; the server maps them to a "
                  "message of channel %1 and checks that").arg(channel());
    case DeliveryFormat::WhatsApp:
        return tr("✓ A WhatsApp Cloud API delivery; the server maps each message in it to channel %1 and checks "
                  "that").arg(channel());
    }
    return tr("✓ Valid %1 payload (the server's own rules)").arg(channel());
}

// A gateway body (also Standard Webhooks') by the engine's rules; a Twilio
// or WhatsApp delivery only by its shape, since the server maps it first.
QList<PayloadIssue> PlaygroundScreen::checkDraft() const
{
    switch (format()) {
    case DeliveryFormat::Gateway:
    case DeliveryFormat::StandardWebhooks: return checkPayload(channel(), payload());
    case DeliveryFormat::TwilioSms:
    case DeliveryFormat::TwilioVoice:
        if (!twilioFormFields(payload()))
            return {{QString(), tr("Twilio posts form fields: write them as a JSON object of strings"), 0}};
        return {};
    case DeliveryFormat::WhatsApp:
        if (!QJsonDocument::fromJson(payload()).isObject())
            return {{QString(), tr("A WhatsApp Cloud API delivery is a JSON object"), 0}};
        return {};
    }
    return {};
}

void PlaygroundScreen::markIssueLines()
{
    QList<QTextEdit::ExtraSelection> selections;
    for (const PayloadIssue& issue : std::as_const(m_issues)) {
        if (issue.line == 0)
            continue;
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(ui->payloadEdit->document()->findBlockByNumber(issue.line - 1));
        selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        selection.format.setUnderlineColor(Qt::red);
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selection.format.setBackground(QColor(255, 0, 0, 40));
        selection.cursor.clearSelection();
        selections.append(selection);
    }
    ui->payloadEdit->setExtraSelections(selections);
}

void PlaygroundScreen::saveHistory()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save history"), QString(), tr("History (*.json)"));
    if (path.isEmpty())
        return;
    if (const auto saved = m_history->saveToFile(path); !saved)
        QMessageBox::warning(this, tr("Save history"), tr("Cannot save %1: %2").arg(path, saved.error()));
}

void PlaygroundScreen::openHistory()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open history"), QString(), tr("History (*.json)"));
    if (path.isEmpty())
        return;
    if (const auto loaded = m_history->loadFromFile(path); !loaded)
        QMessageBox::warning(this, tr("Open history"), tr("Cannot open %1: %2").arg(path, loaded.error()));
}

void PlaygroundScreen::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        m_highlighter->setDarkBackground(palette().color(QPalette::Base).lightness() < 128);
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        fillFormats();
        showSecretPlaceholder();
    }
    ConsoleScreen::changeEvent(event);
}

} // namespace mccig::console
