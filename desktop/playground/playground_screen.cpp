#include "playground/playground_screen.h"

#include "ui_playground_screen.h"

#include "app/console_session.h"
#include "backend/console_backend.h"
#include "backend/pending_call.h"
#include "models/history_model.h"
#include "playground/json_highlighter.h"
#include "playground/payload_templates.h"

#include <QDateTime>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonDocument>
#include <QMessageBox>
#include <QAction>
#include <QTimer>

namespace mccig::console {
namespace {

constexpr int kValidateDelayMs = 200;

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
    connect(ui->channelCombo, &QComboBox::currentTextChanged, this, &PlaygroundScreen::switchChannel);
    ui->payloadEdit->setTabChangesFocus(true);
    ui->payloadEdit->setAccessibleName(tr("Payload"));
    ui->bodyView->setAccessibleName(tr("Response body"));
    ui->headersView->setAccessibleName(tr("Response headers"));
    ui->historyView->setAccessibleName(tr("History"));
    ui->issueList->setAccessibleName(tr("Validation problems"));
    ui->channelCombo->setAccessibleName(tr("Channel"));
    ui->tenantCombo->setAccessibleName(tr("Tenant key"));
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
    m_channel = channel();
    loadTemplate();
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
    ui->newIdButton->setToolTip(tr("Give the payload a fresh providerMessageId (Ctrl+I)"));
    ui->payloadEdit->setToolTip(tr("Tab moves to the next field; Ctrl+Tab inserts a tab"));
}

// Keeps the draft of the channel left, shows the draft (or the template) of
// the channel chosen, and drops the response, which belonged to the other.
void PlaygroundScreen::switchChannel(const QString& channel)
{
    if (!m_channel.isEmpty() && m_channel != channel)
        m_drafts.insert(m_channel, payload());
    m_channel = channel;
    clearResponse();
    if (m_drafts.contains(channel))
        setPayload(m_drafts.take(channel));
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
    ui->sendButton->setEnabled(session != nullptr && ui->tenantCombo->count() > 0);
    ui->resendButton->setEnabled(ui->sendButton->isEnabled());
    if (session != nullptr && ui->tenantCombo->count() == 0)
        ui->statusLabel->setText(tr("The profile has no tenant API keys: add one in Connections."));
}

void PlaygroundScreen::setChannel(const QString& channel) { ui->channelCombo->setCurrentText(channel); }

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

void PlaygroundScreen::loadTemplate() { setPayload(payloadTemplate(channel())); }

void PlaygroundScreen::newMessageId() { setPayload(withProviderMessageId(payload(), freshProviderMessageId())); }

void PlaygroundScreen::send()
{
    if (!ui->sendButton->isEnabled())
        return;
    sendPayload(channel(), ui->tenantCombo->currentText(), ui->tenantCombo->currentData().toString(), payload());
}

void PlaygroundScreen::resendSelected()
{
    const QModelIndex current = ui->historyView->currentIndex();
    if (!current.isValid() || m_session == nullptr)
        return;
    const HistoryEntry& entry = m_history->entryAt(current.row());
    sendPayload(entry.channel, entry.tenantId, m_session->profile().keyForTenant(entry.tenantId), entry.payload);
}

void PlaygroundScreen::editSelected()
{
    const QModelIndex current = ui->historyView->currentIndex();
    if (!current.isValid())
        return;
    const HistoryEntry entry = m_history->entryAt(current.row());
    ui->channelCombo->setCurrentText(entry.channel);
    selectTenant(entry.tenantId);
    setPayload(entry.payload);
}

void PlaygroundScreen::sendPayload(const QString& channel, const QString& tenantId, const QString& key,
                                   const QByteArray& payload)
{
    if (m_session == nullptr)
        return;
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/v1/ingest/") + channel;
    request.body = payload;
    request.auth = ApiAuth::Tenant;
    request.tenantKey = key;
    ui->statusLabel->setText(tr("Sending…"));
    PendingCall* call = m_session->backend()->send(request);
    m_inFlight = call;
    connect(call, &PendingCall::finished, this, [this, channel, tenantId, payload](const ApiResponse& response) {
        showResponse(channel, tenantId, payload, response);
    });
}

void PlaygroundScreen::showResponse(const QString& channel, const QString& tenantId, const QByteArray& payload,
                                    const ApiResponse& response)
{
    const bool good = response.status == 202 || response.status == 200;
    const QString color = good ? QStringLiteral("#2e7d32") : QStringLiteral("#c62828");
    const QString summary = response.status == 0 ? tr("No answer: %1").arg(response.transportError)
                                                 : tr("HTTP %1").arg(response.status);
    ui->statusLabel->setText(QStringLiteral("<b style=\"color:%1\">%2</b>").arg(color, summary.toHtmlEscaped()));
    ui->roundTripLabel->setText(tr("Round trip: %1 ms").arg(response.elapsedMs));
    ui->headersView->setPlainText(formatHeaders(response));
    ui->bodyView->setPlainText(prettyBody(response.body));
    HistoryEntry entry{QDateTime::currentDateTime(), channel, tenantId, providerMessageIdOf(payload), payload,
                       response.status, response.elapsedMs, formatHeaders(response), response.body};
    m_history->prepend(entry);
    ui->historyView->resizeColumnsToContents();
    emit responseShown(response.status);
}

void PlaygroundScreen::validateNow()
{
    m_validateTimer->stop();
    m_issues = checkPayload(channel(), payload());
    ui->issueList->clear();
    for (const PayloadIssue& issue : std::as_const(m_issues)) {
        const QString where = issue.path.isEmpty() ? QString() : issue.path + QStringLiteral(": ");
        const QString line = issue.line > 0 ? tr("line %1 — ").arg(issue.line) : QString();
        ui->issueList->addItem(line + where + issue.message);
    }
    ui->issueList->setVisible(!m_issues.isEmpty());
    ui->validationLabel->setText(m_issues.isEmpty()
                                     ? tr("✓ Valid %1 payload (the server's own rules)").arg(channel())
                                     : tr("%n problem(s): the server would answer 400", nullptr, int(m_issues.size())));
    markIssueLines();
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
    if (event->type() == QEvent::LanguageChange)
        ui->retranslateUi(this);
    ConsoleScreen::changeEvent(event);
}

} // namespace mccig::console
