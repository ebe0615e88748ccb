#pragma once

#include "connection/connection_profile.h"

#include <QDialog>

#include <memory>
#include <optional>

namespace Ui {
class ConnectionDialog;
}

namespace mccig::console {

class ProfileStore;

// Edits the saved connection profiles and picks the one to connect to. A
// local gateway profile has no server URL, Redis URL or CA file to edit (the
// console starts the server and knows where it is). Shows whether
// secrets go to a keychain or, when there is none, to plain text. An unsaved
// profile (from the command line) is listed too and can be saved.
class ConnectionDialog final : public QDialog {
    Q_OBJECT
public:
    ConnectionDialog(ProfileStore* store, const std::optional<ConnectionProfile>& unsaved, QWidget* parent = nullptr);
    ~ConnectionDialog() override;

signals:
    // The profile as edited; saved first unless it is the unsaved one.
    void connectRequested(const mccig::console::ConnectionProfile& profile);
    // The unsaved profile was saved under a new id.
    void unsavedProfileSaved(const mccig::console::ConnectionProfile& profile);

private:
    void reloadList(const QString& selectId);
    void showProfile(const QString& id);
    ConnectionProfile editedProfile() const;
    void save();
    void chooseCaCertificate();
    bool showingUnsaved() const;
    void enableServerFields();

    std::unique_ptr<Ui::ConnectionDialog> ui;
    ProfileStore* m_store;
    QString m_currentId;
    std::optional<ConnectionProfile> m_unsaved;
};

} // namespace mccig::console
