#include "app/server_application.h"
#include "config/command_line.h"
#include "keys/keys_command.h"
#include "operations/health_probe.h"
#include "transfer/export_command.h"
#include "transfer/import_command.h"
#include "webhooks/webhooks_command.h"

#include <exception>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    using namespace mccig::server;
    const std::vector<std::string> args(argv + 1, argv + argc);
    auto parsed = parseCommandLine(args, processEnvironment);
    if (!parsed) {
        std::cerr << "mccig-server: " << parsed.error() << std::endl;
        return 2;
    }
    try {
        switch (parsed->command) {
        case ServerCommand::Help:
            std::cout << usageText();
            return 0;
        case ServerCommand::Version:
            std::cout << "mccig-server " << MCCIG_VERSION << std::endl;
            return 0;
        case ServerCommand::Migrate:
            return runMigrateCommand(parsed->config);
        case ServerCommand::Keys:
            return runKeysCommand(parsed->keys, parsed->config, std::cout, std::cerr);
        case ServerCommand::Webhooks:
            return runWebhooksCommand(parsed->webhooks, parsed->config, std::cin, std::cout, std::cerr);
        case ServerCommand::Export:
            return runExportCommand(parsed->exportRequest, parsed->config, std::cout, std::cerr);
        case ServerCommand::Import:
            return runImportCommand(parsed->config, std::cin, std::cout, std::cerr);
        case ServerCommand::Healthcheck:
            return runHealthcheckCommand(parsed->config.listen, parsed->config.tls.enabled(), std::cerr);
        case ServerCommand::Run:
            return ServerApplication(std::move(parsed->config)).run();
        }
    } catch (const std::exception& error) {
        // Exceptions are for start-up and configuration only: the usage exit code.
        std::cerr << "mccig-server: " << error.what() << std::endl;
        return 2;
    }
    return 1;
}
