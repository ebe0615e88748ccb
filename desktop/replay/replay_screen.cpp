#include "replay/replay_screen.h"

#include "ui_replay_screen.h"

#include "app/console_session.h"
#include "models/replay_outcome_model.h"
#include "playground/json_highlighter.h"
#include "playground/payload_templates.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QAction>

namespace mccig::console {

ReplayScreen::ReplayScreen(QWidget* parent)
    : ConsoleScreen(parent), ui(std::make_unique<Ui::ReplayScreen>()), m_outcomes(new ReplayOutcomeModel(this))
{
    ui->setupUi(this);
    ui->channelCombo->addItems(channelNames());
    ui->payloadEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new JsonHighlighter(ui->payloadEdit->document());
    ui->outcomeView->setModel(m_outcomes);
    ui->outcomeView->verticalHeader()->hide();
    ui->outcomeView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    QFont big = ui->verdictLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    ui->verdictLabel->setFont(big);
    ui->splitter->setStretchFactor(0, 1);
    ui->splitter->setStretchFactor(1, 1);
    connect(ui->channelCombo, &QComboBox::currentTextChanged, this, &ReplayScreen::loadTemplate);
    connect(ui->newIdButton, &QPushButton::clicked, this, [this] {
        ui->payloadEdit->setPlainText(QString::fromUtf8(
            withProviderMessageId(ui->payloadEdit->toPlainText().toUtf8(), freshProviderMessageId())));
    });
    connect(ui->runButton, &QPushButton::clicked, this, &ReplayScreen::run);
    connect(ui->cancelButton, &QPushButton::clicked, this, &ReplayScreen::cancel);
    connect(ui->sendsSpin, &QSpinBox::valueChanged, this, [this](int sends) {
        if (!isRunning())
            ui->progressBar->setRange(0, sends);
    });
    ui->progressBar->setRange(0, ui->sendsSpin->value());
    ui->outcomeView->setAccessibleName(tr("Answers by status"));
    ui->channelCombo->setAccessibleName(tr("Channel"));
    ui->tenantCombo->setAccessibleName(tr("Tenant key"));
    ui->sendsSpin->setAccessibleName(tr("Sends (N)"));
    ui->concurrencySpin->setAccessibleName(tr("Concurrent senders (C)"));
    ui->verdictLabel->setWordWrap(true);
    ui->payloadEdit->setAccessibleName(tr("Payload"));
    ui->payloadEdit->setTabChangesFocus(true);
    ui->evidenceView->setAccessibleName(tr("Evidence"));
    ui->verdictLabel->setAccessibleName(tr("Verdict"));
    installActions();
    loadTemplate();
    setSession(nullptr);
}

void ReplayScreen::installActions()
{
    auto* runAction = new QAction(tr("&Run verification"), this);
    runAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(runAction, &QAction::triggered, this, &ReplayScreen::run);
    auto* cancelAction = new QAction(tr("&Cancel verification"), this);
    cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(cancelAction, &QAction::triggered, this, &ReplayScreen::cancel);
    auto* newIdAction = new QAction(tr("New message &id"), this);
    connect(newIdAction, &QAction::triggered, ui->newIdButton, &QPushButton::click);
    addActions({runAction, cancelAction, newIdAction});
}

ReplayScreen::~ReplayScreen() = default;

void ReplayScreen::loadTemplate()
{
    ui->payloadEdit->setPlainText(QString::fromUtf8(payloadTemplate(ui->channelCombo->currentText())));
}

void ReplayScreen::setSession(ConsoleSession* session)
{
    cancel();
    m_session = session;
    m_sentIds.clear();
    ui->tenantCombo->clear();
    if (session != nullptr) {
        for (const TenantKey& key : session->profile().tenantKeys)
            ui->tenantCombo->addItem(key.tenantId, key.key);
    }
    setRunning(false);
    showIdle();
}

// Nothing of another session's run may stay on screen.
void ReplayScreen::showIdle()
{
    m_lastVerdict = ReplayVerdict();
    m_outcomes->reset();
    ui->progressBar->setRange(0, ui->sendsSpin->value());
    ui->progressBar->setValue(0);
    ui->evidenceView->clear();
    ui->verdictLabel->setStyleSheet(QString());
    if (m_session == nullptr)
        ui->verdictLabel->setText(tr("Not connected"));
    else if (ui->tenantCombo->count() == 0)
        ui->verdictLabel->setText(tr("The profile has no tenant API keys"));
    else
        ui->verdictLabel->setText(tr("No verification run yet"));
}

void ReplayScreen::setIdPinned(bool pinned) { ui->pinIdCheck->setChecked(pinned); }

QString ReplayScreen::verdictText() const { return ui->verdictLabel->text(); }

QString ReplayScreen::evidenceText() const { return ui->evidenceView->toPlainText(); }

QString ReplayScreen::payloadText() const { return ui->payloadEdit->toPlainText(); }

void ReplayScreen::setPlan(const QString& channel, const QString& tenantId, const QByteArray& payload, int sends,
                           int concurrency)
{
    {
        const QSignalBlocker blocker(ui->channelCombo);
        ui->channelCombo->setCurrentText(channel);
    }
    ui->tenantCombo->setCurrentIndex(ui->tenantCombo->findText(tenantId));
    ui->payloadEdit->setPlainText(QString::fromUtf8(payload));
    ui->sendsSpin->setValue(sends);
    ui->concurrencySpin->setValue(concurrency);
}

bool ReplayScreen::isRunning() const { return m_run && m_run->isRunning(); }

void ReplayScreen::run()
{
    if (isRunning() || m_session == nullptr || ui->tenantCombo->currentIndex() < 0)
        return;
    QByteArray payload = ui->payloadEdit->toPlainText().toUtf8();
    const bool sentBefore = m_sentIds.contains(providerMessageIdOf(payload));
    if (sentBefore && !ui->pinIdCheck->isChecked()) {
        payload = withProviderMessageId(payload, freshProviderMessageId());
        ui->payloadEdit->setPlainText(QString::fromUtf8(payload));
    }
    ReplayRun::Plan plan{ui->channelCombo->currentText(), ui->tenantCombo->currentText(),
                         ui->tenantCombo->currentData().toString(), payload, ui->sendsSpin->value(),
                         ui->concurrencySpin->value(), sentBefore && ui->pinIdCheck->isChecked()};
    m_outcomes->reset();
    ui->progressBar->setRange(0, plan.sends);
    ui->progressBar->setValue(0);
    ui->verdictLabel->setText(tr("Sending…"));
    ui->verdictLabel->setStyleSheet(QString());
    ui->evidenceView->clear();
    if (m_run)
        m_run->deleteLater();
    m_run = new ReplayRun(m_session->backend(), plan, this);
    connect(m_run, &ReplayRun::answered, this, [this](int status, qint64 elapsedMs) {
        m_outcomes->record(status, elapsedMs);
        ui->progressBar->setValue(int(m_outcomes->total()));
    });
    connect(m_run, &ReplayRun::sendingFinished, this,
            [this] { ui->verdictLabel->setText(tr("Verifying through the admin API…")); });
    connect(m_run, &ReplayRun::verdictReady, this, &ReplayScreen::showVerdict);
    setRunning(true);
    m_run->start();
}

void ReplayScreen::cancel()
{
    if (isRunning())
        m_run->cancel();
}

void ReplayScreen::showVerdict(const ReplayVerdict& verdict)
{
    m_lastVerdict = verdict;
    if (verdict.accepted + verdict.duplicates > 0)
        m_sentIds.insert(verdict.providerMessageId);
    setRunning(false);
    using Outcome = ReplayVerdict::Outcome;
    QString text;
    QString color;
    switch (verdict.outcome) {
    case Outcome::Pass:
        text = tr("✔ PASS: exactly once");
        color = QStringLiteral("#1b7837");
        break;
    case Outcome::Fail:
        text = tr("✖ FAIL: %1").arg(verdict.reason);
        color = QStringLiteral("#b2182b");
        break;
    case Outcome::Inconclusive:
        text = tr("? INCONCLUSIVE: %1").arg(verdict.reason);
        color = QStringLiteral("#8c510a");
        break;
    default:
        text = tr("CANCELLED");
        break;
    }
    ui->verdictLabel->setText(text);
    ui->verdictLabel->setStyleSheet(color.isEmpty() ? QString() : QStringLiteral("color: %1").arg(color));
    ui->evidenceView->setPlainText(verdict.evidence);
    emit verdictReady(verdict);
}

void ReplayScreen::setRunning(bool running)
{
    const bool canRun = m_session != nullptr && ui->tenantCombo->count() > 0;
    ui->runButton->setEnabled(!running && canRun);
    ui->cancelButton->setEnabled(running);
}

} // namespace mccig::console
