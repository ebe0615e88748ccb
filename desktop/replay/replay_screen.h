#pragma once

#include "app/console_screen.h"
#include "replay/replay_run.h"

#include <QPointer>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace mccig::console {

class ReplayOutcomeModel;

// Replay Verification: fires one payload N times with C concurrent senders,
// tallies 202/200/other live, then checks through the admin API that exactly
// one row was stored, and shows a pass/fail verdict with its evidence.
class ReplayScreen final : public ConsoleScreen {
    Q_OBJECT
public:
    explicit ReplayScreen(QWidget* parent = nullptr);

    void setSession(ConsoleSession* session) override;

    void setPlan(const QString& channel, const QString& tenantId, const QByteArray& payload, int sends, int concurrency);
    void run();
    void cancel();
    bool isRunning() const;
    ReplayOutcomeModel* outcomeModel() const { return m_outcomes; }
    const ReplayVerdict& lastVerdict() const { return m_lastVerdict; }

signals:
    void verdictReady(const mccig::console::ReplayVerdict& verdict);

private:
    QWidget* buildPlanForm();
    QWidget* buildResultPane();
    void showVerdict(const ReplayVerdict& verdict);
    void setRunning(bool running);

    QPointer<ConsoleSession> m_session;
    QPointer<ReplayRun> m_run;
    ReplayOutcomeModel* m_outcomes = nullptr;
    ReplayVerdict m_lastVerdict;
    QComboBox* m_channel = nullptr;
    QComboBox* m_tenant = nullptr;
    QSpinBox* m_sends = nullptr;
    QSpinBox* m_concurrency = nullptr;
    QPlainTextEdit* m_payload = nullptr;
    QPushButton* m_runButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_verdictLabel = nullptr;
    QPlainTextEdit* m_evidence = nullptr;
};

} // namespace mccig::console
