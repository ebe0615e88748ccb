#pragma once

#include "app/console_screen.h"
#include "replay/replay_run.h"

#include <QPointer>

#include <memory>

namespace Ui {
class ReplayScreen;
}

namespace mccig::console {

class ReplayOutcomeModel;

// Replay Verification: fires one payload N times with C concurrent senders,
// tallies 202/200/other live, then checks through the admin API that exactly
// one row was stored, and shows a pass/fail verdict with its evidence.
class ReplayScreen final : public ConsoleScreen {
    Q_OBJECT
public:
    explicit ReplayScreen(QWidget* parent = nullptr);
    ~ReplayScreen() override;

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
    void loadTemplate();
    void showVerdict(const ReplayVerdict& verdict);
    void setRunning(bool running);

    std::unique_ptr<Ui::ReplayScreen> ui;
    QPointer<ConsoleSession> m_session;
    QPointer<ReplayRun> m_run;
    ReplayOutcomeModel* m_outcomes = nullptr;
    ReplayVerdict m_lastVerdict;
};

} // namespace mccig::console
