#pragma once

#include "connection/connection_profile.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ConnectionDialog;
}

namespace mccig::console {

class ProfileStore;

// Edits the saved connection profiles and picks the one to connect to. The
// Local engine kind is shown but disabled, with the reason. Shows whether
// secrets go to a keychain or, when there is none, to plain text.
class ConnectionDialog final : public QDialog {
    Q_OBJECT
public:
    ConnectionDialog(ProfileStore* store, QWidget* parent = nullptr);
    ~ConnectionDialog() override;

signals:
    void connectRequested(const QString& profileId);

private:
    void reloadList(const QString& selectId);
    void showProfile(const QString& id);
    ConnectionProfile editedProfile() const;
    void save();

    std::unique_ptr<Ui::ConnectionDialog> ui;
    ProfileStore* m_store;
    QString m_currentId;
};

} // namespace mccig::console
