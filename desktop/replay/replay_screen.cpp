#include "replay/replay_screen.h"

#include "app/console_session.h"
#include "models/replay_outcome_model.h"
#include "playground/json_highlighter.h"
#include "playground/payload_templates.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace mccig::console {

ReplayScreen::ReplayScreen(QWidget* parent) : ConsoleScreen(parent), m_outcomes(new ReplayOutcomeModel(this))
{
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(buildPlanForm());
    splitter->addWidget(buildResultPane());
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    connect(new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_R), this), &QShortcut::activated, this, &ReplayScreen::run);
    connect(new QShortcut(QKeySequence(Qt::Key_Escape), this), &QShortcut::activated, this, &ReplayScreen::cancel);
    setSession(nullptr);
}

QWidget* ReplayScreen::buildPlanForm()
{
    auto* box = new QGroupBox(tr("Plan"), this);
    auto* form = new QFormLayout(box);
    m_channel = new QComboBox(box);
    m_channel->addItems(channelNames());
    m_tenant = new QComboBox(box);
    m_sends = new QSpinBox(box);
    m_sends->setRange(2, 10000);
    m_sends->setValue(50);
    m_concurrency = new QSpinBox(box);
    m_concurrency->setRange(1, 64);
    m_concurrency->setValue(8);
    m_payload = new QPlainTextEdit(box);
    m_payload->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new JsonHighlighter(m_payload->document());
    auto* newId = new QPushButton(tr("New message &id"), box);
    m_runButton = new QPushButton(tr("&Run verification"), box);
    m_runButton->setToolTip(tr("Run (Ctrl+R)"));
    m_cancelButton = new QPushButton(tr("Cancel"), box);
    m_cancelButton->setToolTip(tr("Cancel (Esc)"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(newId);
    buttons->addStretch();
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_runButton);
    form->addRow(tr("&Channel"), m_channel);
    form->addRow(tr("&Tenant key"), m_tenant);
    form->addRow(tr("&Sends (N)"), m_sends);
    form->addRow(tr("C&oncurrent senders (C)"), m_concurrency);
    form->addRow(tr("&Payload"), m_payload);
    form->addRow(buttons);
    const auto loadTemplate = [this] { m_payload->setPlainText(QString::fromUtf8(payloadTemplate(m_channel->currentText()))); };
    connect(m_channel, &QComboBox::currentTextChanged, this, loadTemplate);
    connect(newId, &QPushButton::clicked, this, [this] {
        m_payload->setPlainText(QString::fromUtf8(
            withProviderMessageId(m_payload->toPlainText().toUtf8(), freshProviderMessageId())));
    });
    connect(m_runButton, &QPushButton::clicked, this, &ReplayScreen::run);
    connect(m_cancelButton, &QPushButton::clicked, this, &ReplayScreen::cancel);
    loadTemplate();
    return box;
}

QWidget* ReplayScreen::buildResultPane()
{
    auto* box = new QGroupBox(tr("Result"), this);
    auto* layout = new QVBoxLayout(box);
    m_progress = new QProgressBar(box);
    m_progress->setFormat(tr("%v of %m answered"));
    auto* table = new QTableView(box);
    table->setModel(m_outcomes);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table->setMaximumHeight(130);
    m_verdictLabel = new QLabel(tr("No verification run yet"), box);
    QFont big = m_verdictLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_verdictLabel->setFont(big);
    m_evidence = new QPlainTextEdit(box);
    m_evidence->setReadOnly(true);
    layout->addWidget(m_progress);
    layout->addWidget(table);
    layout->addWidget(m_verdictLabel);
    layout->addWidget(new QLabel(tr("Evidence"), box));
    layout->addWidget(m_evidence);
    return box;
}

void ReplayScreen::setSession(ConsoleSession* session)
{
    cancel();
    m_session = session;
    m_tenant->clear();
    if (session != nullptr) {
        for (const TenantKey& key : session->profile().tenantKeys)
            m_tenant->addItem(key.tenantId, key.key);
    }
    setRunning(false);
}

void ReplayScreen::setPlan(const QString& channel, const QString& tenantId, const QByteArray& payload, int sends,
                           int concurrency)
{
    {
        const QSignalBlocker blocker(m_channel);
        m_channel->setCurrentText(channel);
    }
    m_tenant->setCurrentIndex(m_tenant->findText(tenantId));
    m_payload->setPlainText(QString::fromUtf8(payload));
    m_sends->setValue(sends);
    m_concurrency->setValue(concurrency);
}

bool ReplayScreen::isRunning() const { return m_run && m_run->isRunning(); }

void ReplayScreen::run()
{
    if (isRunning() || m_session == nullptr || m_tenant->currentIndex() < 0)
        return;
    ReplayRun::Plan plan{m_channel->currentText(), m_tenant->currentText(), m_tenant->currentData().toString(),
                         m_payload->toPlainText().toUtf8(), m_sends->value(), m_concurrency->value()};
    m_outcomes->reset();
    m_progress->setRange(0, plan.sends);
    m_progress->setValue(0);
    m_verdictLabel->setText(tr("Sending…"));
    m_verdictLabel->setStyleSheet(QString());
    m_evidence->clear();
    if (m_run)
        m_run->deleteLater();
    m_run = new ReplayRun(m_session->backend(), plan, this);
    connect(m_run, &ReplayRun::answered, this, [this](int status, qint64 elapsedMs) {
        m_outcomes->record(status, elapsedMs);
        m_progress->setValue(int(m_outcomes->total()));
    });
    connect(m_run, &ReplayRun::sendingFinished, this,
            [this] { m_verdictLabel->setText(tr("Verifying through the admin API…")); });
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
    m_verdictLabel->setText(text);
    m_verdictLabel->setStyleSheet(QStringLiteral("color: %1").arg(color));
    m_evidence->setPlainText(verdict.evidence);
    emit verdictReady(verdict);
}

void ReplayScreen::setRunning(bool running)
{
    const bool canRun = m_session != nullptr && m_tenant->count() > 0;
    m_runButton->setEnabled(!running && canRun);
    m_cancelButton->setEnabled(running);
    if (!canRun && !running)
        m_verdictLabel->setText(m_session == nullptr ? tr("Not connected")
                                                     : tr("The profile has no tenant API keys"));
}

} // namespace mccig::console
