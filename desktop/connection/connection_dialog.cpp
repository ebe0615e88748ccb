#include "connection/connection_dialog.h"

#include "ui_connection_dialog.h"

#include "connection/profile_store.h"
#include "connection/secret_store.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPointer>

namespace mccig::console {

ConnectionDialog::ConnectionDialog(ProfileStore* store, const std::optional<ConnectionProfile>& unsaved,
                                   QWidget* parent)
    : QDialog(parent), ui(std::make_unique<Ui::ConnectionDialog>()), m_store(store), m_unsaved(unsaved)
{
    ui->setupUi(this);
    const SecretStore* secrets = store->secrets();
    const bool secure = secrets != nullptr && secrets->isSecure();
    ui->secretsNote->setText(secrets == nullptr ? QString() : secrets->description());
    ui->secretsNote->setStyleSheet(secure ? QString() : QStringLiteral("color: #c62828"));
    connect(ui->profileList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            showProfile(ui->profileList->item(row)->data(Qt::UserRole).toString());
    });
    connect(ui->newButton, &QPushButton::clicked, this, [this] {
        ConnectionProfile profile;
        profile.id = ProfileStore::newProfileId();
        profile.name = tr("New profile");
        profile.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:8080"));
        m_store->saveProfile(profile);
        reloadList(profile.id);
    });
    connect(ui->deleteButton, &QPushButton::clicked, this, [this] {
        if (m_currentId.isEmpty())
            return;
        if (QMessageBox::question(this, tr("Delete profile"), tr("Delete the profile \"%1\" and its secrets?")
                                                                   .arg(ui->nameEdit->text())) != QMessageBox::Yes)
            return;
        m_store->removeProfile(m_currentId);
        reloadList(QString());
    });
    connect(ui->saveButton, &QPushButton::clicked, this, &ConnectionDialog::save);
    connect(ui->connectButton, &QPushButton::clicked, this, [this] {
        if (m_currentId.isEmpty())
            return;
        const ConnectionProfile profile = editedProfile();
        if (!showingUnsaved())
            m_store->saveProfile(profile);
        emit connectRequested(profile);
        accept();
    });
    connect(ui->closeButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(ui->caBrowseButton, &QPushButton::clicked, this, &ConnectionDialog::chooseCaCertificate);
    connect(ui->localRadio, &QRadioButton::toggled, this, &ConnectionDialog::enableServerFields);
    reloadList(m_unsaved ? m_unsaved->id : store->lastUsedProfileId());
}

ConnectionDialog::~ConnectionDialog() = default;

void ConnectionDialog::reloadList(const QString& selectId)
{
    const QSignalBlocker blocker(ui->profileList);
    ui->profileList->clear();
    int selectRow = 0;
    for (const ConnectionProfile& profile : m_store->profilesWithoutSecrets()) {
        auto* item = new QListWidgetItem(profile.name, ui->profileList);
        item->setData(Qt::UserRole, profile.id);
        if (profile.id == selectId)
            selectRow = ui->profileList->count() - 1;
    }
    if (m_unsaved) {
        auto* item = new QListWidgetItem(tr("%1 (not saved)").arg(m_unsaved->name), ui->profileList);
        item->setData(Qt::UserRole, m_unsaved->id);
        item->setToolTip(tr("Opened from the command line: Save keeps it as a profile"));
        if (m_unsaved->id == selectId)
            selectRow = ui->profileList->count() - 1;
    }
    const bool any = ui->profileList->count() > 0;
    for (QWidget* widget : {static_cast<QWidget*>(ui->nameEdit), static_cast<QWidget*>(ui->urlEdit),
                            static_cast<QWidget*>(ui->adminEdit), static_cast<QWidget*>(ui->keysEdit),
                            static_cast<QWidget*>(ui->redisEdit), static_cast<QWidget*>(ui->caEdit),
                            static_cast<QWidget*>(ui->caBrowseButton), static_cast<QWidget*>(ui->saveButton),
                            static_cast<QWidget*>(ui->connectButton), static_cast<QWidget*>(ui->deleteButton)})
        widget->setEnabled(any);
    if (!any) {
        m_currentId.clear();
        return;
    }
    enableServerFields();
    ui->profileList->setCurrentRow(selectRow);
    showProfile(ui->profileList->item(selectRow)->data(Qt::UserRole).toString());
}

bool ConnectionDialog::showingUnsaved() const { return m_unsaved && m_currentId == m_unsaved->id; }

void ConnectionDialog::showProfile(const QString& id)
{
    m_currentId = id;
    ui->deleteButton->setEnabled(!showingUnsaved());
    QPointer<ConnectionDialog> guard(this);
    const auto fill = [guard, id](const ConnectionProfile& profile) {
        if (!guard || guard->m_currentId != id)
            return;
        guard->ui->nameEdit->setText(profile.name);
        (profile.kind == ProfileKind::LocalGateway ? guard->ui->localRadio : guard->ui->httpRadio)->setChecked(true);
        guard->ui->urlEdit->setText(profile.serverUrl.toString());
        guard->ui->adminEdit->setText(profile.adminKey);
        guard->ui->keysEdit->setPlainText(formatTenantKeys(profile.tenantKeys).replace(QLatin1Char(','), QLatin1Char('\n')));
        guard->ui->redisEdit->setText(profile.redisUrl);
        guard->ui->caEdit->setText(profile.caCertificateFile);
        guard->enableServerFields();
    };
    if (showingUnsaved())
        fill(*m_unsaved);
    else
        m_store->loadProfile(id, fill);
}

// The local gateway's URL is wherever it runs, it reads no Redis and speaks
// plain HTTP on loopback.
void ConnectionDialog::enableServerFields()
{
    const bool server = ui->profileList->count() > 0 && !ui->localRadio->isChecked();
    for (QWidget* widget : {static_cast<QWidget*>(ui->urlEdit), static_cast<QWidget*>(ui->redisEdit),
                            static_cast<QWidget*>(ui->caEdit), static_cast<QWidget*>(ui->caBrowseButton)})
        widget->setEnabled(server);
}

ConnectionProfile ConnectionDialog::editedProfile() const
{
    ConnectionProfile profile;
    profile.id = m_currentId;
    profile.name = ui->nameEdit->text().trimmed();
    profile.kind = ui->localRadio->isChecked() ? ProfileKind::LocalGateway : ProfileKind::Http;
    if (profile.kind == ProfileKind::Http)
        profile.serverUrl = QUrl::fromUserInput(ui->urlEdit->text().trimmed());
    profile.adminKey = ui->adminEdit->text();
    profile.tenantKeys = parseTenantKeys(ui->keysEdit->toPlainText().replace(QLatin1Char('\n'), QLatin1Char(',')));
    if (profile.kind == ProfileKind::Http) {
        profile.redisUrl = ui->redisEdit->text().trimmed();
        profile.caCertificateFile = ui->caEdit->text().trimmed();
    }
    return profile;
}

void ConnectionDialog::chooseCaCertificate()
{
    auto* chooser = new QFileDialog(this, tr("CA certificate"), QFileInfo(ui->caEdit->text()).absolutePath(),
                                    tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setFileMode(QFileDialog::ExistingFile);
    connect(chooser, &QFileDialog::fileSelected, ui->caEdit, &QLineEdit::setText);
    chooser->open();
}

void ConnectionDialog::save()
{
    if (m_currentId.isEmpty())
        return;
    ConnectionProfile profile = editedProfile();
    if (showingUnsaved()) {
        profile.id = ProfileStore::newProfileId();
        m_unsaved.reset();
        m_currentId = profile.id;
        m_store->saveProfile(profile);
        emit unsavedProfileSaved(profile);
    } else {
        m_store->saveProfile(profile);
    }
    reloadList(m_currentId);
}

} // namespace mccig::console
