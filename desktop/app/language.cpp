#include "app/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace mccig::console {

QString configuredLanguage() { return QSettings().value(QStringLiteral("language"), QStringLiteral("system")).toString(); }

void setConfiguredLanguage(const QString& code) { QSettings().setValue(QStringLiteral("language"), code); }

QString installLanguage(QCoreApplication& app, const QString& code)
{
    const QLocale locale = code == QLatin1String("system") ? QLocale::system() : QLocale(code);
    auto* console = new QTranslator(&app);
    if (!console->load(locale, QStringLiteral("mccig"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete console;
        return QStringLiteral("en");
    }
    app.installTranslator(console);
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    else
        delete qt;
    QLocale::setDefault(locale);
    return locale.name().left(2);
}

} // namespace mccig::console
