#pragma once

#include "app/console_screen.h"

#include <QPointer>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace mccig::console {

class DlqBatchJob;
class DlqTableModel;
struct ApiResponse;

// DLQ & Failures: the dead-lettered messages, paged and filterable by tenant,
// channel and text, with the full entry beside the table. Replays one,
// the selected or all (filtered) entries, and deletes after confirmation;
// batch actions show progress and can be cancelled.
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

    // Asked before destructive actions; returns true to go ahead. Defaults to
    // a message box; automation replaces it.
    using Confirmation = std::function<bool(const QString& title, const QString& text)>;
    void setConfirmation(Confirmation confirm) { m_confirm = std::move(confirm); }

    static constexpr int kFetchLimit = 500;

signals:
    void loaded(int entries);
    void loadFailed(const QString& message);
    void jobFinished(int succeeded, int failed, bool cancelled);

private:
    QWidget* buildFilterBar();
    QWidget* buildActionBar();
    void onLoaded(const ApiResponse& response);
    void applyFilter();
    void showDetails();
    void updatePager();
    void runJob(int action, const QStringList& ids);
    void installShortcuts();

    QPointer<ConsoleSession> m_session;
    QPointer<DlqBatchJob> m_job;
    DlqTableModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QPlainTextEdit* m_details = nullptr;
    QComboBox* m_tenantFilter = nullptr;
    QComboBox* m_channelFilter = nullptr;
    QLineEdit* m_textFilter = nullptr;
    QLabel* m_pageLabel = nullptr;
    QPushButton* m_previous = nullptr;
    QPushButton* m_next = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
    QLabel* m_status = nullptr;
    qint64 m_serverTotal = 0;
    Confirmation m_confirm;
};

} // namespace mccig::console
