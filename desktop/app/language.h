#pragma once

#include <QString>

class QCoreApplication;

namespace mccig::console {

// The console's UI language: "system" (follow the OS), "en" or "de". Stored
// in QSettings under "language"; the translations are built into the binary
// (:/i18n/mccig_<code>.qm).
QString configuredLanguage();
void setConfiguredLanguage(const QString& code);

// Installs the translators (the console's and Qt's own) for `code`; returns
// the language actually used ("en" when nothing matched).
QString installLanguage(QCoreApplication& app, const QString& code);

} // namespace mccig::console
