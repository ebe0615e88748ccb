#include "app/launch_options.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace mccig::console {
namespace {

QCommandLineOption valueOption(const char* name, const QString& description, const char* valueName)
{
    return QCommandLineOption(QString::fromLatin1(name), description, QString::fromLatin1(valueName));
}

// The options of the console's command line, shared by the parser and --help.
struct OptionSet {
    Q_DECLARE_TR_FUNCTIONS(LaunchOptions)

public:
    QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help and exit.")};
    QCommandLineOption version{{QStringLiteral("v"), QStringLiteral("version")}, tr("Show the version and exit.")};
    QCommandLineOption server =
        valueOption("server", tr("Connect at once to the server at URL (a one-off profile, not saved)."), "URL");
    QCommandLineOption adminKey = valueOption("admin-key", tr("Admin key for the --server profile."), "KEY");
    QCommandLineOption apiKeys = valueOption("api-keys", tr("Tenant keys for the --server profile."), "tenant:key,...");
    QCommandLineOption redisUrl =
        valueOption("redis-url", tr("Redis to read live figures from, for the --server profile."), "URL");
    QCommandLineOption caCertificate = valueOption(
        "ca-cert", tr("PEM file of the CA that signed an https:// --server's certificate, trusted beside the system's."),
        "FILE");
    QCommandLineOption screenshots =
        valueOption("screenshots", tr("Save a screenshot of every screen into DIR and exit (needs --server)."), "DIR");
    QCommandLineOption language = valueOption("language", tr("Language of this run: system, en or de."), "CODE");
    QCommandLineOption reportFirstPaint{QStringLiteral("report-first-paint"),
                                        tr("Print \"first-paint-ms N\" when the window is first drawn.")};
    QCommandLineOption quitAfterFirstPaint{QStringLiteral("quit-after-first-paint"),
                                           tr("As --report-first-paint, then quit.")};

    void addTo(QCommandLineParser& parser) const
    {
        parser.setApplicationDescription(tr("Operations console for the MCC-IG ingestion gateway."));
        parser.addOptions({help, version, server, adminKey, apiKeys, redisUrl, caCertificate, screenshots, language,
                           reportFirstPaint, quitAfterFirstPaint});
    }
};

ConnectionProfile profileFrom(const QCommandLineParser& parser, const OptionSet& set)
{
    ConnectionProfile profile;
    profile.id = QStringLiteral("command-line");
    profile.name = QStringLiteral("command line");
    profile.serverUrl = QUrl(parser.value(set.server));
    profile.adminKey = parser.value(set.adminKey);
    if (parser.isSet(set.apiKeys))
        profile.tenantKeys = parseTenantKeys(parser.value(set.apiKeys));
    profile.redisUrl = parser.value(set.redisUrl);
    profile.caCertificateFile = parser.value(set.caCertificate);
    return profile;
}

} // namespace

QString launchUsage()
{
    QCommandLineParser parser;
    OptionSet().addTo(parser);
    return parser.helpText();
}

std::expected<LaunchOptions, QString> parseLaunchOptions(const QStringList& arguments)
{
    const OptionSet set;
    QCommandLineParser parser;
    set.addTo(parser);
    if (!parser.parse(QStringList{QStringLiteral("mccig-console")} + arguments))
        return std::unexpected(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return std::unexpected(OptionSet::tr("unexpected argument %1").arg(parser.positionalArguments().constFirst()));
    LaunchOptions options;
    options.showHelp = parser.isSet(set.help);
    options.showVersion = parser.isSet(set.version);
    options.screenshotDir = parser.value(set.screenshots);
    options.language = parser.value(set.language);
    options.quitAfterFirstPaint = parser.isSet(set.quitAfterFirstPaint);
    options.reportFirstPaint = options.quitAfterFirstPaint || parser.isSet(set.reportFirstPaint);
    if (!options.screenshotDir.isEmpty() && !parser.isSet(set.server))
        return std::unexpected(OptionSet::tr("--screenshots needs --server"));
    if (parser.isSet(set.server))
        options.profile = profileFrom(parser, set);
    return options;
}

} // namespace mccig::console
