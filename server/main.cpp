// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/serverapp.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pudding-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PUDDING_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Pudding Gabel"));

    Pudding::Server::ServerConfig config;
    QString message;
    int exitCode = 0;
    if (!config.parse(QCoreApplication::arguments(), &message, &exitCode)) {
        QTextStream(exitCode == 0 ? stdout : stderr) << message;
        return exitCode;
    }
    Pudding::Server::ServerApp server(std::move(config));
    return server.run();
}
