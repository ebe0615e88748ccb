#pragma once

#include "app/console_screen.h"
#include "replay/replay_run.h"

#include <QPointer>
#include <QSet>

#include <memory>

namespace Ui {
class ReplayScreen;
}

namespace mccig::console {

class ReplayOutcomeModel;

// Replay Verification: fires one payload N times with C concurrent senders,
// tallies 202/200/other live, then checks through the admin API that exactly
// one row was stored, and shows a PASS, FAIL or INCONCLUSIVE verdict with its
// evidence. A re-run uses a fresh message id unless the id is pinned.
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
    void setIdPinned(bool pinned);
    QString verdictText() const;
    QString evidenceText() const;
    QString payloadText() const;

signals:
    void verdictReady(const mccig::console::ReplayVerdict& verdict);

private:
    void loadTemplate();
    void showVerdict(const ReplayVerdict& verdict);
    void setRunning(bool running);
    void showIdle();
    void installActions();

    std::unique_ptr<Ui::ReplayScreen> ui;
    QPointer<ConsoleSession> m_session;
    QPointer<ReplayRun> m_run;
    ReplayOutcomeModel* m_outcomes = nullptr;
    ReplayVerdict m_lastVerdict;
    QSet<QString> m_sentIds; // message ids earlier runs of this session sent
};

} // namespace mccig::console
