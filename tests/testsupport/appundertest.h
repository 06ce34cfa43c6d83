// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/appcontext.h"
#include "serverfixture.h"

#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QStringList>
#include <QTest>
#include <functional>
#include <memory>

namespace Pudding::Test {

/// The real QML app in-process — AppContext, engine and window — against the real server with
/// the demo data in a database of its own: what the app tests (tst_app*) share. Header-only,
/// for the test programs that link the client. Members are torn down engine first, database
/// last.
struct AppUnderTest
{
    ServerFixture server; ///< the database and the server (`server->get(…)`)
    std::unique_ptr<Client::AppContext> context;
    std::unique_ptr<QQmlApplicationEngine> engine;
    QQuickWindow *window = nullptr;
    QStringList warnings; ///< every QML warning the engine reported

    /// Starts it all and waits for the window; returns what failed, or nothing.
    /// `beforeLoad` runs on the context before the QML is loaded (e.g. to choose a language).
    [[nodiscard]] QString start(const QString &databaseName,
        const std::function<void(Client::AppContext &)> &beforeLoad = {})
    {
        TestServer::Options options;
        options.extraArguments = { QStringLiteral("--seed-demo") };
        if (!server.start(databaseName, options))
            return server.errorString();
        context = std::make_unique<Client::AppContext>(server->url(QStringLiteral("/")));
        if (beforeLoad)
            beforeLoad(*context);
        engine = std::make_unique<QQmlApplicationEngine>();
        QObject::connect(engine.get(), &QQmlEngine::warnings, engine.get(),
            [this](const QList<QQmlError> &list) {
                for (const auto &e : list)
                    warnings.append(e.toString());
            });
        if (!context->load(*engine))
            return QStringLiteral("the QML did not load: ") + warnings.join(u'\n');
        window = qobject_cast<QQuickWindow *>(engine->rootObjects().constFirst());
        if (!window)
            return QStringLiteral("the root object is not a window");
        if (!QTest::qWaitForWindowExposed(window))
            return QStringLiteral("the window was not exposed");
        return {};
    }

    ~AppUnderTest()
    {
        engine.reset();
        context.reset();
    }
};

} // namespace Pudding::Test
