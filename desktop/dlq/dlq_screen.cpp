#include "dlq/dlq_screen.h"

#include "app/console_session.h"
#include "backend/console_backend.h"
#include "backend/pending_call.h"
#include "dlq/dlq_batch_job.h"
#include "live/live_source.h"
#include "models/dlq_table_model.h"
#include "widgets/elided_label.h"

#include <QAction>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace mccig::console {

DlqScreen::DlqScreen(QWidget* parent) : ConsoleScreen(parent), m_model(new DlqTableModel(this))
{
    m_confirm = [this](const QString& title, const QString& text) {
        return QMessageBox::question(this, title, text) == QMessageBox::Yes;
    };
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->setAccessibleName(tr("Dead letters"));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(DlqTableModel::LastErrorColumn, QHeaderView::Stretch);
    m_details = new QPlainTextEdit(this);
    m_details->setReadOnly(true);
    m_details->setAccessibleName(tr("Dead letter details"));
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setPlaceholderText(tr("Select a dead letter to see the full event"));
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({750, 500});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildFilterBar());
    layout->addWidget(splitter, 1);
    layout->addWidget(buildActionBar());
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &DlqScreen::showDetails);
    connect(m_model, &DlqTableModel::pagingChanged, this, &DlqScreen::updatePager);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DlqScreen::showDetails);
    installShortcuts();
    setSession(nullptr);
}

QWidget* DlqScreen::buildFilterBar()
{
    auto* bar = new QWidget(this);
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tenantFilter = new QComboBox(bar);
    m_tenantFilter->addItem(tr("All tenants"), QString());
    m_channelFilter = new QComboBox(bar);
    m_channelFilter->addItem(tr("All channels"), QString());
    for (const char* channel : {"sms", "chat", "voice"})
        m_channelFilter->addItem(QLatin1String(channel), QLatin1String(channel));
    m_textFilter = new QLineEdit(bar);
    m_textFilter->setPlaceholderText(tr("Filter by id, message id, error or content (Ctrl+F)"));
    m_textFilter->setClearButtonEnabled(true);
    m_textFilter->setAccessibleName(tr("Filter text"));
    m_tenantFilter->setAccessibleName(tr("Tenant filter"));
    m_channelFilter->setAccessibleName(tr("Channel filter"));
    auto* refreshButton = new QPushButton(tr("&Refresh"), bar);
    refreshButton->setToolTip(tr("Reload the dead-letter queue (F5)"));
    layout->addWidget(m_tenantFilter);
    layout->addWidget(m_channelFilter);
    layout->addWidget(m_textFilter, 1);
    layout->addWidget(refreshButton);
    connect(m_tenantFilter, &QComboBox::currentIndexChanged, this, &DlqScreen::applyFilter);
    connect(m_channelFilter, &QComboBox::currentIndexChanged, this, &DlqScreen::applyFilter);
    connect(m_textFilter, &QLineEdit::textChanged, this, &DlqScreen::applyFilter);
    connect(refreshButton, &QPushButton::clicked, this, &DlqScreen::refresh);
    return bar;
}

// Two rows, so that the German labels fit beside each other at 1024 px: the
// page buttons and the actions, then what the list holds and the status of
// the last load or job.
QWidget* DlqScreen::buildActionBar()
{
    auto* bar = new QWidget(this);
    auto* rows = new QVBoxLayout(bar);
    rows->setContentsMargins(0, 0, 0, 0);
    auto* actions = new QHBoxLayout;
    m_previous = new QToolButton(bar);
    m_previous->setArrowType(Qt::LeftArrow);
    m_previous->setToolTip(tr("Previous page (Page Up)"));
    m_previous->setAccessibleName(tr("Previous page"));
    m_next = new QToolButton(bar);
    m_next->setArrowType(Qt::RightArrow);
    m_next->setToolTip(tr("Next page (Page Down)"));
    m_next->setAccessibleName(tr("Next page"));
    m_pageLabel = new ElidedLabel(bar);
    auto* replay = new QPushButton(tr("Re&play selected…"), bar);
    replay->setToolTip(tr("Put the selected entries back on the queue (Ctrl+R)"));
    auto* replayAll = new QPushButton(tr("Replay &all…"), bar);
    replayAll->setToolTip(tr("Replay every entry that passes the filter (Ctrl+Shift+R)"));
    auto* remove = new QPushButton(tr("&Delete…"), bar);
    remove->setToolTip(tr("Delete the selected entries (Del)"));
    actions->addWidget(m_previous);
    actions->addWidget(m_next);
    actions->addStretch();
    actions->addWidget(replay);
    actions->addWidget(replayAll);
    actions->addWidget(remove);
    auto* status = new QHBoxLayout;
    m_status = new ElidedLabel(bar);
    m_status->setAlignment(Qt::AlignRight);
    m_progress = new QProgressBar(bar);
    m_progress->setVisible(false);
    m_cancel = new QPushButton(tr("Cancel"), bar);
    m_cancel->setVisible(false);
    status->addWidget(m_pageLabel);
    status->addWidget(m_status, 1);
    status->addWidget(m_progress);
    status->addWidget(m_cancel);
    rows->addLayout(actions);
    rows->addLayout(status);
    connect(m_previous, &QToolButton::clicked, this, [this] { m_model->setPage(m_model->page() - 1); });
    connect(m_next, &QToolButton::clicked, this, [this] { m_model->setPage(m_model->page() + 1); });
    connect(replay, &QPushButton::clicked, this, &DlqScreen::replaySelected);
    connect(replayAll, &QPushButton::clicked, this, &DlqScreen::replayAll);
    connect(remove, &QPushButton::clicked, this, &DlqScreen::deleteSelected);
    connect(m_cancel, &QPushButton::clicked, this, &DlqScreen::cancelJob);
    return bar;
}

void DlqScreen::installShortcuts()
{
    const auto action = [this](const QString& text, const QKeySequence& keys, auto slot) {
        auto* created = new QAction(text, this);
        created->setShortcut(keys);
        connect(created, &QAction::triggered, this, slot);
        addAction(created);
    };
    action(tr("&Reload the queue"), QKeySequence(), &DlqScreen::refresh);
    action(tr("Re&play selected…"), QKeySequence(Qt::CTRL | Qt::Key_R), &DlqScreen::replaySelected);
    action(tr("Replay &all…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), &DlqScreen::replayAll);
    action(tr("&Delete selected…"), QKeySequence::Delete, &DlqScreen::deleteSelected);
    action(tr("&Filter"), QKeySequence::Find, [this] {
        m_textFilter->setFocus();
        m_textFilter->selectAll();
    });
    action(tr("&Cancel the running job"), QKeySequence(Qt::Key_Escape), &DlqScreen::cancelJob);
    connect(new QShortcut(QKeySequence::MoveToNextPage, m_table), &QShortcut::activated, m_next, &QToolButton::click);
    connect(new QShortcut(QKeySequence::MoveToPreviousPage, m_table), &QShortcut::activated, m_previous,
            &QToolButton::click);
}

void DlqScreen::setSession(ConsoleSession* session)
{
    cancelJob();
    if (m_session != nullptr)
        disconnect(m_session->liveSource(), nullptr, this, nullptr);
    m_session = session;
    m_model->setEntries({});
    m_serverTotal = 0;
    m_liveDepth = -1;
    m_loading = m_reloadWanted = false;
    m_loadError.clear();
    m_jobSummary.clear();
    m_status->setStyleSheet(QString());
    m_status->setText(session == nullptr ? tr("Not connected") : QString());
    updatePager();
    if (session == nullptr)
        return;
    connect(session->liveSource(), &LiveSource::snapshotReady, this,
            [this](const LiveSnapshot& snapshot) { followDepth(snapshot.dlqDepth); });
    refresh();
}

void DlqScreen::showEvent(QShowEvent* event)
{
    ConsoleScreen::showEvent(event);
    refresh();
}

// The dashboard and this list must not disagree for longer than one load.
void DlqScreen::followDepth(qint64 liveDepth)
{
    m_liveDepth = liveDepth;
    if (liveDepth == m_serverTotal && m_loadError.isEmpty())
        return;
    if (m_loading)
        m_reloadWanted = true;
    else if (isVisible() && !isJobRunning())
        refresh();
    else
        updatePager();
}

void DlqScreen::refresh()
{
    if (m_session == nullptr || m_loading)
        return;
    m_loading = true;
    m_reloadWanted = false;
    ApiRequest request;
    request.path = QStringLiteral("/v1/admin/dlq");
    request.query.addQueryItem(QStringLiteral("limit"), QString::number(kFetchLimit));
    request.auth = ApiAuth::Admin;
    // A job's result and a load error stay readable while the list reloads.
    if (m_loadError.isEmpty() && m_jobSummary.isEmpty())
        m_status->setText(tr("Loading…"));
    QPointer<ConsoleSession> session = m_session;
    connect(m_session->backend()->send(request), &PendingCall::finished, this,
            [this, session](const ApiResponse& response) {
                if (session != m_session)
                    return;
                m_loading = false;
                onLoaded(response);
                if (m_reloadWanted && isVisible())
                    refresh();
            });
}

void DlqScreen::showError(const QString& message)
{
    m_loadError = message;
    m_model->setEntries({});
    m_status->setText(tr("✖ Cannot load the DLQ: %1").arg(message));
    m_status->setStyleSheet(QStringLiteral("color: #b2182b"));
    updatePager();
    emit loadFailed(message);
}

void DlqScreen::onLoaded(const ApiResponse& response)
{
    const auto page = response.isSuccess() ? parseDlqBody(response.body) : std::nullopt;
    if (!page) {
        if (response.status == 0)
            showError(response.transportError);
        else if (response.status == 401 || response.status == 403)
            showError(tr("the admin key was refused (HTTP %1)").arg(response.status));
        else
            showError(tr("GET /v1/admin/dlq answered HTTP %1").arg(response.status));
        return;
    }
    m_loadError.clear();
    m_status->setStyleSheet(QString());
    m_serverTotal = page->total;
    const QString tenant = m_tenantFilter->currentData().toString();
    m_model->setEntries(page->items);
    {
        const QSignalBlocker blocker(m_tenantFilter);
        m_tenantFilter->clear();
        m_tenantFilter->addItem(tr("All tenants"), QString());
        for (const QString& id : m_model->tenants())
            m_tenantFilter->addItem(id, id);
        m_tenantFilter->setCurrentIndex(qMax(0, m_tenantFilter->findData(tenant)));
    }
    applyFilter();
    // The list is the freshest reading of the depth until the next snapshot.
    m_liveDepth = m_serverTotal;
    m_status->setText(m_jobSummary);
    updatePager();
    emit loaded(int(page->items.size()));
}

void DlqScreen::applyFilter()
{
    m_model->setFilter(m_tenantFilter->currentData().toString(), m_channelFilter->currentData().toString(),
                       m_textFilter->text());
}

void DlqScreen::updatePager()
{
    m_previous->setEnabled(m_model->page() > 0);
    m_next->setEnabled(m_model->page() + 1 < m_model->pageCount());
    if (!m_loadError.isEmpty() || m_session == nullptr) {
        m_pageLabel->setText(m_session == nullptr ? QString() : tr("Queue depth unknown"));
        return;
    }
    if (m_liveDepth >= 0 && m_liveDepth != m_serverTotal) {
        m_pageLabel->setText(tr("Page %1 of %2 · %3 shown of %4 loaded · %5 in the queue now, reloading…")
                                 .arg(m_model->page() + 1)
                                 .arg(m_model->pageCount())
                                 .arg(m_model->filteredCount())
                                 .arg(m_model->totalCount())
                                 .arg(m_liveDepth));
        return;
    }
    m_pageLabel->setText(tr("Page %1 of %2 · %3 shown of %4 loaded · %5 in the queue")
                             .arg(m_model->page() + 1)
                             .arg(m_model->pageCount())
                             .arg(m_model->filteredCount())
                             .arg(m_model->totalCount())
                             .arg(m_serverTotal));
}

QString DlqScreen::pagerText() const { return m_pageLabel->text(); }

QString DlqScreen::statusText() const { return m_status->text(); }

void DlqScreen::showDetails()
{
    const QModelIndex current = m_table->currentIndex();
    m_details->setPlainText(current.isValid() ? current.data(DlqTableModel::EntryJsonRole).toString() : QString());
}

QStringList DlqScreen::selectedIds() const
{
    QStringList ids;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        ids.append(index.data(DlqTableModel::EntryIdRole).toString());
    return ids;
}

void DlqScreen::replaySelected()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    if (!m_confirm(tr("Replay selected"), tr("Put %n dead letter(s) back on the queue?", nullptr, int(ids.size()))))
        return;
    replayIds(ids);
}

void DlqScreen::replayAll()
{
    const QStringList ids = m_model->filteredIds();
    if (ids.isEmpty())
        return;
    if (!m_confirm(tr("Replay all"), tr("Put %n dead letter(s) back on the queue?", nullptr, int(ids.size()))))
        return;
    replayIds(ids);
}

void DlqScreen::deleteSelected() { deleteIds(selectedIds()); }

void DlqScreen::replayIds(const QStringList& ids) { runJob(int(DlqBatchJob::Action::Replay), ids); }

void DlqScreen::deleteIds(const QStringList& ids)
{
    if (ids.isEmpty())
        return;
    if (!m_confirm(tr("Delete dead letters"),
                   tr("Delete %n dead letter(s)? They cannot be replayed afterwards.", nullptr, int(ids.size()))))
        return;
    runJob(int(DlqBatchJob::Action::Delete), ids);
}

void DlqScreen::runJob(int action, const QStringList& ids)
{
    if (ids.isEmpty() || isJobRunning() || m_session == nullptr)
        return;
    m_job = new DlqBatchJob(m_session->backend(), DlqBatchJob::Action(action), ids, this);
    m_progress->setRange(0, int(ids.size()));
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    connect(m_job, &DlqBatchJob::progressed, m_progress, &QProgressBar::setValue);
    connect(m_job, &DlqBatchJob::entryDone, m_model, &DlqTableModel::removeEntry);
    connect(m_job, &DlqBatchJob::finished, this, [this](int succeeded, int failed, bool cancelled) {
        m_progress->setVisible(false);
        m_cancel->setVisible(false);
        const bool replay = m_job->action() == DlqBatchJob::Action::Replay;
        const QString summary = cancelled ? tr("Cancelled: %1 done, %2 failed")
                                : replay  ? tr("Replayed %1, %2 failed")
                                          : tr("Deleted %1, %2 failed");
        m_jobSummary = summary.arg(succeeded).arg(failed);
        m_status->setText(m_jobSummary);
        m_job->deleteLater();
        m_job.clear();
        emit jobFinished(succeeded, failed, cancelled);
        refresh();
    });
    m_job->start();
}

void DlqScreen::cancelJob()
{
    if (m_job)
        m_job->cancel();
}

} // namespace mccig::console
