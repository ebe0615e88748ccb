#pragma once

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace mccig::console {

// Console preferences: UI language (applied on the next start, offered as a
// restart) and how often live figures refresh.
class SettingsDialog final : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    static int refreshIntervalMs();

signals:
    void restartRequested();
    void refreshIntervalChanged(int milliseconds);

private:
    void apply();

    QComboBox* m_language = nullptr;
    QSpinBox* m_interval = nullptr;
};

} // namespace mccig::console
