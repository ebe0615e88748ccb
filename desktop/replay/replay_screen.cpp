#include "replay/replay_screen.h"

#include "ui_replay_screen.h"

#include "app/console_session.h"
#include "models/replay_outcome_model.h"
#include "playground/json_highlighter.h"
#include "playground/payload_templates.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QShortcut>

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
    connect(new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_R), this), &QShortcut::activated, this, &ReplayScreen::run);
    connect(new QShortcut(QKeySequence(Qt::Key_Escape), this), &QShortcut::activated, this, &ReplayScreen::cancel);
    loadTemplate();
    setSession(nullptr);
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
    ui->tenantCombo->clear();
    if (session != nullptr) {
        for (const TenantKey& key : session->profile().tenantKeys)
            ui->tenantCombo->addItem(key.tenantId, key.key);
    }
    setRunning(false);
}

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
    ReplayRun::Plan plan{ui->channelCombo->currentText(), ui->tenantCombo->currentText(), ui->tenantCombo->currentData().toString(),
                         ui->payloadEdit->toPlainText().toUtf8(), ui->sendsSpin->value(), ui->concurrencySpin->value()};
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
    setRunning(false);
    const QString text = verdict.cancelled ? tr("CANCELLED") : verdict.passed ? tr("PASS: exactly once") : tr("FAIL");
    const QString color = verdict.passed ? QStringLiteral("#2e7d32") : QStringLiteral("#c62828");
    ui->verdictLabel->setText(text);
    ui->verdictLabel->setStyleSheet(QStringLiteral("color: %1").arg(color));
    ui->evidenceView->setPlainText(verdict.evidence);
    emit verdictReady(verdict);
}

void ReplayScreen::setRunning(bool running)
{
    const bool canRun = m_session != nullptr && ui->tenantCombo->count() > 0;
    ui->runButton->setEnabled(!running && canRun);
    ui->cancelButton->setEnabled(running);
    if (!canRun && !running)
        ui->verdictLabel->setText(m_session == nullptr ? tr("Not connected")
                                                     : tr("The profile has no tenant API keys"));
}

} // namespace mccig::console
