#include "settings/settings_dialog.h"

#include "app/language.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QSpinBox>

namespace mccig::console {
namespace {

constexpr auto kIntervalKey = "live/refreshIntervalMs";
constexpr int kDefaultIntervalMs = 1000;

} // namespace

SettingsDialog::SettingsDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Settings"));
    m_language = new QComboBox(this);
    m_language->addItem(tr("System language"), QStringLiteral("system"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(configuredLanguage())));
    m_interval = new QSpinBox(this);
    m_interval->setRange(250, 10000);
    m_interval->setSingleStep(250);
    m_interval->setSuffix(tr(" ms"));
    m_interval->setValue(refreshIntervalMs());
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Language"), m_language);
    form->addRow(tr("Live &refresh every"), m_interval);
    form->addRow(new QLabel(tr("A new language applies after a restart."), this));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::apply);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

int SettingsDialog::refreshIntervalMs()
{
    return QSettings().value(QLatin1String(kIntervalKey), kDefaultIntervalMs).toInt();
}

void SettingsDialog::apply()
{
    QSettings().setValue(QLatin1String(kIntervalKey), m_interval->value());
    emit refreshIntervalChanged(m_interval->value());
    const QString language = m_language->currentData().toString();
    const bool languageChanged = language != configuredLanguage();
    setConfiguredLanguage(language);
    accept();
    if (languageChanged
        && QMessageBox::question(parentWidget(), tr("Language"), tr("Restart the console now to switch the language?"))
               == QMessageBox::Yes)
        emit restartRequested();
}

} // namespace mccig::console
