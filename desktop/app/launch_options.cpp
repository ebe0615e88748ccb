#include "app/launch_options.h"

#include <QCoreApplication>

namespace mccig::console {
QString launchUsage()
{
    return QStringLiteral(
        "usage: mccig-console [--server URL [--admin-key KEY] [--api-keys tenant:key,...] [--redis-url URL]]\n"
        "                     [--screenshots DIR] [--language system|en|de]\n"
        "                     [--report-first-paint] [--quit-after-first-paint]\n");
}

std::expected<LaunchOptions, QString> parseLaunchOptions(const QStringList& arguments)
{
    LaunchOptions options;
    ConnectionProfile profile;
    profile.id = QStringLiteral("command-line");
    profile.name = QStringLiteral("command line");
    bool haveServer = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& flag = arguments.at(i);
        const bool takesValue = flag == QLatin1String("--server") || flag == QLatin1String("--admin-key")
                                || flag == QLatin1String("--api-keys") || flag == QLatin1String("--redis-url")
                                || flag == QLatin1String("--screenshots") || flag == QLatin1String("--language");
        if (takesValue && i + 1 >= arguments.size())
            return std::unexpected(QCoreApplication::translate("LaunchOptions", "%1 needs a value").arg(flag));
        const QString value = takesValue ? arguments.at(++i) : QString();
        if (flag == QLatin1String("--server")) {
            profile.serverUrl = QUrl(value);
            haveServer = true;
        } else if (flag == QLatin1String("--admin-key")) {
            profile.adminKey = value;
        } else if (flag == QLatin1String("--api-keys")) {
            profile.tenantKeys = parseTenantKeys(value);
        } else if (flag == QLatin1String("--redis-url")) {
            profile.redisUrl = value;
        } else if (flag == QLatin1String("--screenshots")) {
            options.screenshotDir = value;
        } else if (flag == QLatin1String("--language")) {
            options.language = value;
        } else if (flag == QLatin1String("--report-first-paint")) {
            options.reportFirstPaint = true;
        } else if (flag == QLatin1String("--quit-after-first-paint")) {
            options.reportFirstPaint = true;
            options.quitAfterFirstPaint = true;
        } else {
            return std::unexpected(QCoreApplication::translate("LaunchOptions", "unknown argument %1").arg(flag));
        }
    }
    if (!options.screenshotDir.isEmpty() && !haveServer)
        return std::unexpected(QCoreApplication::translate("LaunchOptions", "--screenshots needs --server"));
    if (haveServer)
        options.profile = profile;
    return options;
}

} // namespace mccig::console
