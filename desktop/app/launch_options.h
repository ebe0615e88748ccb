#pragma once

#include "connection/connection_profile.h"

#include <QString>
#include <QStringList>

#include <expected>
#include <optional>

namespace mccig::console {

// What the command line asked for. A --server URL makes a one-off profile
// (not saved) that the console connects to at once.
struct LaunchOptions {
    std::optional<ConnectionProfile> profile;
    QString screenshotDir;      // --screenshots DIR: grab every screen and exit
    QString language;           // --language CODE overrides the setting
    bool reportFirstPaint = false;  // print "first-paint-ms N" on stdout
    bool quitAfterFirstPaint = false;
    bool showHelp = false;      // --help: print launchUsage() and exit
    bool showVersion = false;   // --version: print the version and exit
};

// Parses the console's arguments (argv without the program name) with
// QCommandLineParser; on error the message names the bad argument.
std::expected<LaunchOptions, QString> parseLaunchOptions(const QStringList& arguments);

// The --help text, with the application's name and version.
QString launchUsage();

} // namespace mccig::console
