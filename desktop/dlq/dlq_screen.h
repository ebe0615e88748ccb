#pragma once

#include "app/console_screen.h"

#include <QPointer>

#include <functional>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QToolButton;

namespace mccig::console {

class DlqBatchJob;
class DlqTableModel;
class ElidedLabel;
struct ApiResponse;

// DLQ & Failures: the dead-lettered messages, paged and filterable by tenant,
// channel and text, with the full entry beside the table. Replays one,
// the selected or all (filtered) entries, and deletes after confirmation;
// batch actions show progress and can be cancelled. The list reloads when the
// screen is shown and whenever the live DLQ depth differs from what it holds
// (the admin API has no cursor to ask for only what is new); a failed load
// says so and never reads as an empty queue.
class DlqScreen final : public ConsoleScreen {
    Q_OBJECT
public:
    explicit DlqScreen(QWidget* parent = nullptr);

    void setSession(ConsoleSession* session) override;
    void refresh() override;

    DlqTableModel* model() const { return m_model; }
    QTableView* view() const { return m_table; }
    QStringList selectedIds() const;
    void replayIds(const QStringList& ids);
    void deleteIds(const QStringList& ids);
    void replaySelected();
    void replayAll();
    void deleteSelected();
    void cancelJob();
    bool isJobRunning() const { return !m_job.isNull(); }
    QString pagerText() const;
    QString statusText() const;
    bool hasLoadError() const { return !m_loadError.isEmpty(); }

    // Asked before destructive actions; returns true to go ahead. Defaults to
    // a message box; automation replaces it.
    using Confirmation = std::function<bool(const QString& title, const QString& text)>;
    void setConfirmation(Confirmation confirm) { m_confirm = std::move(confirm); }

    static constexpr int kFetchLimit = 500;

signals:
    void loaded(int entries);
    void loadFailed(const QString& message);
    void jobFinished(int succeeded, int failed, bool cancelled);

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* buildFilterBar();
    QWidget* buildActionBar();
    void onLoaded(const ApiResponse& response);
    void applyFilter();
    void showDetails();
    void updatePager();
    void runJob(int action, const QStringList& ids);
    void installShortcuts();
    void followDepth(qint64 liveDepth);
    void showError(const QString& message);

    QPointer<ConsoleSession> m_session;
    QPointer<DlqBatchJob> m_job;
    DlqTableModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QPlainTextEdit* m_details = nullptr;
    QComboBox* m_tenantFilter = nullptr;
    QComboBox* m_channelFilter = nullptr;
    QLineEdit* m_textFilter = nullptr;
    ElidedLabel* m_pageLabel = nullptr;
    QToolButton* m_previous = nullptr;
    QToolButton* m_next = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
    ElidedLabel* m_status = nullptr;
    qint64 m_serverTotal = 0;
    qint64 m_liveDepth = -1;  // the live source's last DLQ depth, -1 unknown
    bool m_loading = false;
    bool m_reloadWanted = false; // the depth moved while a load was in flight
    QString m_loadError;
    QString m_jobSummary;     // "Replayed 3, 0 failed", kept across reloads
    Confirmation m_confirm;
};

} // namespace mccig::console
