// SPDX-License-Identifier: GPL-3.0-or-later
// The real app against the real server with the demo data: it starts, shows the discover page
// with the offline map and clustered meetups, and leaves a screenshot to look at.
#include "testserver.h"

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Pudding::Test;

class TstAppScreenshot : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;
    QString m_output;

    QImage takeScreenshot(const QString &file, const QString &language)
    {
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"PUDDING_SERVER_URL"_s, m_server->url(u"/"_s).toString());
        env.insert(u"PUDDING_TILE_URL"_s, u"none"_s); // the offline map, no network
        env.insert(u"PUDDING_LANG"_s, language);
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"QT_QUICK_BACKEND"_s, u"software"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, QDir::tempPath() + u"/pudding-screenshot-config"_s);
        app.setProcessEnvironment(env);
        app.setProcessChannelMode(QProcess::MergedChannels);
        app.start(QStringLiteral(PUDDING_APP_BINARY),
            { u"--screenshot"_s, file, u"--screenshot-delay"_s, u"5000"_s });
        if (!app.waitForFinished(60000)) {
            app.kill();
            return {};
        }
        m_output = QString::fromUtf8(app.readAll());
        if (app.exitCode() != 0)
            qWarning().noquote() << m_output;
        return QImage(file);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = std::make_unique<TestDatabase>(u"screenshot"_s);
        QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
        TestServer::Options options;
        options.extraArguments = { u"--seed-demo"_s };
        m_server = std::make_unique<TestServer>(m_db->url(), options);
        QVERIFY(m_server->start());
        QVERIFY(QDir().mkpath(QStringLiteral(PUDDING_ARTIFACTS_DIR)));
    }

    void discoverPage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("file");
        QTest::newRow("English") << u"en"_s << u"discover.png"_s;
        QTest::newRow("German") << u"de"_s << u"discover-de.png"_s;
    }
    void discoverPage()
    {
        QFETCH(QString, language);
        QFETCH(QString, file);
        const QString path = QStringLiteral(PUDDING_ARTIFACTS_DIR) + u'/' + file;
        QFile::remove(path);
        const QImage image = takeScreenshot(path, language);
        QVERIFY2(!image.isNull(), qPrintable(path));
        // With real data on screen, no QML warning may appear (ReferenceError, TypeError…).
        QStringList qmlWarnings;
        for (const QString &line : m_output.split(u'\n'))
            if (line.contains(u"qrc:/"_s))
                qmlWarnings.append(line);
        QVERIFY2(qmlWarnings.isEmpty(), qPrintable(qmlWarnings.join(u'\n')));
        QCOMPARE(image.size(), QSize(1280, 800));
        // Not a blank window: a map has many colours. And the markers' pink is there.
        QSet<QRgb> colours;
        int markerPixels = 0;
        for (int y = 0; y < image.height(); y += 2) {
            for (int x = 0; x < image.width(); x += 2) {
                const QRgb c = image.pixel(x, y);
                colours.insert(c);
                const QColor q(c);
                if (q.red() > 200 && q.green() < 60 && q.blue() > 80 && q.blue() < 130)
                    ++markerPixels;
            }
        }
        QVERIFY2(colours.size() > 200, qPrintable(u"only %1 colours"_s.arg(colours.size())));
        QVERIFY2(markerPixels > 50, qPrintable(u"marker pixels: %1"_s.arg(markerPixels)));
        qInfo().noquote() << "screenshot:" << path;
    }
};

QTEST_GUILESS_MAIN(TstAppScreenshot)
#include "tst_appscreenshot.moc"
